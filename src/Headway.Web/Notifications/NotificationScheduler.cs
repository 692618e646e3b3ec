using Headway.App.CheckIns;
using Headway.App.Notifications;
using Headway.App.Storage;

namespace Headway.Web.Notifications;

/// <summary>
/// The jobs time runs inside <c>headway serve</c>, each minute: deadline reminders, missed commitments and cooled-off
/// requests, weekly check-ins. Every job writes notifications under unique keys, so running it twice, or on several
/// instances at once, makes each notification once. On PostgreSQL an advisory lock per job also keeps the other
/// instances from doing the same work in the same minute.
/// </summary>
public sealed class NotificationScheduler(HeadwayDataSource source, TimeProvider clock, ILogger<NotificationScheduler> log) : BackgroundService
{
    public static readonly TimeSpan Tick = TimeSpan.FromMinutes(1);

    private static readonly (string Name, long LockKey, Func<HeadwayDb, TimeProvider, CancellationToken, Task<int>> Run)[] Jobs =
    [
        ("reminders", 74140601, (db, clock, ct) => DeadlineReminders.RunDueAsync(db, clock.GetUtcNow().UtcDateTime, ct)),
        ("commitments", 74140602, CommitmentNotices.SweepAsync),
        ("check-ins", 74140603, WeeklyCheckIns.RunDueAsync),
    ];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, clock);
        do
        {
            await RunOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Runs every job once (what each tick does).</summary>
    public async Task RunOnceAsync(CancellationToken ct)
    {
        foreach (var job in Jobs)
        {
            try
            {
                await using var db = await source.OpenAsync(ct);
                if (db.Provider == Provider.Postgres && await db.LongAsync("SELECT CASE WHEN pg_try_advisory_lock(@k) THEN 1 ELSE 0 END", null, ct, ("k", job.LockKey)) == 0)
                {
                    continue;   // another instance is running this job right now
                }

                try
                {
                    await job.Run(db, clock, ct);
                }
                finally
                {
                    if (db.Provider == Provider.Postgres)
                    {
                        await db.ExecuteAsync("SELECT pg_advisory_unlock(@k)", null, CancellationToken.None, ("k", job.LockKey));
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                log.LogError(e, "The {Job} job failed; it runs again next minute.", job.Name);
            }
        }
    }
}
