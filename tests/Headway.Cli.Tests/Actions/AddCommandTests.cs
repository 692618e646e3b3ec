using System.Text.Json;
using Headway.Cli.Tests.Hosting;

namespace Headway.Cli.Tests.Actions;

public sealed class AddCommandTests : IDisposable
{
    private const string Passive = "watch 3 tutorials on query optimization";

    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Add_MeaningfulText_SavesToThisWeekByDefault()
    {
        await _cli.OkAsync("goal", "add", "Finish the first draft of my novel", "--area", "writing");

        var result = await _cli.OkAsync("add", "write 1,000 words for chapter 4", "--goal", "novel", "--due", "fri");

        Assert.Contains("Added 1 to this week", result.Out, StringComparison.Ordinal);
        Assert.Contains("write 1,000 words for chapter 4", result.Out, StringComparison.Ordinal);
        Assert.Contains("meaningful", result.Out, StringComparison.Ordinal);
        var week = (await _cli.JsonAsync("week")).EnumerateArray().Single();
        Assert.Equal(1, week.GetProperty("goalId").GetInt64());
        Assert.Equal("2026-11-27", week.GetProperty("due").GetString());
    }

    [Fact]
    public async Task Add_Json_HasTheDesignFields()
    {
        var json = await _cli.JsonAsync("add", "write 1,000 words for chapter 4", "--now", "--due", "2026-12-01");

        foreach (var field in new[] { "id", "text", "goalId", "horizon", "status", "due", "outcome", "verdict", "signals", "stretch", "result", "createdAt", "completedAt" })
        {
            Assert.True(json.TryGetProperty(field, out _), $"missing {field} in {json}");
        }

        Assert.Equal(1, json.GetProperty("id").GetInt64());
        Assert.Equal("now", json.GetProperty("horizon").GetString());
        Assert.Equal("open", json.GetProperty("status").GetString());
        Assert.Equal("2026-12-01", json.GetProperty("due").GetString());
        Assert.Equal("meaningful", json.GetProperty("verdict").GetString());
        Assert.Equal(1000, json.GetProperty("outcome").GetProperty("quantity").GetDouble());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("goalId").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("completedAt").ValueKind);
        Assert.StartsWith("2026-11-26T10:00:00", json.GetProperty("createdAt").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_NoOutcome_WarnsThatNothingIsCheckable()
    {
        var result = await _cli.OkAsync("add", "email Dana re: the intro call", "--later");

        Assert.Contains("Added 1 to later", result.Out, StringComparison.Ordinal);
        Assert.Contains("Unaligned", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_ExplicitOutcome_IsStored()
    {
        var json = await _cli.JsonAsync("add", "write chapter 4", "--outcome", "1500 words");

        Assert.Equal(1500, json.GetProperty("outcome").GetProperty("quantity").GetDouble());
        Assert.Equal("words", json.GetProperty("outcome").GetProperty("unit").GetString());
    }

    [Fact]
    public async Task Add_PassiveNotOnTerminal_IsRefusedWithTheSuggestion()
    {
        var suggestion = (await _cli.JsonAsync("check", Passive)).GetProperty("suggestion").GetString()!;

        var result = await _cli.RunAsync("add", Passive);

        result.AssertOneSentenceError(4);
        Assert.Contains(suggestion, result.Error, StringComparison.Ordinal);
        Assert.Contains("--keep", result.Error, StringComparison.Ordinal);
        Assert.Equal("[]", (await _cli.OkAsync("week", "--json")).Out.Trim());
    }

    [Fact]
    public async Task Add_PassiveWithKeep_IsSavedAsPassive()
    {
        var json = await _cli.JsonAsync("add", Passive, "--keep");

        Assert.Equal("passive", json.GetProperty("verdict").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("override").ValueKind);
        Assert.Contains(json.GetProperty("signals").EnumerateArray(), s => s.GetProperty("code").GetString() == "consumption");
    }

    [Fact]
    public async Task Add_PassiveWithMeaningfulReason_IsSavedWithTheOverride()
    {
        await _cli.OkAsync("add", Passive, "--meaningful", "the course ends with a graded project");

        var shown = await _cli.JsonAsync("show", "1");

        Assert.Equal("meaningful", shown.GetProperty("verdict").GetString());
        Assert.Equal("meaningful", shown.GetProperty("override").GetProperty("verdict").GetString());
        Assert.Equal("the course ends with a graded project", shown.GetProperty("override").GetProperty("reason").GetString());
        Assert.Contains(shown.GetProperty("signals").EnumerateArray(), s => s.GetProperty("code").GetString() == "consumption");
    }

    [Fact]
    public async Task Add_OnTerminalAnsweringKeep_SavesItAsPassive()
    {
        var result = await _cli.RunAsync(["add", Passive], CliSession.Answering("k"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("try instead:", result.Out, StringComparison.Ordinal);
        Assert.Contains("[k]eep", result.Out, StringComparison.Ordinal);
        var saved = (await _cli.JsonAsync("week")).EnumerateArray().Single();
        Assert.Equal(Passive, saved.GetProperty("text").GetString());
        Assert.Equal("passive", saved.GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task Add_OnTerminalAnsweringSuggestion_SavesTheSuggestionInstead()
    {
        var suggestion = (await _cli.JsonAsync("check", Passive)).GetProperty("suggestion").GetString()!;

        var result = await _cli.RunAsync(["add", Passive], CliSession.Answering("s", "k"));

        Assert.Equal(0, result.ExitCode);
        var saved = (await _cli.JsonAsync("week")).EnumerateArray().Single();
        Assert.Equal(suggestion, saved.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Add_OnTerminalAnsweringRewrite_SavesTheNewText()
    {
        var result = await _cli.RunAsync(["add", Passive], CliSession.Answering("r", "rewrite the slowest query and post the timings to the team"));

        Assert.Equal(0, result.ExitCode);
        var saved = (await _cli.JsonAsync("week")).EnumerateArray().Single();
        Assert.Equal("rewrite the slowest query and post the timings to the team", saved.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Add_OnTerminalAnsweringMeaningful_SavesTheOverrideReason()
    {
        var result = await _cli.RunAsync(["add", Passive], CliSession.Answering("m", "I must present them on monday"));

        Assert.Equal(0, result.ExitCode);
        var saved = await _cli.JsonAsync("show", "1");
        Assert.Equal("I must present them on monday", saved.GetProperty("override").GetProperty("reason").GetString());
        Assert.Equal("meaningful", saved.GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task Add_OnTerminalAnsweringCancel_SavesNothing()
    {
        var result = await _cli.RunAsync(["add", Passive], CliSession.Answering("c"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Nothing added", result.Out, StringComparison.Ordinal);
        Assert.Equal("[]", (await _cli.OkAsync("week", "--json")).Out.Trim());
    }

    [Fact]
    public async Task Add_OnTerminalMeaningfulText_AsksNothing()
    {
        var result = await _cli.RunAsync(["add", "write 1,000 words for chapter 4"], CliSession.Answering());

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("[k]eep", result.Out, StringComparison.Ordinal);
        Assert.Single((await _cli.JsonAsync("week")).EnumerateArray());
    }
}
