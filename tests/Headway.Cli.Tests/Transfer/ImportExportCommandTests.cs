using System.Text.Json;
using Headway.Cli.Tests.Hosting;

namespace Headway.Cli.Tests.Transfer;

/// <summary>`headway import` and `headway export` through the parser, on sample files of every format.</summary>
public sealed class ImportExportCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private static int Int(JsonElement e, string name) => e.GetProperty(name).GetInt32();

    [Theory]
    [InlineData("taskwarrior.json", "taskwarrior")]
    [InlineData("todo.txt", "todotxt")]
    [InlineData("todoist.csv", "todoist")]
    [InlineData("ticktick.csv", "ticktick")]
    [InlineData("tasks.ics", "ical")]
    [InlineData("plain.txt", "text")]
    public async Task Import_DetectsTheFormat_AndASecondImportAddsNothing(string file, string format)
    {
        var first = await _cli.JsonAsync("import", TransferFiles.Path(file));
        var second = await _cli.JsonAsync("import", TransferFiles.Path(file));

        Assert.Equal(format, first.GetProperty("format").GetString());
        Assert.True(Int(first, "added") > 0);
        Assert.Equal(Int(first, "read") - Int(first, "skipped"), Int(first, "added"));
        Assert.Equal((0, 0), (Int(second, "added"), Int(second, "updated")));
        Assert.Equal(Int(first, "added"), Int(second, "unchanged"));
        Assert.Equal(0, Int(second, "goalsCreated"));
    }

    [Fact]
    public async Task Import_OfATaskwarriorExport_PutsOpenTasksInLater_AndProjectsBecomeGoals()
    {
        await _cli.OkAsync("add", "write 300 words for chapter 1", "--now");

        var result = await _cli.OkAsync("import", TransferFiles.Path("taskwarrior.json"));

        Assert.Contains("taskwarrior", result.Out, StringComparison.Ordinal);
        Assert.Contains("recurrence template", result.Out, StringComparison.Ordinal);
        var now = await _cli.JsonAsync("now");
        Assert.Single(now.EnumerateArray());
        var later = await _cli.JsonAsync("later");
        var write = later.EnumerateArray().Single(a => a.GetProperty("text").GetString() == "write 1,000 words for chapter 4");
        Assert.Equal("meaningful", write.GetProperty("verdict").GetString());
        Assert.NotEqual(JsonValueKind.Null, write.GetProperty("goalId").ValueKind);
        var goals = await _cli.JsonAsync("goal", "list", "--all");
        Assert.Contains(goals.EnumerateArray(), g => g.GetProperty("title").GetString() == "Novel" && g.GetProperty("status").GetString() == "active");
    }

    [Fact]
    public async Task Import_WithGoalsLabels_CreatesNoGoal()
    {
        var report = await _cli.JsonAsync("import", TransferFiles.Path("todo.txt"), "--goals", "labels");

        Assert.Equal(0, Int(report, "goalsCreated"));
        Assert.Empty((await _cli.JsonAsync("goal", "list", "--all")).EnumerateArray());
        var todo = await _cli.OkAsync("export", "--format", "todotxt");
        Assert.Contains("+Novel", todo.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_FromStandardInput_WithAForcedFormat()
    {
        var text = await File.ReadAllTextAsync(TransferFiles.Path("todo.txt"), TestContext.Current.CancellationToken);

        var result = await _cli.RunAsync(["import", "-", "--format", "todo.txt", "--json"], new CliSession(text));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("todotxt", result.Json.GetProperty("format").GetString());
        Assert.Equal(7, Int(result.Json, "added"));
    }

    [Fact]
    public async Task ExportThenImportIntoAnEmptyDatabase_RestoresTheIdenticalDocument()
    {
        await _cli.OkAsync("goal", "add", "Run the Hometown 5K", "--area", "fitness");
        await _cli.OkAsync("add", "run 5 km along the river", "--now", "--goal", "1");
        await _cli.OkAsync("add", "write 1,000 words for chapter 4", "--week", "--due", "2026-12-02");
        await _cli.OkAsync("done", "2", "--result", "1,150 words");
        await _cli.OkAsync("commit", "add", "--goal", "1", "--date", "2027-03-14", "--event", "Hometown 5K", "--lock");
        await _cli.OkAsync("import", TransferFiles.Path("taskwarrior.json"));
        var backup = Path.Combine(_cli.Folder, "backup.json");
        await _cli.OkAsync("export", "--output", backup);
        var exported = await File.ReadAllTextAsync(backup, TestContext.Current.CancellationToken);

        using var other = new CliRunner();
        var restored = await other.OkAsync("import", backup);
        var again = await other.OkAsync("export");

        Assert.Contains("Restored", restored.Out, StringComparison.Ordinal);
        Assert.Equal(exported, again.Out);
        Assert.Equal(await _cli.SnapshotAsync(), await other.SnapshotAsync());
    }

    [Fact]
    public async Task Restore_FromStandardInput()
    {
        await _cli.OkAsync("goal", "add", "Finish my novel");
        await _cli.OkAsync("add", "write 1,000 words for chapter 4 — the harbour scene", "--now", "--goal", "1");
        var exported = (await _cli.OkAsync("export")).Out;

        using var other = new CliRunner();
        var result = await other.RunAsync(["import", "-", "--json"], new CliSession(exported));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("headway", result.Json.GetProperty("format").GetString());
        Assert.Equal(exported, (await other.OkAsync("export")).Out);
    }

    [Fact]
    public async Task Export_ICalendar_WritesAVTodoPerActionAndAVEventPerCommitment()
    {
        await _cli.OkAsync("goal", "add", "Run the Hometown 5K", "--area", "fitness");
        await _cli.OkAsync("add", "run 5 km along the river, then stretch; twice", "--now", "--goal", "1", "--due", "2026-11-28");
        await _cli.OkAsync("commit", "add", "--goal", "1", "--date", "2027-03-14", "--event", "Hometown 5K");

        var ics = (await _cli.OkAsync("export", "--format", "ical")).Out;

        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:run 5 km along the river\\, then stretch\\; twice\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("DUE;VALUE=DATE:20261128\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("CATEGORIES:Run the Hometown 5K\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VEVENT\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART;VALUE=DATE:20270314\r\n", ics, StringComparison.Ordinal);
        Assert.All(ics.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));
    }

    [Fact]
    public async Task Export_ICalendar_ReadsBackThroughImport()
    {
        await _cli.OkAsync("add", "write a 2,000-word essay on the harbour, for the zine", "--week");
        var path = Path.Combine(_cli.Folder, "out.ics");
        await _cli.OkAsync("export", "--format", "ical", "--output", path);

        using var other = new CliRunner();
        var report = await other.JsonAsync("import", path);
        var later = await other.JsonAsync("later");

        Assert.Equal("ical", report.GetProperty("format").GetString());
        Assert.Equal("write a 2,000-word essay on the harbour, for the zine", later[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Export_TodoTxt_WritesStandardLines()
    {
        await _cli.OkAsync("goal", "add", "Finish my novel");
        await _cli.OkAsync("add", "write 1,000 words for chapter 4", "--week", "--goal", "1", "--due", "2026-12-02");
        await _cli.OkAsync("add", "email Dana to ask for an intro", "--now");
        await _cli.OkAsync("done", "2", "--result", "sent");

        var lines = (await _cli.OkAsync("export", "--format", "todotxt")).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(
            ["2026-11-26 write 1,000 words for chapter 4 +Finish-my-novel due:2026-12-02", "x 2026-11-26 2026-11-26 email Dana to ask for an intro"],
            lines);
    }

    [Theory]
    [InlineData("--format", "csv")]
    [InlineData("--goals", "folders")]
    public async Task Import_UnknownChoice_IsInvalid(string option, string value)
    {
        var result = await _cli.RunAsync("import", TransferFiles.Path("todo.txt"), option, value);

        result.AssertOneSentenceError(2);
    }

    [Fact]
    public async Task Import_MissingFile_IsNotFound() =>
        (await _cli.RunAsync("import", Path.Combine(_cli.Folder, "nope.json"))).AssertOneSentenceError(3);

    [Fact]
    public async Task Export_UnknownFormat_IsInvalid() =>
        (await _cli.RunAsync("export", "--format", "xlsx")).AssertOneSentenceError(2);

    [Fact]
    public async Task RestoringIntoAPlannerWithData_IsRefused()
    {
        await _cli.OkAsync("add", "write 300 words for chapter 1", "--now");
        var backup = Path.Combine(_cli.Folder, "backup.json");
        await _cli.OkAsync("export", "--output", backup);
        var before = await _cli.SnapshotAsync();

        var result = await _cli.RunAsync("import", backup);

        result.AssertOneSentenceError(4);
        Assert.Equal(before, await _cli.SnapshotAsync());
    }
}
