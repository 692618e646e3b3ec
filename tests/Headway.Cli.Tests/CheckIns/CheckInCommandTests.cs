using Headway.App.Storage;
using Headway.Cli.Tests.Hosting;

namespace Headway.Cli.Tests.CheckIns;

public sealed class CheckInCommandTests : IAsyncLifetime
{
    private readonly CliRunner _cli = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _cli.OkAsync("settings", "--time-zone", "UTC", "--week-start", "monday");
        await _cli.OkAsync("goal", "add", "Finish the first draft of my novel", "--area", "writing");
        await _cli.OkAsync("goal", "add", "Find a new job", "--area", "career");
        await _cli.OkAsync("add", "write 1,000 words for chapter 4", "--goal", "1", "--now");
        await _cli.OkAsync("add", "email the recruiter at Initech", "--goal", "2", "--now");
        await _cli.OkAsync("done", "1", "--result", "1,150 words");
        await _cli.OkAsync("done", "2", "--result", "sent");
    }

    public ValueTask DisposeAsync()
    {
        _cli.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task WithoutAPartner_PrintsTheUsersOwnCheckIn_AndRefusesToSend()
    {
        var shown = await _cli.OkAsync("checkin");
        Assert.Contains("Progress ratio: 100% (2 outcomes from 2 completed actions).", shown.Out, StringComparison.Ordinal);
        Assert.Contains("Find a new job: 1 outcome", shown.Out, StringComparison.Ordinal);
        Assert.Contains("No partner yet", shown.Out, StringComparison.Ordinal);

        var sent = await _cli.RunAsync("checkin", "--send");
        Assert.Equal(4, sent.ExitCode);
        Assert.Contains("no accountability partner", sent.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithAPartner_PrintsWhatTheyWouldSee_AndSendQueuesItOnce()
    {
        await using (var source = HeadwayDataSource.Create(DatabaseTarget.Parse(_cli.DatabasePath).Value))
        await using (var db = await source.OpenAsync(Ct))
        {
            var bo = await db.LongAsync("INSERT INTO users (name, time_zone, week_start, created_at) VALUES ('Bo', 'UTC', 1, @now) RETURNING id", null, Ct,
                ("now", _cli.Clock.GetUtcNow().UtcDateTime));
            var p = await db.LongAsync("INSERT INTO partnerships (user_id, partner_user_id, sees_actions, created_at) VALUES (1, @bo, TRUE, @now) RETURNING id", null, Ct,
                ("bo", bo), ("now", _cli.Clock.GetUtcNow().UtcDateTime));
            await db.ExecuteAsync("INSERT INTO shared_goals (partnership_id, goal_id) VALUES (@p, 1)", null, Ct, ("p", p));
        }

        var shown = await _cli.OkAsync("checkin");
        Assert.Contains("To Bo:", shown.Out, StringComparison.Ordinal);
        Assert.Contains("write 1,000 words for chapter 4 → 1,150 words", shown.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Initech", shown.Out, StringComparison.Ordinal);

        Assert.Contains("Queued for 1 partner", (await _cli.OkAsync("checkin", "--send")).Out, StringComparison.Ordinal);
        Assert.Contains("Already queued this minute", (await _cli.OkAsync("checkin", "--send")).Out, StringComparison.Ordinal);
    }
}
