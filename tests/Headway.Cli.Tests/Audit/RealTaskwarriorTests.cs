using System.Diagnostics;
using Headway.Cli.Tests.Hosting;

namespace Headway.Cli.Tests.Audit;

/// <summary>
/// Audits a file written by the real Taskwarrior: tasks made with <c>task add</c>, finished and deleted with its own
/// commands, exported with <c>task export</c>. Skips when <c>task</c> is not installed, except in CI, where .ci/run
/// installs it and its absence is a failure.
/// </summary>
public sealed class RealTaskwarriorTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Audit_OfARealTaskExport_CountsWhatTaskwarriorHolds()
    {
        var task = TaskOrSkip();
        var data = Path.Combine(_cli.Folder, "task");
        Directory.CreateDirectory(data);
        var rc = Path.Combine(_cli.Folder, "taskrc");
        await File.WriteAllTextAsync(rc, $"data.location={data}\nconfirmation=off\nverbose=nothing\nnews.version=9.9.9\n", TestContext.Current.CancellationToken);

        await RunTask(task, rc, data, "add", "project:Novel", "+writing", "due:2026-12-04", "write 1,000 words for chapter 4");
        await RunTask(task, rc, data, "add", "project:Novel", "research literary agents");
        await RunTask(task, rc, data, "add", "watch 3 tutorials on query letters");
        await RunTask(task, rc, data, "add", "project:Novel", "email Dana to ask for an intro to her agent");
        await RunTask(task, rc, data, "add", "project:Fitness", "run 5 km");
        await RunTask(task, rc, data, "1", "annotate", "aim for the scene at the harbour");
        await RunTask(task, rc, data, "5", "done");
        await RunTask(task, rc, data, "4", "delete");
        var export = await RunTask(task, rc, data, "export");
        var path = Path.Combine(_cli.Folder, "export.json");
        await File.WriteAllTextAsync(path, export, TestContext.Current.CancellationToken);

        var json = await _cli.JsonAsync("audit", path);

        Assert.Equal("taskwarrior", json.GetProperty("format").GetString());
        Assert.Equal(5, json.GetProperty("items").GetInt32());
        Assert.Equal(3, json.GetProperty("open").GetInt32());
        Assert.Equal(1, json.GetProperty("done").GetInt32());
        Assert.Equal(1, json.GetProperty("dropped").GetInt32());
        Assert.Equal(0, json.GetProperty("unreadableCount").GetInt32());
        Assert.Equal(0, json.GetProperty("warningCount").GetInt32());
        Assert.Equal(2, json.GetProperty("passive").GetInt32());
        var novel = json.GetProperty("projects").EnumerateArray().First();
        Assert.Equal(("Novel", 3), (novel.GetProperty("name").GetString(), novel.GetProperty("items").GetInt32()));
    }

    private static string TaskOrSkip()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "task");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Assert.Fail("Taskwarrior (`task`) is not installed, and CI must run this test: .ci/run installs the taskwarrior package.");
        }

        Assert.Skip("Taskwarrior (`task`) is not installed: apt-get install taskwarrior to run this test.");
        return "";
    }

    private static async Task<string> RunTask(string task, string rc, string data, params string[] args)
    {
        var start = new ProcessStartInfo(task) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.Environment["TASKRC"] = rc;
        start.Environment["TASKDATA"] = data;
        foreach (var arg in (string[])["rc.confirmation=off", "rc.hooks=off", .. args])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"task {string.Join(' ', args)} exited {process.ExitCode}: {await error}");
        return await output;
    }
}
