using System.Text.Json;
using Headway.Cli.Tests.Hosting;

namespace Headway.Cli.Tests.Goals;

public sealed class GoalCommandsTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task GoalAdd_PrintsIdAndNotesFewGoals()
    {
        var result = await _cli.OkAsync("goal", "add", "Finish the first draft of my novel", "--why", "I have started it three times", "--area", "writing");

        Assert.Contains("Added goal 1: Finish the first draft of my novel", result.Out, StringComparison.Ordinal);
        Assert.Contains("3", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GoalAdd_Json_HasTheDesignFields()
    {
        var json = await _cli.JsonAsync("goal", "add", "Finish the first draft of my novel", "--area", "writing", "--target", "80000 words", "--by", "2027-06-30");

        Assert.Equal(1, json.GetProperty("id").GetInt64());
        Assert.Equal("Finish the first draft of my novel", json.GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("why").ValueKind);
        Assert.Equal("writing", json.GetProperty("area").GetString());
        Assert.Equal("active", json.GetProperty("status").GetString());
        Assert.Equal(80000, json.GetProperty("target").GetProperty("quantity").GetDouble());
        Assert.Equal("words", json.GetProperty("target").GetProperty("unit").GetString());
        Assert.Equal("2027-06-30", json.GetProperty("targetDate").GetString());
    }

    [Fact]
    public async Task GoalList_ShowsEachGoalWithStatusAndCount()
    {
        await _cli.OkAsync("goal", "add", "Finish the first draft of my novel", "--area", "writing");
        await _cli.OkAsync("goal", "add", "Run the Hometown 5K", "--area", "fitness");

        var result = await _cli.OkAsync("goal", "list");

        Assert.Contains("(2/5 active)", result.Out, StringComparison.Ordinal);
        Assert.Contains("Finish the first draft of my novel", result.Out, StringComparison.Ordinal);
        Assert.Contains("Run the Hometown 5K", result.Out, StringComparison.Ordinal);
        Assert.Contains("fitness", result.Out, StringComparison.Ordinal);
        var json = await _cli.JsonAsync("goal", "list");
        Assert.Equal(["Finish the first draft of my novel", "Run the Hometown 5K"], json.EnumerateArray().Select(g => g.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task GoalShow_ByTitleFragment_ShowsActionsAndOutcomes()
    {
        await _cli.OkAsync("goal", "add", "Finish the first draft of my novel", "--target", "80000 words");
        await _cli.OkAsync("add", "write 1,000 words for chapter 4", "--goal", "1");
        await _cli.OkAsync("add", "write 800 words for chapter 5", "--goal", "1");
        await _cli.OkAsync("done", "1", "--result", "1,150 words");

        var result = await _cli.OkAsync("goal", "show", "novel");

        Assert.Contains("Finish the first draft of my novel", result.Out, StringComparison.Ordinal);
        Assert.Contains("outcomes delivered: 1 of 1 actions done", result.Out, StringComparison.Ordinal);
        Assert.Contains("1,150 words", result.Out, StringComparison.Ordinal);
        Assert.Contains("open actions: 1", result.Out, StringComparison.Ordinal);
        Assert.Contains("chapter 5", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GoalShow_Json_NestsGoalActionsAndCommitments()
    {
        await _cli.OkAsync("goal", "add", "Run the Hometown 5K", "--area", "fitness");
        await _cli.OkAsync("add", "run 5 km along the river", "--goal", "1");
        await _cli.OkAsync("commit", "add", "--goal", "1", "--date", "2027-03-14", "--event", "Hometown 5K");

        var json = await _cli.JsonAsync("goal", "show", "1");

        Assert.Equal("Run the Hometown 5K", json.GetProperty("goal").GetProperty("title").GetString());
        Assert.Single(json.GetProperty("actions").EnumerateArray());
        Assert.Equal("Hometown 5K", json.GetProperty("commitments")[0].GetProperty("eventName").GetString());
    }

    [Fact]
    public async Task GoalEdit_ChangesTitleWhyAndArea()
    {
        await _cli.OkAsync("goal", "add", "Run a 5K");

        var result = await _cli.OkAsync("goal", "edit", "1", "--title", "Run the Hometown 5K under 30 minutes", "--why", "my dad ran it at 60", "--area", "fitness");

        Assert.Contains("Edited goal 1", result.Out, StringComparison.Ordinal);
        var goal = (await _cli.JsonAsync("goal", "list")).EnumerateArray().Single();
        Assert.Equal("Run the Hometown 5K under 30 minutes", goal.GetProperty("title").GetString());
        Assert.Equal("my dad ran it at 60", goal.GetProperty("why").GetString());
        Assert.Equal("fitness", goal.GetProperty("area").GetString());
    }

    [Theory]
    [InlineData("pause", "paused")]
    [InlineData("achieve", "achieved")]
    [InlineData("drop", "dropped")]
    public async Task GoalStatusCommands_ChangeTheStatus(string command, string status)
    {
        await _cli.OkAsync("goal", "add", "Run the Hometown 5K");

        var result = await _cli.OkAsync("goal", command, "1");

        Assert.Contains($"Goal 1 is now {status}", result.Out, StringComparison.Ordinal);
        var goal = (await _cli.JsonAsync("goal", "list", "--all")).EnumerateArray().Single();
        Assert.Equal(status, goal.GetProperty("status").GetString());
    }

    [Fact]
    public async Task GoalResume_MakesAPausedGoalActiveAgain()
    {
        await _cli.OkAsync("goal", "add", "Run the Hometown 5K");
        await _cli.OkAsync("goal", "pause", "1");

        var result = await _cli.OkAsync("goal", "resume", "1");

        Assert.Contains("Goal 1 is now active", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GoalList_WithoutAll_HidesAchievedGoals()
    {
        await _cli.OkAsync("goal", "add", "Run the Hometown 5K");
        await _cli.OkAsync("goal", "add", "Publish three essays");
        await _cli.OkAsync("goal", "achieve", "1");

        var json = await _cli.JsonAsync("goal", "list");

        Assert.Equal(["Publish three essays"], json.EnumerateArray().Select(g => g.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task PausedGoals_DoNotCountTowardTheCap()
    {
        for (var i = 1; i <= 5; i++)
        {
            await _cli.OkAsync("goal", "add", $"Goal number {i}");
        }

        await _cli.OkAsync("goal", "pause", "2");

        await _cli.OkAsync("goal", "add", "Learn to sail");
        var resumed = await _cli.RunAsync("goal", "resume", "2");

        resumed.AssertOneSentenceError(4);
    }
}
