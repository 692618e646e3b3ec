using Headway.Cli.Tests.Hosting;

namespace Headway.Cli.Tests.Start;

public sealed class StartCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Start_NotOnTerminal_IsRefusedWithAHint()
    {
        var result = await _cli.RunAsync("start");

        result.AssertOneSentenceError(2);
        Assert.Contains("headway goal add", result.Error, StringComparison.Ordinal);
        Assert.Empty((await _cli.JsonAsync("goal", "list")).EnumerateArray());
    }

    [Fact]
    public async Task Start_OnTerminal_CreatesGoalsAndFirstNowActions()
    {
        var session = CliSession.Answering(
            "a finished novel and a race medal",
            "write the book",
            "send stories to magazines",
            "friends who publish",
            "Finish the first draft of my novel", "writing", "I keep starting over",
            "Run the Hometown 5K", "fitness", "",
            "Send a story to three magazines", "creative", "rejection scares me",
            "",
            "write 500 words of chapter 1",
            "run 3 km before work",
            "submit my short story to Clarkesworld");

        var result = await _cli.RunAsync(["start"], session);

        Assert.True(result.ExitCode == 0, result.Out);
        Assert.Contains("Added 1 to Now", result.Out, StringComparison.Ordinal);
        var goals = (await _cli.JsonAsync("goal", "list")).EnumerateArray().ToList();
        Assert.Equal(["Finish the first draft of my novel", "Run the Hometown 5K", "Send a story to three magazines"], goals.Select(g => g.GetProperty("title").GetString()));
        Assert.Equal(["writing", "fitness", "creative"], goals.Select(g => g.GetProperty("area").GetString()));
        Assert.Equal("I keep starting over", goals[0].GetProperty("why").GetString());
        var now = (await _cli.JsonAsync("now")).EnumerateArray().ToList();
        Assert.Equal(["write 500 words of chapter 1", "run 3 km before work", "submit my short story to Clarkesworld"], now.Select(a => a.GetProperty("text").GetString()));
        Assert.Equal([1L, 2L, 3L], now.Select(a => a.GetProperty("goalId").GetInt64()));
    }

    [Fact]
    public async Task Start_PassiveFirstAction_ShowsTheVerdictAndTakesTheRewrite()
    {
        var session = CliSession.Answering(
            "", "", "", "",
            "Run the Hometown 5K", "fitness", "",
            "",
            "watch videos about running form",
            "run 3 km before work");

        var result = await _cli.RunAsync(["start"], session);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("passive", result.Out, StringComparison.Ordinal);
        Assert.Contains("try instead:", result.Out, StringComparison.Ordinal);
        var action = Assert.Single((await _cli.JsonAsync("now")).EnumerateArray());
        Assert.Equal("run 3 km before work", action.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Start_InputEndsEarly_SavesNothing()
    {
        var result = await _cli.RunAsync(["start"], new CliSession("a finished novel\n", Terminal: true));

        Assert.Equal(0, result.ExitCode);
        Assert.Empty((await _cli.JsonAsync("goal", "list")).EnumerateArray());
    }
}
