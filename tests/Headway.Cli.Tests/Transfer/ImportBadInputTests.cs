using System.Text;
using Headway.Cli.Tests.Hosting;

namespace Headway.Cli.Tests.Transfer;

/// <summary>
/// A bad import file is refused whole: exit 2, one sentence naming the file, the line and the field, and the database
/// exactly as it was. What is only unusual (a BOM, CRLF line ends, UTF-16) imports normally.
/// </summary>
public sealed class ImportBadInputTests : IAsyncLifetime
{
    private readonly CliRunner _cli = new();
    private string _before = "";

    public async ValueTask InitializeAsync()
    {
        await _cli.OkAsync("goal", "add", "Finish my novel");
        await _cli.OkAsync("add", "write 1,000 words for chapter 4", "--now", "--goal", "1");
        await _cli.OkAsync("import", TransferFiles.Path("taskwarrior.json"));
        _before = await _cli.SnapshotAsync();
    }

    public ValueTask DisposeAsync()
    {
        _cli.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<CliResult> ImportAsync(string name, byte[] content, params string[] extra)
    {
        var path = Path.Combine(_cli.Folder, name);
        await File.WriteAllBytesAsync(path, content, TestContext.Current.CancellationToken);
        return await _cli.RunAsync(["import", path, .. extra]);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private async Task AssertRefusedAsync(CliResult result, string file, string where)
    {
        result.AssertOneSentenceError(2);
        Assert.StartsWith($"Nothing was imported from {Path.Combine(_cli.Folder, file)}: ", result.Error, StringComparison.Ordinal);
        Assert.Contains(where, result.Error, StringComparison.Ordinal);
        Assert.Equal(_before, await _cli.SnapshotAsync());
    }

    public static TheoryData<string, string, string> BadFiles() => new()
    {
        // Malformed JSON: the second task has no value after "description".
        { "tasks.json", "[\n{\"uuid\":\"a1\",\"description\":\"call Sam\",\"status\":\"pending\"},\n{\"uuid\":\"a2\",\"description\":}\n]\n", "line 3" },
        // A task object that never closes.
        { "cut.json", "[\n{\"uuid\":\"a1\",\"description\":\"call Sam\",\"status\":\"pending\"},\n{\"uuid\":\"a2\",\"description\":\"x\"\n", "line 3" },
        // Duplicate ids.
        { "dup.json", "{\"uuid\":\"a1\",\"description\":\"call Sam\",\"status\":\"pending\"}\n{\"uuid\":\"a1\",\"description\":\"call Dana\",\"status\":\"pending\"}\n", "line 2, field uuid" },
        // An invalid date.
        { "date.json", "{\"uuid\":\"a1\",\"description\":\"call Sam\",\"status\":\"pending\",\"due\":\"tomorrow-ish\"}\n", "line 1, field due" },
        // CSV with a quote that never closes.
        { "todoist.csv", "TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT,AUTHOR,RESPONSIBLE,DATE,DATE_LANG,TIMEZONE\ntask,call Sam,,4,1,,,,en,UTC\ntask,\"write 500 words,,4,1,,,,en,UTC\n", "line 3" },
        // Columns Todoist and TickTick never write: their values would be lost.
        { "project.csv", "TYPE,CONTENT,PRIORITY,ESTIMATE\ntask,call Sam,4,2h\n", "line 1, field ESTIMATE: Unknown column 'ESTIMATE': Headway reads the columns Todoist writes (TYPE, CONTENT, DESCRIPTION … DEADLINE_LANG, IS_COLLAPSED) and no other." },
        { "backup.csv", "\"Date: 2026-11-26+0000\"\n\"Folder Name\",\"List Name\",\"Title\",\"Mood\"\n\"\",\"Inbox\",\"call Sam\",\"good\"\n", "line 2, field Mood: Unknown column 'Mood'" },
        // A VTODO without END:VTODO.
        { "tasks.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTODO\r\nUID:1\r\nSUMMARY:call Sam\r\nEND:VTODO\r\nBEGIN:VTODO\r\nUID:2\r\nSUMMARY:write\r\nEND:VCALENDAR\r\n", "line 7" },
        // A VTODO without a SUMMARY.
        { "nosummary.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTODO\r\nUID:1\r\nEND:VTODO\r\nEND:VCALENDAR\r\n", "field SUMMARY" },
        // An action longer than Headway keeps.
        { "long.txt", "call Sam\n" + new string('w', 600) + "\n", "line 2, field text" },
        // A Headway export with a property Headway does not know.
        { "backup.json", "{\"format\": \"headway\", \"version\": 1, \"mood\": \"great\"}", "mood" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task MalformedFile_IsRefusedWhole(string file, string content, string where) =>
        await AssertRefusedAsync(await ImportAsync(file, Utf8(content)), file, where);

    [Fact]
    public async Task WrongEncoding_IsRefused_NamingTheLine()
    {
        // Latin-1 bytes for "café" on the second line: not UTF-8.
        var bytes = Utf8("call Sam +Friends\nmeet at the caf").Concat(new byte[] { 0xE9 }).Concat(Utf8(" +Friends\n")).ToArray();

        await AssertRefusedAsync(await ImportAsync("latin1.txt", bytes, "--format", "todotxt"), "latin1.txt", "line 2");
    }

    [Fact]
    public async Task TenMegabyteField_IsRefused_NamingTheField()
    {
        var content = "{\"uuid\":\"a1\",\"description\":\"call Sam\",\"status\":\"pending\"}\n" +
            "{\"uuid\":\"a2\",\"description\":\"" + new string('x', 10 * 1024 * 1024) + "\",\"status\":\"pending\"}\n";

        await AssertRefusedAsync(await ImportAsync("huge.json", Utf8(content)), "huge.json", "line 2, field description");
    }

    [Fact]
    public async Task TenMegabyteLine_InPlainText_IsRefused() =>
        await AssertRefusedAsync(await ImportAsync("huge.txt", Utf8("call Sam\n" + new string('x', 10 * 1024 * 1024) + "\n"), "--format", "text"), "huge.txt", "line 2");

    [Fact]
    public async Task AMillionLines_AreRefusedWhole_PointingToAudit()
    {
        var content = new StringBuilder(1_000_000 * 16);
        for (var i = 0; i < 1_000_000; i++)
        {
            content.Append("call client ").Append(i).Append('\n');
        }

        var result = await ImportAsync("million.txt", Utf8(content.ToString()), "--format", "text");

        await AssertRefusedAsync(result, "million.txt", "line 250001");
        Assert.Contains("split it", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BomAndCrlf_ImportNormally()
    {
        var content = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Utf8("(A) call Sam about the intro +Friends\r\nx 2026-11-20 2026-11-19 write 500 words +Novel\r\n")).ToArray();

        var result = await ImportAsync("bom.txt", content, "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, result.Json.GetProperty("added").GetInt32());
        var later = await _cli.JsonAsync("later");
        Assert.Contains(later.EnumerateArray(), a => a.GetProperty("text").GetString() == "call Sam about the intro");
    }

    [Fact]
    public async Task Utf16WithABom_ImportsNormally()
    {
        var content = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("call Sam about the intro\nwrite 500 words\n")).ToArray();

        var result = await ImportAsync("utf16.txt", content, "--format", "text", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, result.Json.GetProperty("added").GetInt32());
    }
}
