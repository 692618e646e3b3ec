namespace Headway.Cli.Tests.Hosting;

/// <summary>
/// Bad input gets the right exit code, one sentence on stderr saying what to do, and changes nothing: every test
/// lists everything before and after and compares.
/// </summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private static readonly string TenMegabytes = new('x', 10 * 1024 * 1024);

    private readonly CliRunner _cli = new();
    private string _before = "";

    public async ValueTask InitializeAsync()
    {
        await _cli.OkAsync("goal", "add", "Run the Hometown 5K", "--area", "fitness");
        await _cli.OkAsync("add", "run 5 km along the river", "--now", "--goal", "1");
        await _cli.OkAsync("add", "write 1,000 words for chapter 4", "--week", "--due", "2026-12-02");
        await _cli.OkAsync("commit", "add", "--goal", "1", "--date", "2027-03-14", "--event", "Hometown 5K", "--lock");
        _before = await _cli.SnapshotAsync();
    }

    public ValueTask DisposeAsync()
    {
        _cli.Dispose();
        return ValueTask.CompletedTask;
    }

    [Theory]
    [InlineData("show", "abc", 2)]
    [InlineData("show", "0", 2)]
    [InlineData("show", "-1", 2)]
    [InlineData("show", "99999", 3)]
    [InlineData("done", "abc", 2)]
    [InlineData("done", "0", 2)]
    [InlineData("done", "99999", 3)]
    [InlineData("drop", "-1", 2)]
    [InlineData("drop", "99999", 3)]
    [InlineData("edit", "1.5", 2)]
    [InlineData("commit lock", "abc", 2)]
    [InlineData("commit keep", "0", 2)]
    [InlineData("commit withdraw", "99999", 3)]
    [InlineData("commit keep", "99999", 3)]
    [InlineData("goal show", "99999", 3)]
    [InlineData("goal achieve", "no such goal", 3)]
    public async Task InvalidOrUnknownId_IsRejected(string command, string id, int exitCode)
    {
        var result = await _cli.RunAsync([.. command.Split(' '), id]);

        await AssertRejectedAsync(result, exitCode);
    }

    [Fact]
    public async Task Edit_UnknownId_IsNotFound() =>
        await AssertRejectedAsync(await _cli.RunAsync("edit", "99999", "write 500 words for chapter 5"), 3);

    [Fact]
    public async Task Move_InvalidId_IsRejected()
    {
        await AssertRejectedAsync(await _cli.RunAsync("move", "abc", "--now"), 2);
        await AssertRejectedAsync(await _cli.RunAsync("move", "99999", "--now"), 3);
    }

    [Theory]
    [InlineData("2027-02-30")]
    [InlineData("someday")]
    [InlineData("31/12/2026")]
    [InlineData("in -3 days")]
    public async Task Add_InvalidDueDate_IsRejected(string date)
    {
        var result = await _cli.RunAsync("add", "write 500 words for chapter 5", "--due", date);

        await AssertRejectedAsync(result, 2);
        Assert.Contains("yyyy-MM-dd", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_DueDateInThePast_IsRejected() =>
        await AssertRejectedAsync(await _cli.RunAsync("add", "write 500 words for chapter 5", "--due", "2026-11-25"), 2);

    [Fact]
    public async Task Edit_InvalidDueDate_IsRejected() =>
        await AssertRejectedAsync(await _cli.RunAsync("edit", "2", "--due", "2027-02-30"), 2);

    [Fact]
    public async Task CommitAdd_InvalidDate_IsRejected() =>
        await AssertRejectedAsync(await _cli.RunAsync("commit", "add", "--goal", "1", "--date", "someday"), 2);

    [Fact]
    public async Task GoalAdd_InvalidTargetDate_IsRejected() =>
        await AssertRejectedAsync(await _cli.RunAsync("goal", "add", "Publish three essays", "--by", "2027-02-30"), 2);

    [Fact]
    public async Task Review_InvalidWeek_IsRejected() =>
        await AssertRejectedAsync(await _cli.RunAsync("review", "--week", "someday"), 2);

    [Fact]
    public async Task Add_NowAndWeekTogether_IsRejected() =>
        await AssertRejectedAsync(await _cli.RunAsync("add", "write 500 words for chapter 5", "--now", "--week"), 2);

    [Fact]
    public async Task Move_WithoutHorizon_IsRejected() =>
        await AssertRejectedAsync(await _cli.RunAsync("move", "2"), 2);

    [Fact]
    public async Task Move_TwoHorizons_IsRejected() =>
        await AssertRejectedAsync(await _cli.RunAsync("move", "2", "--now", "--later"), 2);

    [Fact]
    public async Task Edit_DueAndNoDue_IsRejected() =>
        await AssertRejectedAsync(await _cli.RunAsync("edit", "2", "--due", "tomorrow", "--no-due"), 2);

    [Fact]
    public async Task Edit_MeaningfulAndPassive_IsRejected() =>
        await AssertRejectedAsync(await _cli.RunAsync("edit", "2", "--meaningful", "yes", "--passive", "no"), 2);

    [Fact]
    public async Task CommitChange_TwoChanges_IsRejected() =>
        await AssertRejectedAsync(await _cli.RunAsync("commit", "change", "1", "--date", "2027-03-01", "--drop"), 2);

    [Fact]
    public async Task GoalAdd_UnknownArea_IsRejected() =>
        await AssertRejectedAsync(await _cli.RunAsync("goal", "add", "Publish three essays", "--area", "hobbies"), 2);

    [Fact]
    public async Task GoalAdd_UnmeasurableTarget_IsRejected() =>
        await AssertRejectedAsync(await _cli.RunAsync("goal", "add", "Publish three essays", "--target", "lots"), 2);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("write 500 words\nand then some")]
    public async Task Add_EmptyOrMultilineText_IsRejected(string text) =>
        await AssertRejectedAsync(await _cli.RunAsync("add", text, "--keep"), 2);

    [Fact]
    public async Task Add_TenMegabyteText_IsRejected()
    {
        var result = await _cli.RunAsync("add", TenMegabytes, "--keep");

        await AssertRejectedAsync(result, 2);
        Assert.Contains("500", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("goal", "drop", "")]
    [InlineData("goal", "show", " ")]
    [InlineData("add", "write 500 words for chapter 5", "--goal", "")]
    [InlineData("commit", "add", "--date", "2027-01-10", "--goal", " ")]
    public async Task EmptyGoalReference_IsRejectedRatherThanMatchingTheOnlyGoal(params string[] args) =>
        await AssertRejectedAsync(await _cli.RunAsync(args), 2);

    [Fact]
    public async Task GoalAdd_EmptyTitle_IsRejected() =>
        await AssertRejectedAsync(await _cli.RunAsync("goal", "add", ""), 2);

    [Fact]
    public async Task GoalAdd_TenMegabyteTitle_IsRejected() =>
        await AssertRejectedAsync(await _cli.RunAsync("goal", "add", TenMegabytes), 2);

    [Fact]
    public async Task Done_TenMegabyteResult_IsRejected() =>
        await AssertRejectedAsync(await _cli.RunAsync("done", "2", "--result", TenMegabytes), 2);

    [Fact]
    public async Task Edit_EmptyText_IsRejected() =>
        await AssertRejectedAsync(await _cli.RunAsync("edit", "2", " "), 2);

    [Fact]
    public async Task SixthGoal_IsRefused()
    {
        for (var i = 2; i <= 5; i++)
        {
            await _cli.OkAsync("goal", "add", $"Goal number {i}");
        }

        _before = await _cli.SnapshotAsync();

        var result = await _cli.RunAsync("goal", "add", "Learn Portuguese");

        await AssertRejectedAsync(result, 4);
        Assert.Contains("less is more", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SixthNowAction_IsRefused()
    {
        for (var i = 2; i <= 5; i++)
        {
            await _cli.OkAsync("add", $"run {i} km before work", "--now");
        }

        _before = await _cli.SnapshotAsync();

        await AssertRejectedAsync(await _cli.RunAsync("add", "run 6 km before work", "--now"), 4);
        await AssertRejectedAsync(await _cli.RunAsync("move", "2", "--now"), 4);
    }

    [Fact]
    public async Task EleventhWeekAction_IsRefused()
    {
        for (var i = 2; i <= 10; i++)
        {
            await _cli.OkAsync("add", $"write {i}00 words for chapter {i}", "--week");
        }

        _before = await _cli.SnapshotAsync();

        await AssertRejectedAsync(await _cli.RunAsync("add", "write 1100 words for chapter 11", "--week"), 4);
        await AssertRejectedAsync(await _cli.RunAsync("move", "1", "--week"), 4);
    }

    [Fact]
    public async Task LooseningALockedCommitment_IsRefusedAndTheDateStays()
    {
        var result = await _cli.RunAsync("commit", "change", "1", "--date", "2027-04-11");

        await AssertRejectedAsync(result, 4);
        Assert.Contains("headway commit request 1", result.Error, StringComparison.Ordinal);
        Assert.Equal("2027-03-14", (await _cli.JsonAsync("commit", "list"))[0].GetProperty("due").GetString());
    }

    [Fact]
    public async Task PassiveWithoutKeep_IsRefused() =>
        await AssertRejectedAsync(await _cli.RunAsync("add", "watch 3 tutorials on query optimization"), 4);

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("goal", "frobnicate")]
    [InlineData("now", "--verbose")]
    [InlineData("add")]
    [InlineData("commit", "add", "--goal", "1")]
    public async Task UnknownCommandOrMissingArgument_IsInvalid(params string[] args)
    {
        var result = await _cli.RunAsync(args);

        await AssertRejectedAsync(result, 2);
        Assert.Contains("--help", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("headway commit add --help", "commit", "add", "--goal", "1")]
    [InlineData("headway goal show --help", "goal", "show")]
    [InlineData("headway goal --help", "goal", "frobnicate")]
    [InlineData("headway --help", "frobnicate")]
    public async Task ParseError_PointsToTheHelpOfTheCommandTyped(string help, params string[] args)
    {
        var result = await _cli.RunAsync(args);

        await AssertRejectedAsync(result, 2);
        Assert.EndsWith($"see `{help}`.", result.Error.TrimEnd(), StringComparison.Ordinal);
    }

    private async Task AssertRejectedAsync(CliResult result, int exitCode)
    {
        result.AssertOneSentenceError(exitCode);
        Assert.Equal(_before, await _cli.SnapshotAsync());
    }
}
