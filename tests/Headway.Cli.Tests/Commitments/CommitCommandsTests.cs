using System.Text.Json;
using Headway.Cli.Tests.Hosting;

namespace Headway.Cli.Tests.Commitments;

public sealed class CommitCommandsTests : IAsyncLifetime
{
    private readonly CliRunner _cli = new();

    public async ValueTask InitializeAsync() => await _cli.OkAsync("goal", "add", "Run the Hometown 5K", "--area", "fitness");

    public ValueTask DisposeAsync()
    {
        _cli.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task CommitAdd_OnGoal_PrintsIdAndHowToLock()
    {
        var result = await _cli.OkAsync("commit", "add", "--goal", "5K", "--date", "2027-03-14", "--event", "Hometown 5K", "--link", "https://example.org/5k");

        Assert.Contains("Committed 1", result.Out, StringComparison.Ordinal);
        Assert.Contains("Hometown 5K", result.Out, StringComparison.Ordinal);
        Assert.Contains("headway commit lock 1", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommitAdd_Json_DescribesTheCommitment()
    {
        var json = await _cli.JsonAsync("commit", "add", "--goal", "1", "--date", "2027-03-14", "--event", "Hometown 5K", "--target", "5 km", "--lock");

        Assert.Equal(1, json.GetProperty("id").GetInt64());
        Assert.Equal(1, json.GetProperty("goalId").GetInt64());
        Assert.Equal("2027-03-14", json.GetProperty("due").GetString());
        Assert.Equal("Hometown 5K", json.GetProperty("eventName").GetString());
        Assert.Equal(5, json.GetProperty("target").GetProperty("quantity").GetDouble());
        Assert.True(json.GetProperty("locked").GetBoolean());
    }

    [Fact]
    public async Task CommitAdd_OnAction_BindsTheAction()
    {
        await _cli.OkAsync("add", "sign up for the Hometown 5K", "--goal", "1");

        var json = await _cli.JsonAsync("commit", "add", "--action", "1", "--date", "fri");

        Assert.Equal(1, json.GetProperty("actionId").GetInt64());
        Assert.Equal("2026-11-27", json.GetProperty("due").GetString());
    }

    [Fact]
    public async Task CommitList_ShowsWhenAndLock()
    {
        await _cli.OkAsync("commit", "add", "--goal", "1", "--date", "in 10 days", "--event", "Hometown 5K", "--lock");

        var result = await _cli.OkAsync("commit", "list");

        Assert.Contains("Commitments (1)", result.Out, StringComparison.Ordinal);
        Assert.Contains("in 10 days", result.Out, StringComparison.Ordinal);
        Assert.Contains("locked", result.Out, StringComparison.Ordinal);
        Assert.Single((await _cli.JsonAsync("commit", "list")).EnumerateArray());
    }

    [Fact]
    public async Task CommitLock_LocksIt()
    {
        await _cli.OkAsync("commit", "add", "--goal", "1", "--date", "2027-03-14");

        var result = await _cli.OkAsync("commit", "lock", "1");

        Assert.Contains("Locked commitment 1", result.Out, StringComparison.Ordinal);
        Assert.True((await _cli.JsonAsync("commit", "list"))[0].GetProperty("locked").GetBoolean());
    }

    [Fact]
    public async Task CommitChange_Earlier_AppliesAtOnceEvenWhenLocked()
    {
        await _cli.OkAsync("commit", "add", "--goal", "1", "--date", "2027-03-14", "--lock");

        var result = await _cli.OkAsync("commit", "change", "1", "--date", "2027-03-01");

        Assert.Contains("Changed commitment 1", result.Out, StringComparison.Ordinal);
        Assert.Equal("2027-03-01", (await _cli.JsonAsync("commit", "list"))[0].GetProperty("due").GetString());
    }

    [Fact]
    public async Task CommitRequest_Later_WaitsForTheCoolingOff()
    {
        await _cli.OkAsync("commit", "add", "--goal", "1", "--date", "2027-03-14", "--lock");

        var result = await _cli.OkAsync("commit", "request", "1", "--date", "2027-04-11");

        Assert.Contains("cooling off", result.Out, StringComparison.Ordinal);
        Assert.Contains("2026-12-03", result.Out, StringComparison.Ordinal);
        var listed = (await _cli.JsonAsync("commit", "list"))[0];
        Assert.Equal("2027-03-14", listed.GetProperty("due").GetString());
        Assert.Equal("cooling-off", listed.GetProperty("pendingRequest").GetProperty("path").GetString());
    }

    [Fact]
    public async Task CommitRequest_AppliesAfterSevenDays()
    {
        await _cli.OkAsync("commit", "add", "--goal", "1", "--date", "2027-03-14", "--lock");
        await _cli.OkAsync("commit", "request", "1", "--date", "2027-04-11");

        _cli.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));

        var listed = (await _cli.JsonAsync("commit", "list"))[0];
        Assert.Equal("2027-04-11", listed.GetProperty("due").GetString());
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("pendingRequest").ValueKind);
    }

    [Fact]
    public async Task CommitWithdraw_CancelsThePendingRequest()
    {
        await _cli.OkAsync("commit", "add", "--goal", "1", "--date", "2027-03-14", "--lock");
        await _cli.OkAsync("commit", "request", "1", "--drop");

        var result = await _cli.OkAsync("commit", "withdraw", "1");

        Assert.Contains("Withdrew the pending request on commitment 1", result.Out, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, (await _cli.JsonAsync("commit", "list"))[0].GetProperty("pendingRequest").ValueKind);
    }

    [Fact]
    public async Task CommitKeep_MarksItKept()
    {
        await _cli.OkAsync("commit", "add", "--goal", "1", "--date", "2027-03-14");

        var result = await _cli.OkAsync("commit", "keep", "1");

        Assert.Contains("Kept commitment 1", result.Out, StringComparison.Ordinal);
        Assert.Empty((await _cli.JsonAsync("commit", "list")).EnumerateArray());
        Assert.Equal("kept", (await _cli.JsonAsync("commit", "list", "--all"))[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task CommitDrop_DropsAnOpenOne()
    {
        await _cli.OkAsync("commit", "add", "--goal", "1", "--date", "2027-03-14");

        var result = await _cli.OkAsync("commit", "drop", "1");

        Assert.Contains("Dropped commitment 1", result.Out, StringComparison.Ordinal);
        Assert.Equal("dropped", (await _cli.JsonAsync("commit", "list", "--all"))[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task CommitDrop_Locked_IsRefusedAndKept()
    {
        await _cli.OkAsync("commit", "add", "--goal", "1", "--date", "2027-03-14", "--lock");
        var before = await _cli.SnapshotAsync();

        var result = await _cli.RunAsync("commit", "drop", "1");

        result.AssertOneSentenceError(4);
        Assert.Equal(before, await _cli.SnapshotAsync());
    }
}
