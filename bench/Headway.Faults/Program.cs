using Headway.Faults;

// bench/faults/crash drives this: `Headway.Faults crash sqlite|postgres --server PATH [--writes N] [--kills N]
// [--clients N] [--seed N]`. PostgreSQL runs in a new database on the server named by HEADWAY_TEST_POSTGRES.
// Exit code 0 when every check passed, 1 when one failed, 2 for bad arguments.
if (args.Length < 2 || args[0] != "crash" || args[1] is not ("sqlite" or "postgres"))
{
    Console.Error.WriteLine("Usage: Headway.Faults crash sqlite|postgres --server PATH-TO-headway-web [--writes 1000] [--kills 20] [--clients 4] [--seed N]");
    return 2;
}

string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
int? Number(string name) => Value(name) is { } text ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : null;

var server = Value("--server");
if (server is null)
{
    Console.Error.WriteLine("Give the headway-web to run with --server (bench/faults/crash builds it and passes it).");
    return 2;
}

var defaults = new CrashOptions();
var options = new CrashOptions(Number("--writes") ?? defaults.Writes, Number("--kills") ?? defaults.Kills, Number("--clients") ?? defaults.Clients, Number("--seed"));
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Stop cleanly: the run's finally blocks kill the server and drop the database.
    e.Cancel = true;
    cancel.Cancel();
};

FaultDatabase database;
if (args[1] == "sqlite")
{
    database = FaultDatabase.Sqlite();
}
else if (Environment.GetEnvironmentVariable("HEADWAY_TEST_POSTGRES") is { Length: > 0 } postgres)
{
    database = await FaultDatabase.PostgresAsync(postgres, cancel.Token);
}
else
{
    Console.Error.WriteLine("Set HEADWAY_TEST_POSTGRES to a PostgreSQL server where databases may be created (bench/faults/crash starts one).");
    return 2;
}

await using (database)
{
    try
    {
        var report = await new CrashRun(server, database, options, Console.Out).RunAsync(cancel.Token);
        Console.WriteLine(report);
        return report.Passed ? 0 : 1;
    }
    catch (InvalidOperationException e)
    {
        // The stream itself broke (a write refused, no answer for minutes): the message says which and shows the server's log.
        Console.Error.WriteLine($"FAILED: {e.Message}");
        return 1;
    }
}
