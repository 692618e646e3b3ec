using System.Text.Json;
using Headway.Cli.Tests.Hosting;

namespace Headway.Cli.Tests.Reviews;

public sealed class ReviewCommandTests : IAsyncLifetime
{
    private readonly CliRunner _cli = new();

    // Thursday 2026-11-26 in a Monday-to-Sunday UTC week: one outcome on the novel, busy work, a stalled 5K goal.
    public async ValueTask InitializeAsync()
    {
        await _cli.OkAsync("settings", "--time-zone", "UTC", "--week-start", "monday");
        await _cli.OkAsync("goal", "add", "Finish the first draft of my novel", "--area", "writing");
        await _cli.OkAsync("goal", "add", "Run the Hometown 5K", "--area", "fitness");
        await _cli.OkAsync("add", "write 1,000 words for chapter 4", "--goal", "1", "--now");
        await _cli.OkAsync("add", "watch 3 tutorials on scene structure", "--goal", "1", "--keep");
        await _cli.OkAsync("add", "run 5 km along the river", "--goal", "2", "--now");
        await _cli.OkAsync("done", "1", "--result", "1,150 words");
        await _cli.OkAsync("done", "2");
    }

    public ValueTask DisposeAsync()
    {
        _cli.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Review_ShowsRatioGoalsDiagnosisAndProposedNow()
    {
        var result = await _cli.OkAsync("review");

        Assert.Contains("Week of Mon 23 Nov 2026 – Sun 29 Nov 2026", result.Out, StringComparison.Ordinal);
        Assert.Contains("Progress ratio  50%", result.Out, StringComparison.Ordinal);
        Assert.Contains("1 outcome from 2 completed actions", result.Out, StringComparison.Ordinal);
        Assert.Contains("1 outcome  Finish the first draft of my novel", result.Out, StringComparison.Ordinal);
        Assert.Contains("stalled  Run the Hometown 5K", result.Out, StringComparison.Ordinal);
        Assert.Contains("Why busy but not productive?", result.Out, StringComparison.Ordinal);
        Assert.Contains("run 5 km along the river", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_Json_HasTheDesignFields()
    {
        var json = await _cli.JsonAsync("review");

        Assert.Equal("2026-11-23", json.GetProperty("weekStart").GetString());
        Assert.Equal("2026-11-29", json.GetProperty("weekEnd").GetString());
        Assert.Equal(2, json.GetProperty("completed").GetInt32());
        Assert.Equal(1, json.GetProperty("meaningfulCompleted").GetInt32());
        Assert.Equal(0.5, json.GetProperty("progressRatio").GetDouble());
        Assert.Equal(1, json.GetProperty("outcomes").GetInt32());
        var goals = json.GetProperty("goals").EnumerateArray().ToList();
        Assert.Equal(2, goals.Count);
        Assert.Equal(1, goals[0].GetProperty("outcomes").GetInt32());
        Assert.False(goals[0].GetProperty("stalled").GetBoolean());
        Assert.True(goals[1].GetProperty("stalled").GetBoolean());
        Assert.Equal(0, json.GetProperty("stretchCount").GetInt32());
        var commitments = json.GetProperty("commitments");
        foreach (var field in new[] { "kept", "atRisk", "missed" })
        {
            Assert.Equal(0, commitments.GetProperty(field).GetInt32());
        }

        var causes = json.GetProperty("diagnosis").EnumerateArray().ToList();
        Assert.Equal(["fear", "no-goals", "perfectionism"], causes.Select(d => d.GetProperty("cause").GetString()).Order(StringComparer.Ordinal));
        Assert.All(causes, d =>
        {
            Assert.InRange(d.GetProperty("score").GetInt32(), 0, 100);
            Assert.Equal(JsonValueKind.Array, d.GetProperty("evidence").ValueKind);
        });
        Assert.Contains(json.GetProperty("proposedNow").EnumerateArray(), a => a.GetProperty("text").GetString() == "run 5 km along the river");
    }

    [Fact]
    public async Task Review_EarlierWeek_IsEmpty()
    {
        var json = await _cli.JsonAsync("review", "--week", "2026-11-16");

        Assert.Equal("2026-11-16", json.GetProperty("weekStart").GetString());
        Assert.Equal(0, json.GetProperty("completed").GetInt32());
    }
}
