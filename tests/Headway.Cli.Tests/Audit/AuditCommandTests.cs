using System.Text.Json;
using Headway.Cli.Tests.Hosting;

namespace Headway.Cli.Tests.Audit;

public sealed class AuditCommandTests : IDisposable
{
    private const string TodoTxt = """
        (A) Write 1,000 words of chapter 4 +Novel due:2026-12-04
        x 2026-11-20 Email Dana to ask for an intro +Novel
        watch 3 tutorials on query letters @online
        research literary agents +Novel
        """;

    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Audit_Json_HasTheAuditShape()
    {
        var path = Write("todo.txt", TodoTxt);

        var json = await _cli.JsonAsync("audit", path);

        Assert.Equal("todotxt", json.GetProperty("format").GetString());
        Assert.Equal(4, json.GetProperty("items").GetInt32());
        Assert.Equal(3, json.GetProperty("open").GetInt32());
        Assert.Equal(1, json.GetProperty("done").GetInt32());
        Assert.Equal(2, json.GetProperty("meaningful").GetInt32());
        Assert.Equal(2, json.GetProperty("passive").GetInt32());
        Assert.Equal(0.5, json.GetProperty("busyWorkRatio").GetDouble());
        Assert.Equal(2, json.GetProperty("withoutOutcome").GetInt32());
        Assert.Equal(1, json.GetProperty("signals").GetProperty("consumption").GetInt32());
        var worst = json.GetProperty("topPassive").EnumerateArray().ToList();
        Assert.Equal(2, worst.Count);
        Assert.All(worst, w =>
        {
            Assert.False(string.IsNullOrEmpty(w.GetProperty("suggestion").GetString()));
            Assert.InRange(w.GetProperty("score").GetInt32(), 0, 49);
            Assert.InRange(w.GetProperty("line").GetInt32(), 3, 4);
        });
        Assert.Equal(["fear", "no-goals", "perfectionism"], json.GetProperty("diagnosis").EnumerateArray().Select(d => d.GetProperty("cause").GetString()).Order());
        var projects = json.GetProperty("projects").EnumerateArray().ToList();
        Assert.Equal("Novel", projects[0].GetProperty("name").GetString());
        Assert.Equal(3, projects[0].GetProperty("items").GetInt32());
        Assert.Equal(JsonValueKind.Null, projects[1].GetProperty("name").ValueKind);
        Assert.Empty(json.GetProperty("unreadable").EnumerateArray());
    }

