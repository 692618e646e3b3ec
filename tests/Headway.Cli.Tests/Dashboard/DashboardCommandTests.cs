using Headway.Cli.Tests.Hosting;

namespace Headway.Cli.Tests.Dashboard;

public sealed class DashboardCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Dashboard_FirstRun_PointsToStart()
    {
        var result = await _cli.OkAsync();

        Assert.Contains("Welcome to Headway", result.Out, StringComparison.Ordinal);
        Assert.Contains("headway start", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_ShowsGoalsListsProgressAndCommitments()
    {
        await _cli.OkAsync("goal", "add", "Run the Hometown 5K", "--area", "fitness");
        await _cli.OkAsync("add", "run 5 km along the river", "--now", "--goal", "1");
        await _cli.OkAsync("add", "write 1,000 words for chapter 4", "--week");
        await _cli.OkAsync("add", "sign up for the Saturday parkrun", "--week", "--goal", "1");
        await _cli.OkAsync("done", "3", "--result", "registered, bib 2231");
        await _cli.OkAsync("commit", "add", "--goal", "1", "--date", "in 10 days", "--event", "Hometown 5K");

        var result = await _cli.OkAsync();

        Assert.Contains("Goals (1/5 active)", result.Out, StringComparison.Ordinal);
        Assert.Contains("1 outcome this week", result.Out, StringComparison.Ordinal);
        Assert.Contains("Now (1/5)", result.Out, StringComparison.Ordinal);
        Assert.Contains("run 5 km along the river", result.Out, StringComparison.Ordinal);
        Assert.Contains("This week (1/10)", result.Out, StringComparison.Ordinal);
        Assert.Contains("write 1,000 words for chapter 4", result.Out, StringComparison.Ordinal);
        Assert.Contains("This week: 1 outcome from 1 completed action", result.Out, StringComparison.Ordinal);
        Assert.Contains("Hometown 5K", result.Out, StringComparison.Ordinal);
        Assert.Contains("in 10 days", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_Json_HoldsGoalsListsAndTheWeekSoFar()
    {
        await _cli.OkAsync("goal", "add", "Run the Hometown 5K", "--area", "fitness");
        await _cli.OkAsync("add", "run 5 km along the river", "--now", "--goal", "1");
        await _cli.OkAsync("add", "sign up for the Saturday parkrun", "--week", "--goal", "1");
        await _cli.OkAsync("add", "watch a video about running form", "--week", "--keep");
        await _cli.OkAsync("done", "2", "--result", "registered");
        await _cli.OkAsync("done", "3", "--result", "watched it");

        var result = await _cli.OkAsync("--json");

        using var doc = System.Text.Json.JsonDocument.Parse(result.Out);
        var root = doc.RootElement;
        Assert.Equal("Run the Hometown 5K", root.GetProperty("goals")[0].GetProperty("title").GetString());
        Assert.Equal("run 5 km along the river", root.GetProperty("now")[0].GetProperty("text").GetString());
        Assert.Equal(0, root.GetProperty("week").GetArrayLength());
        Assert.Equal(2, root.GetProperty("completed").GetInt32());
        Assert.Equal(1, root.GetProperty("outcomes").GetInt32());
        Assert.Equal(0.5, root.GetProperty("progressRatio").GetDouble());
    }
}
