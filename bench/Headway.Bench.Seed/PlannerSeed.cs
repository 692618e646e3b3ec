using System.Globalization;
using Headway.App;
using Headway.App.Actions;
using Headway.App.Storage;
using Headway.App.Transfer;
using Headway.App.Users;
using Headway.Core.Actions;
using Headway.Core.Formats;

namespace Headway.Bench.Seed;

/// <summary>
/// The planner of someone who has used Headway for a year, for bench/web/run: five goals, COUNT actions (about 60%
/// done over the past year, a few dropped, the rest in Later), a full Now and This week, and six outcomes this week.
/// </summary>
public static class PlannerSeed
{
    private static readonly string[] Goals =
    [
        "Finish the first draft of my novel", "Run the Hometown 5K under 30 minutes", "Find a product design job",
        "Grow my design network", "Learn conversational Spanish",
    ];

    private static readonly string[] Texts =
    [
        "write 1,000 words of chapter {0}", "run {0} km at an easy pace", "send my portfolio to {0} design studios",
        "email a designer I admire to ask for 20 minutes", "practice Spanish with a tutor for {0} minutes",
        "read an article on plot structure", "research running shoes", "reorganize my notes about chapter {0}",
        "submit a short story to {0} magazines", "sign up for the meetup on the {0}th",
    ];

    public static async Task<int> RunAsync(int count, string database)
    {
        var ct = CancellationToken.None;
        var clock = TimeProvider.System;
        await using var source = HeadwayDataSource.Create(DatabaseTarget.Parse(database).Value);
        await using var db = await source.OpenAsync(ct);
        var user = await LocalOwner.EnsureAsync(db, clock, ct);
        var s = new PlannerSession(db, user, clock);

        // Now and This week are added and finished one by one below: 5 + 10 open, 6 done this week.
        var history = count - 21;
        var weekStart = s.ThisWeek.StartUtc;
        var items = new List<ImportedItem>(history);
        for (var i = 0; i < history; i++)
        {
            var status = i % 20 == 7 ? ItemStatus.Dropped : i % 10 < 6 ? ItemStatus.Done : ItemStatus.Open;
            var goal = i / 7 % (Goals.Length + 1);
            var created = weekStart.AddHours(-8 - (i % 8760));
            items.Add(new ImportedItem
            {
                Line = i + 1,
                Text = string.Format(CultureInfo.InvariantCulture, Texts[i % Texts.Length], 1 + (i / Texts.Length % 30)) + " #" + i.ToString(CultureInfo.InvariantCulture),
                Status = status,
                CreatedAt = created,
                CompletedAt = status == ItemStatus.Open ? null : created.AddHours(4),
                Project = goal == Goals.Length ? null : Goals[goal],
            });
        }

        var imported = await ImportItems.RunAsync(s, items, TaskFormat.PlainText, ProjectsAs.Goals, "seed", ct);
        if (!imported.IsOk)
        {
            Console.Error.WriteLine(imported.Error!.Message);
            return 1;
        }

        var goals = await db.ListAsync("SELECT id FROM goals WHERE user_id = @u ORDER BY id", r => r.GetInt64(0), null, ct, ("u", s.UserId));
        async Task<long> AddAsync(int n, Horizon horizon)
        {
            var text = string.Format(CultureInfo.InvariantCulture, Texts[n % 5], 2 + n);
            var goal = goals[n % goals.Count].ToString(CultureInfo.InvariantCulture);
            var added = await AddAction.RunAsync(s, new NewAction(text, goal, horizon, KeepPassive: true), ct);
            return added.IsOk ? added.Value.Id : throw new InvalidOperationException(added.Error!.Message);
        }

        for (var n = 0; n < 6; n++)
        {
            var done = await CompleteAction.RunAsync(s, await AddAsync(n, Horizon.Week), "delivered: " + (n + 1).ToString(CultureInfo.InvariantCulture) + " of 6", ct);
            if (!done.IsOk)
            {
                throw new InvalidOperationException(done.Error!.Message);
            }
        }

        for (var n = 0; n < 15; n++)
        {
            await AddAsync(10 + n, n < HorizonRules.NowCap ? Horizon.Now : Horizon.Week);
        }

        var total = await db.LongAsync("SELECT COUNT(*) FROM actions WHERE user_id = @u", null, ct, ("u", s.UserId));
        Console.WriteLine($"seeded {total} actions and {goals.Count} goals for user {s.UserId}");
        return 0;
    }
}
