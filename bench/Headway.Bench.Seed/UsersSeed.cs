using System.Globalization;
using Headway.App;
using Headway.App.Actions;
using Headway.App.Storage;
using Headway.App.Tokens;
using Headway.App.Transfer;
using Headway.App.Users;
using Headway.Core.Actions;
using Headway.Core.Formats;

namespace Headway.Bench.Seed;

/// <summary>
/// Several people on one server, for bench/load/run: each with three goals, COUNT actions of history, three actions in
/// Now, an empty This week (the load's moves fill it) and a personal access token. Writes one line per person to
/// TOKENS: the token, then the ids of their goals, comma-separated.
/// </summary>
public static class UsersSeed
{
    private static readonly string[] Goals = ["Finish the first draft of my novel", "Run the Hometown 5K under 30 minutes", "Find a product design job"];

    private static readonly string[] Texts =
    [
        "write 1,000 words of chapter {0}", "run {0} km at an easy pace", "send my portfolio to {0} design studios",
        "practice Spanish with a tutor for {0} minutes", "submit a short story to {0} magazines",
    ];

    public static async Task<int> RunAsync(int people, int count, string database, string tokensFile)
    {
        var ct = CancellationToken.None;
        var clock = TimeProvider.System;
        await using var source = HeadwayDataSource.Create(DatabaseTarget.Parse(database).Value);
        await using var db = await source.OpenAsync(ct);
        var lines = new List<string>(people);
        for (var p = 0; p < people; p++)
        {
            var user = await AddUser.RunAsync(db, "Load person " + (p + 1).ToString(CultureInfo.InvariantCulture), clock, ct);
            var s = new PlannerSession(db, user, clock);
            var weekStart = s.ThisWeek.StartUtc;
            var items = new List<ImportedItem>(count);
            for (var i = 0; i < count; i++)
            {
                // History before this week: most done, a few dropped, the rest waiting in Later.
                var status = i % 20 == 7 ? ItemStatus.Dropped : i % 10 < 6 ? ItemStatus.Done : ItemStatus.Open;
                var created = weekStart.AddHours(-8 - (i * 7 % 8760));
                items.Add(new ImportedItem
                {
                    Line = i + 1,
                    Text = string.Format(CultureInfo.InvariantCulture, Texts[i % Texts.Length], 1 + (i / Texts.Length % 30)) + " #" + i.ToString(CultureInfo.InvariantCulture),
                    Status = status,
                    CreatedAt = created,
                    CompletedAt = status == ItemStatus.Open ? null : created.AddHours(4),
                    Project = Goals[i % Goals.Length],
                });
            }

            var imported = await ImportItems.RunAsync(s, items, TaskFormat.PlainText, ProjectsAs.Goals, "seed", ct);
            if (!imported.IsOk)
            {
                Console.Error.WriteLine(imported.Error!.Message);
                return 1;
            }

            var goals = await db.ListAsync("SELECT id FROM goals WHERE user_id = @u ORDER BY id", r => r.GetInt64(0), null, ct, ("u", s.UserId));
            for (var n = 0; n < 3; n++)
            {
                var text = string.Format(CultureInfo.InvariantCulture, Texts[n], 2 + n);
                var added = await AddAction.RunAsync(s, new NewAction(text, goals[n % goals.Count].ToString(CultureInfo.InvariantCulture), Horizon.Now, KeepPassive: true), ct);
                if (!added.IsOk)
                {
                    Console.Error.WriteLine(added.Error!.Message);
                    return 1;
                }
            }

            var token = await CreateAccessToken.RunAsync(s, "bench/load/run", null, ct);
            if (!token.IsOk)
            {
                Console.Error.WriteLine(token.Error!.Message);
                return 1;
            }

            lines.Add(token.Value.Secret + " " + string.Join(',', goals.Select(g => g.ToString(CultureInfo.InvariantCulture))));
        }

        await File.WriteAllLinesAsync(tokensFile, lines, ct);
        Console.WriteLine($"seeded {people} people with {count} actions and {Goals.Length} goals each");
        return 0;
    }
}
