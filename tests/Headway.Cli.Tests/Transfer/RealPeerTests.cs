using System.Diagnostics;
using System.Text.Json;
using Headway.Cli.Tests.Hosting;

namespace Headway.Cli.Tests.Transfer;

/// <summary>
/// Imports files written by the real programs, not by hand: Taskwarrior's <c>task export</c>, todo.txt-cli's
/// <c>todo.sh</c>, and an iCalendar file from Python's <c>icalendar</c> (an independent implementation). Each test skips
/// when its tool is missing, except in CI, where .ci/run installs the tools and their absence is a failure.
/// </summary>
public sealed class RealPeerTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private static JsonElement Find(JsonElement list, string text) =>
        list.EnumerateArray().Single(a => a.GetProperty("text").GetString() == text);

    [Fact]
    public async Task Taskwarrior_TaskExport_ImportsWithProjectsDatesAndStates_AndUpdatesOnReimport()
    {
        var task = ToolOrSkip("taskwarrior", "task");
        var data = Path.Combine(_cli.Folder, "task");
        Directory.CreateDirectory(data);
        var rc = Path.Combine(_cli.Folder, "taskrc");
        await File.WriteAllTextAsync(rc, $"data.location={data}\nconfirmation=off\nverbose=nothing\nnews.version=9.9.9\n", Ct);
        var env = new Dictionary<string, string> { ["TASKRC"] = rc, ["TASKDATA"] = data, ["TZ"] = "UTC" };
        string[] common = ["rc.confirmation=off", "rc.hooks=off"];
        await RunAsync(task, env, [.. common, "add", "project:Novel", "+writing", "due:2026-12-04", "write 1,000 words for chapter 4"]);
        await RunAsync(task, env, [.. common, "add", "project:Novel", "research literary agents"]);
        await RunAsync(task, env, [.. common, "add", "project:Job", "email Dana to ask for an intro to her manager"]);
        await RunAsync(task, env, [.. common, "add", "run 5 km"]);
        await RunAsync(task, env, [.. common, "add", "buy a new notebook"]);
        // Deleted first: finishing a task renumbers the ones after it.
        await RunAsync(task, env, [.. common, "5", "delete"]);
        await RunAsync(task, env, [.. common, "4", "done"]);
        var export = Path.Combine(_cli.Folder, "export.json");
        await File.WriteAllTextAsync(export, await RunAsync(task, env, [.. common, "export"]), Ct);
        await _cli.OkAsync("settings", "--time-zone", "UTC");

        var report = await _cli.JsonAsync("import", export);

        Assert.Equal(("taskwarrior", 5, 5), (report.GetProperty("format").GetString(), report.GetProperty("read").GetInt32(), report.GetProperty("added").GetInt32()));
        Assert.Equal(2, report.GetProperty("goalsCreated").GetInt32());
        var later = await _cli.JsonAsync("later");
        Assert.Equal(3, later.GetArrayLength());
        var write = Find(later, "write 1,000 words for chapter 4");
        Assert.Equal("2026-12-04", write.GetProperty("due").GetString());
        Assert.Equal("meaningful", write.GetProperty("verdict").GetString());
        var backup = JsonDocument.Parse((await _cli.OkAsync("export")).Out).RootElement;
        var actions = backup.GetProperty("actions").EnumerateArray().ToList();
        var run = actions.Single(a => a.GetProperty("text").GetString() == "run 5 km");
        Assert.Equal("done", run.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, run.GetProperty("completedAt").ValueKind);
        Assert.Equal("dropped", actions.Single(a => a.GetProperty("text").GetString() == "buy a new notebook").GetProperty("status").GetString());
        Assert.All(actions, a => Assert.Matches("^[0-9a-f-]{36}$", a.GetProperty("sourceId").GetString()));

        await RunAsync(task, env, [.. common, "1", "modify", "due:2026-12-11"]);
        await File.WriteAllTextAsync(export, await RunAsync(task, env, [.. common, "export"]), Ct);
        var again = await _cli.JsonAsync("import", export);

        Assert.Equal((0, 1, 4), (again.GetProperty("added").GetInt32(), again.GetProperty("updated").GetInt32(), again.GetProperty("unchanged").GetInt32()));
        Assert.Equal("2026-12-11", Find(await _cli.JsonAsync("later"), "write 1,000 words for chapter 4").GetProperty("due").GetString());
    }

    [Fact]
    public async Task TodoTxtCli_TodoFile_ImportsWithPrioritiesProjectsAndCompletion()
    {
        var todo = ToolOrSkip("todotxt-cli", "todo-txt", "todo.sh");
        var config = Path.Combine(_cli.Folder, "todo.cfg");
        await File.WriteAllTextAsync(config,
            $"export TODO_DIR={_cli.Folder}\nexport TODO_FILE=\"$TODO_DIR/todo.txt\"\nexport DONE_FILE=\"$TODO_DIR/done.txt\"\nexport REPORT_FILE=\"$TODO_DIR/report.txt\"\n", Ct);
        var env = new Dictionary<string, string> { ["TZ"] = "UTC" };
        string[] common = ["-d", config, "-f", "-t"];
        await RunAsync(todo, env, [.. common, "add", "write 500 words of chapter 3 +Novel @desk due:2026-12-04"]);
        await RunAsync(todo, env, [.. common, "add", "call Mom about the reunion +Family"]);
        await RunAsync(todo, env, [.. common, "add", "read about plot structure +Novel"]);
        await RunAsync(todo, env, [.. common, "pri", "3", "B"]);
        await RunAsync(todo, env, ["-d", config, "-f", "-a", "do", "2"]);
        var file = Path.Combine(_cli.Folder, "todo.txt");

        var report = await _cli.JsonAsync("import", file);

        Assert.Equal(("todotxt", 3, 2), (report.GetProperty("format").GetString(), report.GetProperty("added").GetInt32(), report.GetProperty("goalsCreated").GetInt32()));
        var later = await _cli.JsonAsync("later");
        var write = Find(later, "write 500 words of chapter 3");
        Assert.Equal("2026-12-04", write.GetProperty("due").GetString());
        Assert.NotEqual(JsonValueKind.Null, write.GetProperty("goalId").ValueKind);
        Assert.Equal("passive", Find(later, "read about plot structure").GetProperty("verdict").GetString());
        var todoOut = (await _cli.OkAsync("export", "--format", "todotxt")).Out;
        Assert.Matches(@"(?m)^x \d{4}-\d{2}-\d{2} \d{4}-\d{2}-\d{2} call Mom about the reunion \+Family$", todoOut);
        Assert.Equal(0, (await _cli.JsonAsync("import", file)).GetProperty("added").GetInt32());
    }

    [Fact]
    public async Task PythonICalendar_VTodos_ImportWithUidsDatesAndEscapes()
    {
        var python = PythonWithICalendarOrSkip();
        var ics = Path.Combine(_cli.Folder, "tasks.ics");
        var script = $$"""
            import datetime, icalendar
            cal = icalendar.Calendar()
            cal.add('prodid', '-//python icalendar test//EN')
            cal.add('version', '2.0')
            def todo(uid, summary, status, due=None, completed=None, categories=None):
                t = icalendar.Todo()
                t.add('uid', uid)
                t.add('dtstamp', datetime.datetime(2026, 11, 20, 9, 30, tzinfo=datetime.timezone.utc))
                t.add('summary', summary)
                t.add('status', status)
                if due: t.add('due', due)
                if completed: t.add('completed', completed)
                if categories: t.add('categories', categories)
                cal.add_component(t)
            todo('a-1@example.org', 'Write 1,000 words; chapter 4', 'NEEDS-ACTION', due=datetime.date(2026, 12, 4), categories=['Novel', 'Deep work'])
            todo('a-2@example.org', 'Email Dana to ask for an intro', 'COMPLETED', completed=datetime.datetime(2026, 11, 24, 17, 0, tzinfo=datetime.timezone.utc))
            todo('a-3@example.org', 'Look into standing desks', 'CANCELLED')
            open(r'{{ics}}', 'wb').write(cal.to_ical())
            """;
        await RunAsync(python, new Dictionary<string, string>(), ["-c", script]);

        var report = await _cli.JsonAsync("import", ics);

        Assert.Equal(("ical", 3), (report.GetProperty("format").GetString(), report.GetProperty("added").GetInt32()));
        var later = await _cli.JsonAsync("later");
        var write = Assert.Single(later.EnumerateArray());
        Assert.Equal("Write 1,000 words; chapter 4", write.GetProperty("text").GetString());
        Assert.Equal("2026-12-04", write.GetProperty("due").GetString());
        var exported = (await _cli.OkAsync("export", "--format", "ical")).Out;
        Assert.Contains("UID:a-1@example.org\r\n", exported, StringComparison.Ordinal);
        Assert.Contains("COMPLETED:20261124T170000Z\r\n", exported, StringComparison.Ordinal);
        Assert.Contains("STATUS:CANCELLED\r\n", exported, StringComparison.Ordinal);
    }

    private static string ToolOrSkip(string package, params string[] names)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        SkipOrFail($"`{names[0]}` is not installed", package);
        return "";
    }

    private static string PythonWithICalendarOrSkip()
    {
        // Debian's python3 first: python3-icalendar installs there, whatever other Python comes first on PATH.
        foreach (var python in (string[])["/usr/bin/python3", "python3"])
        {
            try
            {
                using var process = Process.Start(new ProcessStartInfo(python, ["-c", "import icalendar"]) { RedirectStandardError = true });
                process!.WaitForExit();
                if (process.ExitCode == 0)
                {
                    return python;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not there; try the next one.
            }
        }

        SkipOrFail("Python's icalendar module is not installed", "python3-icalendar");
        return "";
    }

    private static void SkipOrFail(string what, string package)
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Assert.Fail($"{what}, and CI must run this test: .ci/run installs the {package} package.");
        }

        Assert.Skip($"{what}: apt-get install {package} to run this test.");
    }

    private static async Task<string> RunAsync(string tool, Dictionary<string, string> env, string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var (name, value) in env)
        {
            start.Environment[name] = value;
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        Assert.True(process.ExitCode == 0, $"{Path.GetFileName(tool)} {string.Join(' ', args)} exited {process.ExitCode}: {await error}");
        return await output;
    }
}
