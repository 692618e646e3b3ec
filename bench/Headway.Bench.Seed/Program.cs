using System.Globalization;
using System.Text.Json;
using Headway.App;
using Headway.App.Storage;
using Headway.App.Transfer;
using Headway.App.Users;
using Headway.Core.Formats;

// Seeds the same generated backlog into a Headway database and a Taskwarrior import file, so that bench/cli/run
// compares the two tools on identical items: seed COUNT HEADWAY_DB TASKWARRIOR_JSON
// or a year of one person's planner for bench/web/run: seed planner COUNT HEADWAY_DB
// or several people with a token each for bench/load/run: seed users PEOPLE COUNT DATABASE TOKENS_FILE
// and a personal access token for that planner's API (printed): seed token HEADWAY_DB
if (args is ["users", var peopleText, var perPerson, var usersDb, var tokens]
    && int.TryParse(peopleText, NumberStyles.None, CultureInfo.InvariantCulture, out var people)
    && int.TryParse(perPerson, NumberStyles.None, CultureInfo.InvariantCulture, out var history))
{
    return await Headway.Bench.Seed.UsersSeed.RunAsync(people, history, usersDb, tokens);
}

if (args is ["token", var tokenFile])
{
    return await Headway.Bench.Seed.BenchToken.RunAsync(tokenFile);
}

if (args is ["planner", var size, var file] && int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var actions))
{
    return await Headway.Bench.Seed.PlannerSeed.RunAsync(actions, file);
}

if (args.Length != 3 || !int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
{
    Console.Error.WriteLine("usage: seed COUNT HEADWAY_DB TASKWARRIOR_JSON | seed planner COUNT HEADWAY_DB | seed users PEOPLE COUNT DATABASE TOKENS_FILE | seed token HEADWAY_DB");
    return 2;
}

string[] verbs = ["write", "call", "email", "draft", "read", "research", "book", "submit", "watch", "fix", "plan", "practice"];
string[] objects = ["chapter notes", "the landlord about the lease", "Dana re: beta readers", "a pitch for the local paper",
    "an article on habit formation", "agents who take memoirs", "a table for the team dinner", "the grant application",
    "a tutorial on watercolor washes", "the leaking kitchen tap", "next quarter's budget", "scales for 20 minutes"];
var texts = Enumerable.Range(0, count)
    .Select(i => $"{verbs[i % verbs.Length]} {objects[(i / verbs.Length + i) % objects.Length]} #{i.ToString(CultureInfo.InvariantCulture)}")
    .ToList();

var target = DatabaseTarget.Parse(args[1]).Value;
await using (var source = HeadwayDataSource.Create(target))
await using (var db = await source.OpenAsync())
{
    var user = await LocalOwner.EnsureAsync(db, TimeProvider.System, CancellationToken.None);
    // The same path as `headway import` of a plain-text list: one transaction, every item judged, all in Later.
    var items = texts.Select((text, i) => new ImportedItem { Line = i + 1, Text = text }).ToList();
    var added = await ImportItems.RunAsync(
        new PlannerSession(db, user, TimeProvider.System), items, TaskFormat.PlainText, ProjectsAs.Labels, "seed", CancellationToken.None);
    if (!added.IsOk)
    {
        Console.Error.WriteLine(added.Error!.Message);
        return 1;
    }
}

await using (var json = File.Create(args[2]))
await using (var writer = new Utf8JsonWriter(json))
{
    var entry = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
    writer.WriteStartArray();
    foreach (var text in texts)
    {
        writer.WriteStartObject();
        writer.WriteString("uuid", Guid.NewGuid().ToString());
        writer.WriteString("description", text);
        writer.WriteString("status", "pending");
        writer.WriteString("entry", entry);
        writer.WriteEndObject();
    }

    writer.WriteEndArray();
}

Console.WriteLine($"seeded {count} items");
return 0;