    [Fact]
    public async Task Audit_Human_ShowsTheFiguresChartsWorstItemsAndDiagnosis()
    {
        var path = Write("todo.txt", TodoTxt);

        var result = await _cli.OkAsync("audit", path);

        Assert.Contains("Audit of todo.txt (todotxt)", result.Out, StringComparison.Ordinal);
        Assert.Contains("4 items: 3 open, 1 done, 0 dropped", result.Out, StringComparison.Ordinal);
        Assert.Contains("Busy work  50%", result.Out, StringComparison.Ordinal);
        Assert.Contains("consumption", result.Out, StringComparison.Ordinal);
        Assert.Contains("Novel · 3", result.Out, StringComparison.Ordinal);
        Assert.Contains("try instead:", result.Out, StringComparison.Ordinal);
        Assert.Contains("Why busy but not productive?", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Reading", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_UnreadableRecords_AreListedWithLines_AndTheAuditGoesOn()
    {
        var path = Write("tasks.json", """
            [
            {"description":"write the intro","uuid":"1","status":"pending"},
            {"description":"broken,"uuid":"2"},
            {"description":"buy a new keyboard","uuid":"3","status":"completed","end":"soon"},
            {"description":"dup","uuid":"1"}
            ]
            """);

        var json = await _cli.JsonAsync("audit", path);
        var human = await _cli.OkAsync("audit", path);

        Assert.Equal(2, json.GetProperty("items").GetInt32());
        Assert.Equal(2, json.GetProperty("unreadableCount").GetInt32());
        Assert.Equal([3, 5], json.GetProperty("unreadable").EnumerateArray().Select(u => u.GetProperty("line").GetInt32()));
        var warning = Assert.Single(json.GetProperty("warnings").EnumerateArray());
        Assert.Equal((4, "end"), (warning.GetProperty("line").GetInt32(), warning.GetProperty("field").GetString()));
        Assert.Contains("Unreadable records (2 skipped)", human.Out, StringComparison.Ordinal);
        Assert.Contains("line 3", human.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_UnknownColumn_IsReportedOnTheHeader_AndTheRowsAreAudited()
    {
        var path = Write("project.csv", "TYPE,CONTENT,ESTIMATE\ntask,write the intro,2h\ntask,buy a new keyboard,\n");

        var json = await _cli.JsonAsync("audit", path);
        var human = await _cli.OkAsync("audit", path);

        Assert.Equal(2, json.GetProperty("items").GetInt32());
        var warning = Assert.Single(json.GetProperty("warnings").EnumerateArray());
        Assert.Equal((1, "ESTIMATE"), (warning.GetProperty("line").GetInt32(), warning.GetProperty("field").GetString()));
        Assert.Contains("line 1", human.Out, StringComparison.Ordinal);
        Assert.Contains("Unknown column 'ESTIMATE'", human.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_StandardInput_AndForcedFormat()
    {
        var session = new CliSession(Input: "x buy milk\nemail Sam the draft\n");

        var forced = await _cli.RunAsync(["audit", "-", "--format", "text", "--json"], session);
        var detected = await _cli.RunAsync(["audit", "-", "--json"], session);

        Assert.Equal(0, forced.ExitCode);
        Assert.Equal("text", forced.Json.GetProperty("format").GetString());
        Assert.Equal(0, forced.Json.GetProperty("done").GetInt32());
        Assert.Equal(2, detected.Json.GetProperty("items").GetInt32());
    }

    [Fact]
    public async Task Audit_Top_LimitsTheWorstItems()
    {
        var path = Write("plain.txt", "watch a movie\nbuy a lamp\nresearch lamps\nlook into yoga\n");

        var json = await _cli.JsonAsync("audit", path, "--top", "2");

        Assert.Equal(2, json.GetProperty("topPassive").GetArrayLength());
    }

    [Fact]
    public async Task Audit_MissingFile_Exits3()
    {
        var result = await _cli.RunAsync("audit", Path.Combine(_cli.Folder, "nope.json"));

        result.AssertOneSentenceError(3);
        Assert.Equal("", result.Out);
    }

    [Theory]
    [InlineData("--format", "excel")]
    [InlineData("--top", "-1")]
    public async Task Audit_BadOption_Exits2(string option, string value)
    {
        var path = Write("plain.txt", "write the intro\n");

        var result = await _cli.RunAsync("audit", path, option, value);

        result.AssertOneSentenceError(2);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task Audit_NothingReadable_ReportsTheRecords_AndExits2()
    {
        var path = Write("tasks.ics", "BEGIN:VCALENDAR\nBEGIN:VTODO\nUID:1\nEND:VTODO\nEND:VCALENDAR\n");

        var result = await _cli.RunAsync("audit", path);

        result.AssertOneSentenceError(2);
        Assert.Contains("line 2", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_NeedsNoDatabase()
    {
        var path = Write("plain.txt", "write the intro\n");

        await _cli.OkAsync("audit", path);

        Assert.False(File.Exists(_cli.DatabasePath));
    }

    [Fact]
    public async Task Audit_OfANamedPipe_ReadsItAsText()
    {
        // What `headway audit <(task export)` hands over: a path that cannot go back to its start after detection.
        var fifo = Path.Combine(_cli.Folder, "export.pipe");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo))
        {
            await mkfifo.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var writer = Task.Run(() => File.WriteAllText(fifo, "[\n{\"uuid\":\"1\",\"description\":\"write the intro\",\"project\":\"Novel\"},\n{\"uuid\":\"2\",\"description\":\"buy a new keyboard\"}\n]\n"), TestContext.Current.CancellationToken);
        var json = await _cli.JsonAsync("audit", fifo);
        await writer;

        Assert.Equal("taskwarrior", json.GetProperty("format").GetString());
        Assert.Equal(2, json.GetProperty("items").GetInt32());
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_cli.Folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
