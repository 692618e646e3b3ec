using System.Text;
using System.Text.Json;
using Headway.Cli.Tests.Hosting;

namespace Headway.Cli.Tests.Check;

public sealed class CheckCommandTests : IDisposable
{
    private const string Meaningful = "write 1,000 words for chapter 4 by fri";
    private const string Passive = "watch 3 tutorials on query optimization";

    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Check_MeaningfulText_ShowsVerdictEvidenceAndOutcome()
    {
        var result = await _cli.OkAsync("check", Meaningful);

        Assert.Contains("meaningful", result.Out, StringComparison.Ordinal);
        Assert.Contains(Meaningful, result.Out, StringComparison.Ordinal);
        Assert.Contains("creation", result.Out, StringComparison.Ordinal);
        Assert.Contains("\"write\"", result.Out, StringComparison.Ordinal);
        Assert.Contains("outcome: 1,000 words", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("try instead", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_PassiveText_ShowsVerdictEvidenceAndSuggestion()
    {
        var result = await _cli.OkAsync("check", Passive);

        Assert.Contains("passive", result.Out, StringComparison.Ordinal);
        Assert.Contains("consumption", result.Out, StringComparison.Ordinal);
        Assert.Contains("\"watch", result.Out, StringComparison.Ordinal);
        Assert.Contains("outcome:", result.Out, StringComparison.Ordinal);
        Assert.Contains("try instead:", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_Json_MatchesTheOutputContract()
    {
        var json = await _cli.JsonAsync("check", Meaningful);

        Assert.Equal(Meaningful, json.GetProperty("text").GetString());
        Assert.Equal("meaningful", json.GetProperty("verdict").GetString());
        Assert.InRange(json.GetProperty("score").GetInt32(), 50, 100);
        var outcome = json.GetProperty("outcome");
        Assert.Equal(1000, outcome.GetProperty("quantity").GetDouble());
        Assert.Equal("words", outcome.GetProperty("unit").GetString());
        Assert.Equal("1,000 words", outcome.GetProperty("phrase").GetString());
        var signals = json.GetProperty("signals").EnumerateArray().ToList();
        Assert.Contains(signals, s => s.GetProperty("code").GetString() == "creation" && s.GetProperty("evidence").GetString() == "write");
        Assert.Contains(signals, s => s.GetProperty("code").GetString() == "deadline");
        Assert.Equal(JsonValueKind.Null, json.GetProperty("suggestion").ValueKind);
    }

    [Fact]
    public async Task Check_JsonPassive_HasSuggestionAndScoreBelowFifty()
    {
        var json = await _cli.JsonAsync("check", "look into marketing courses");

        Assert.Equal("passive", json.GetProperty("verdict").GetString());
        Assert.InRange(json.GetProperty("score").GetInt32(), 0, 49);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("outcome").ValueKind);
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("suggestion").GetString()));
        Assert.All(json.GetProperty("signals").EnumerateArray(), s =>
        {
            Assert.False(string.IsNullOrEmpty(s.GetProperty("code").GetString()));
            Assert.False(string.IsNullOrEmpty(s.GetProperty("evidence").GetString()));
        });
    }

    [Fact]
    public async Task CheckFile_OneOutputLinePerNonEmptyInputLine_InOrder()
    {
        string[] items = [Meaningful, Passive, "email Dana re: the intro call", "buy new running shoes", "run 5 km"];
        var path = WriteFile("plain.txt", $"{items[0]}\n\n{items[1]}\n   \n{items[2]}\r\n{items[3]}\n\n{items[4]}");

        var result = await _cli.OkAsync("check", "--file", path);

        var lines = Lines(result.Out);
        Assert.Equal(items.Length, lines.Length);
        for (var i = 0; i < items.Length; i++)
        {
            Assert.Contains(items[i], lines[i], StringComparison.Ordinal);
        }

        Assert.StartsWith("meaningful", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("passive", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckFile_Json_GivesOneObjectPerLineWhoseTextIsTheInputLine()
    {
        string[] items = [Meaningful, Passive, "call mom", "submit 3 poems to the Rattle contest"];
        var path = WriteFile("lines.txt", "\n" + string.Join("\n\n", items) + "\n\n");

        var result = await _cli.OkAsync("check", "--file", path, "--json");

        var lines = Lines(result.Out);
        Assert.Equal(items.Length, lines.Length);
        for (var i = 0; i < items.Length; i++)
        {
            using var doc = JsonDocument.Parse(lines[i]);
            Assert.Equal(items[i], doc.RootElement.GetProperty("text").GetString());
            Assert.Contains(doc.RootElement.GetProperty("verdict").GetString(), new[] { "meaningful", "passive" });
        }
    }

    [Fact]
    public async Task CheckFile_Dash_ReadsStandardInput()
    {
        var result = await _cli.RunAsync(["check", "--file", "-", "--json"], new CliSession($"{Meaningful}\n\n{Passive}\n"));

        Assert.Equal(0, result.ExitCode);
        var lines = Lines(result.Out);
        Assert.Equal(2, lines.Length);
        Assert.Equal(Passive, JsonDocument.Parse(lines[1]).RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task CheckFile_Missing_ExitsNotFound()
    {
        var result = await _cli.RunAsync("check", "--file", Path.Combine(_cli.Folder, "nope.txt"));

        result.AssertOneSentenceError(3);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task CheckFile_InvalidUtf8AndHugeLine_StillOneOutputLinePerInputLine()
    {
        var path = Path.Combine(_cli.Folder, "messy.txt");
        using (var file = File.Create(path))
        {
            file.Write([.. "write 500 words "u8, 0xFF, 0xC3, 0x28, .. " for the zine\n"u8]);
            file.Write(Encoding.UTF8.GetBytes(new string('a', 10 * 1024 * 1024) + "\n\n"));
            file.Write("read a book\n"u8);
        }

        var result = await _cli.OkAsync("check", "--file", path, "--json");

        var lines = Lines(result.Out);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, line => JsonDocument.Parse(line).Dispose());
        Assert.Equal("read a book", JsonDocument.Parse(lines[2]).RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Check_TenMegabyteText_StillGivesOneVerdict()
    {
        var json = await _cli.JsonAsync("check", "write " + new string('a', 10 * 1024 * 1024));

        Assert.Contains(json.GetProperty("verdict").GetString(), new[] { "meaningful", "passive" });
    }

    [Fact]
    public async Task Check_TextAndFileTogether_IsInvalid()
    {
        var result = await _cli.RunAsync("check", Meaningful, "--file", "-");

        result.AssertOneSentenceError(2);
    }

    [Fact]
    public async Task Check_Nothing_IsInvalid()
    {
        var result = await _cli.RunAsync("check");

        result.AssertOneSentenceError(2);
    }

    [Fact]
    public async Task Check_BlankText_IsInvalid()
    {
        var result = await _cli.RunAsync("check", "   ");

        result.AssertOneSentenceError(2);
    }

    private string WriteFile(string name, string content)
    {
        var path = Path.Combine(_cli.Folder, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
}
