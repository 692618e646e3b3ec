using System.Diagnostics;
using System.Globalization;
using Headway.App.CheckIns;
using Headway.App.Storage;

// Weekly check-ins for N users on SQLite: each user has a partner who sees one of their two goals, four actions this
// week (two done with a result, one put off) and a commitment. Times the scheduler's check-in job at the moment every
// check-in falls due (Sunday 18:00 UTC), then checks that each partner got exactly one.
var users = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var dir = Directory.CreateTempSubdirectory("headway-bench-notify-");
try
{
    var target = DatabaseTarget.Parse(Path.Combine(dir.FullName, "headway.db")).Value;
    await using var source = HeadwayDataSource.Create(target);
    await using var db = await source.OpenAsync();
    var monday = new DateTime(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc);
    var seed = Stopwatch.StartNew();
    await db.WriteAsync<bool>(async tx =>
    {
        for (var i = 0; i < users; i++)
        {
            var u = await db.LongAsync("INSERT INTO users (name, time_zone, week_start, created_at) VALUES (@n, 'UTC', 1, @t) RETURNING id", tx, default,
                ("n", $"user {i}"), ("t", monday));
            var p = await db.LongAsync("INSERT INTO users (name, time_zone, week_start, created_at) VALUES (@n, 'UTC', 1, @t) RETURNING id", tx, default,
                ("n", $"partner {i}"), ("t", monday));
            var shared = await db.LongAsync("INSERT INTO goals (user_id, title, area, status, created_at, updated_at, version) VALUES (@u, 'Finish my novel', 'writing', 'active', @t, @t, 1) RETURNING id", tx, default, ("u", u), ("t", monday));
            var other = await db.LongAsync("INSERT INTO goals (user_id, title, area, status, created_at, updated_at, version) VALUES (@u, 'Find a new job', 'career', 'active', @t, @t, 1) RETURNING id", tx, default, ("u", u), ("t", monday));
            foreach (var (goal, text, status, result) in new[] { (shared, "write 1,000 words", "done", "1,150 words"), (shared, "submit chapter 3", "open", (string?)null), (other, "email the recruiter", "done", "sent"), (other, "read about interviews", "open", null) })
            {
                await db.ExecuteAsync(
                    """
                    INSERT INTO actions (user_id, goal_id, text, horizon, status, verdict, score, signals, stretch, result, planned_week, created_at, updated_at, completed_at, version)
                    VALUES (@u, @g, @x, 'week', @s, 'meaningful', 80, '[]', FALSE, @r, '2027-03-01', @t, @t, @c, 1)
                    """, tx, default, ("u", u), ("g", goal), ("x", text), ("s", status), ("r", result), ("t", monday), ("c", status == "done" ? monday.AddDays(1) : null));
            }

            await db.ExecuteAsync("INSERT INTO commitments (user_id, goal_id, due, event_name, status, created_at, version) VALUES (@u, @g, '2027-03-12', 'Writing group reading', 'open', @t, 1)", tx, default, ("u", u), ("g", shared), ("t", monday));
            var ps = await db.LongAsync("INSERT INTO partnerships (user_id, partner_user_id, sees_actions, created_at) VALUES (@u, @p, TRUE, @t) RETURNING id", tx, default, ("u", u), ("p", p), ("t", monday));
            await db.ExecuteAsync("INSERT INTO shared_goals (partnership_id, goal_id) VALUES (@ps, @g)", tx, default, ("ps", ps), ("g", shared));
        }

        return true;
    }, default);
    seed.Stop();

    var clock = new FixedClock(new DateTimeOffset(2027, 3, 7, 18, 0, 0, TimeSpan.Zero));
    var run = Stopwatch.StartNew();
    var queued = await WeeklyCheckIns.RunDueAsync(db, clock, default);
    run.Stop();
    var again = await WeeklyCheckIns.RunDueAsync(db, clock, default);
    var rows = await db.LongAsync("SELECT COUNT(*) FROM notifications WHERE kind = 'checkin'", null, default);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"check-ins: {users} users, seeded in {seed.Elapsed.TotalSeconds:0.0} s; generated and queued {queued} in {run.Elapsed.TotalSeconds:0.0} s ({run.Elapsed.TotalMilliseconds / Math.Max(1, queued):0.00} ms each); a second run queued {again}; {rows} check-ins stored"));
    return queued == users && again == 0 && rows == users && run.Elapsed <= TimeSpan.FromSeconds(60) ? 0 : 1;
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    dir.Delete(recursive: true);
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
