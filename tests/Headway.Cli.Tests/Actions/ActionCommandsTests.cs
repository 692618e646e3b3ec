using System.Text.Json;
using Headway.Cli.Tests.Hosting;

namespace Headway.Cli.Tests.Actions;

public sealed class ActionCommandsTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Now_ListsOpenNowActionsWithIdsAndCap()
    {
        await _cli.OkAsync("goal", "add", "Run the Hometown 5K", "--area", "fitness");
        await _cli.OkAsync("add", "run 5 km along the river", "--now", "--goal", "1");
        await _cli.OkAsync("add", "write 1,000 words for chapter 4", "--week");

        var result = await _cli.OkAsync("now");

        Assert.Contains("Now", result.Out, StringComparison.Ordinal);
        Assert.Contains("(1/5)", result.Out, StringComparison.Ordinal);
        Assert.Contains("run 5 km along the river", result.Out, StringComparison.Ordinal);
        Assert.Contains("Run the Hometown 5K", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("chapter 4", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Week_ShowsCapDueDateAndUnaligned()
    {
        await _cli.OkAsync("add", "write 1,000 words for chapter 4", "--due", "2026-12-02");

        var result = await _cli.OkAsync("week");

        Assert.Contains("This week", result.Out, StringComparison.Ordinal);
        Assert.Contains("(1/10)", result.Out, StringComparison.Ordinal);
        Assert.Contains("due wed 2026-12-02", result.Out, StringComparison.Ordinal);
        Assert.Contains("unaligned", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Later_ListsTheBacklogAsJson()
    {
        await _cli.OkAsync("add", "pitch a talk to the local meetup", "--later");

        var json = await _cli.JsonAsync("later");

        var action = Assert.Single(json.EnumerateArray());
        Assert.Equal("later", action.GetProperty("horizon").GetString());
        Assert.Equal("pitch a talk to the local meetup", action.GetProperty("text").GetString());
    }

    [Fact]
    public async Task EmptyList_SaysNothingHereYet()
    {
        var result = await _cli.OkAsync("now");

        Assert.Contains("nothing here yet", result.Out, StringComparison.Ordinal);
        Assert.Equal("[]", (await _cli.OkAsync("now", "--json")).Out.Trim());
    }

    [Fact]
    public async Task Show_GivesVerdictOutcomeAndHistory()
    {
        await _cli.OkAsync("add", "write 1,000 words for chapter 4");

        var result = await _cli.OkAsync("show", "1");

        Assert.Contains("write 1,000 words for chapter 4", result.Out, StringComparison.Ordinal);
        Assert.Contains("meaningful", result.Out, StringComparison.Ordinal);
        Assert.Contains("expected outcome: 1,000 words", result.Out, StringComparison.Ordinal);
        Assert.Contains("2026-11-26 10:00Z created", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Done_RecordsTheResult()
    {
        await _cli.OkAsync("add", "write 1,000 words for chapter 4", "--now");

        var result = await _cli.OkAsync("done", "1", "--result", "1,150 words");

        Assert.Contains("Done 1", result.Out, StringComparison.Ordinal);
        Assert.Contains("1,150 words", result.Out, StringComparison.Ordinal);
        var shown = await _cli.JsonAsync("show", "1");
        Assert.Equal("done", shown.GetProperty("status").GetString());
        Assert.Equal("1,150 words", shown.GetProperty("result").GetString());
        Assert.NotEqual(JsonValueKind.Null, shown.GetProperty("completedAt").ValueKind);
        Assert.Equal("[]", (await _cli.OkAsync("now", "--json")).Out.Trim());
    }

    [Fact]
    public async Task Done_Json_ReturnsTheCompletedAction()
    {
        await _cli.OkAsync("add", "write 1,000 words for chapter 4", "--now");

        var json = await _cli.JsonAsync("done", "1", "-r", "980 words");

        Assert.Equal("done", json.GetProperty("status").GetString());
        Assert.Equal("980 words", json.GetProperty("result").GetString());
    }

    [Fact]
    public async Task Done_WithoutResult_SaysItIsNotAnOutcome()
    {
        await _cli.OkAsync("add", "write 1,000 words for chapter 4");

        var result = await _cli.OkAsync("done", "1");

        Assert.Contains("no result recorded", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Done_OnTerminal_AsksForTheResult()
    {
        await _cli.OkAsync("add", "write 1,000 words for chapter 4");

        var result = await _cli.RunAsync(["done", "1"], CliSession.Answering("1,200 words"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("What was the result?", result.Out, StringComparison.Ordinal);
        Assert.Equal("1,200 words", (await _cli.JsonAsync("show", "1")).GetProperty("result").GetString());
    }

    [Fact]
    public async Task Move_ChangesTheHorizon()
    {
        await _cli.OkAsync("add", "write 1,000 words for chapter 4");

        var result = await _cli.OkAsync("move", "1", "--now");

        Assert.Contains("Moved 1 to Now", result.Out, StringComparison.Ordinal);
        Assert.Single((await _cli.JsonAsync("now")).EnumerateArray());
        Assert.Empty((await _cli.JsonAsync("week")).EnumerateArray());
    }

    [Fact]
    public async Task Edit_ChangesTextDueAndGoal()
    {
        await _cli.OkAsync("goal", "add", "Finish the first draft of my novel");
        await _cli.OkAsync("add", "write 1,000 words for chapter 4");

        var result = await _cli.OkAsync("edit", "1", "write 1,500 words for chapter 5", "--due", "tomorrow", "--goal", "novel");

        Assert.Contains("Edited 1", result.Out, StringComparison.Ordinal);
        Assert.Contains("chapter 5", result.Out, StringComparison.Ordinal);
        var shown = await _cli.JsonAsync("show", "1");
        Assert.Equal("write 1,500 words for chapter 5", shown.GetProperty("text").GetString());
        Assert.Equal("2026-11-27", shown.GetProperty("due").GetString());
        Assert.Equal(1, shown.GetProperty("goalId").GetInt64());
    }

    [Fact]
    public async Task Edit_StretchAndPassiveOverride()
    {
        await _cli.OkAsync("add", "write 1,000 words for chapter 4");

        await _cli.OkAsync("edit", "1", "--stretch", "--passive", "it is only a warm-up");

        var shown = await _cli.JsonAsync("show", "1");
        Assert.True(shown.GetProperty("stretch").GetBoolean());
        Assert.Equal("passive", shown.GetProperty("verdict").GetString());
        Assert.Equal("it is only a warm-up", shown.GetProperty("override").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Edit_StretchFalse_UnmarksIt()
    {
        await _cli.OkAsync("add", "write 1,000 words for chapter 4", "--stretch");

        await _cli.OkAsync("edit", "1", "--stretch", "false");

        Assert.False((await _cli.JsonAsync("show", "1")).GetProperty("stretch").GetBoolean());
    }

    [Fact]
    public async Task Drop_RemovesItFromTheList()
    {
        await _cli.OkAsync("add", "write 1,000 words for chapter 4");

        var result = await _cli.OkAsync("drop", "1", "--reason", "chapter cut");

        Assert.Contains("Dropped 1", result.Out, StringComparison.Ordinal);
        Assert.Empty((await _cli.JsonAsync("week")).EnumerateArray());
        Assert.Equal("dropped", (await _cli.JsonAsync("show", "1")).GetProperty("status").GetString());
    }
}
