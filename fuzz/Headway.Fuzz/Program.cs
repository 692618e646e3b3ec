using Headway.Fuzz;
using SharpFuzz;

// Headway.Fuzz TARGET            under fuzz/run's libFuzzer driver: runs TARGET on each input libFuzzer sends
// Headway.Fuzz TARGET PATH...    alone: runs TARGET once on each file (or each file of each folder), to replay a crash
// Headway.Fuzz --list            the target names, one a line
if (args is ["--list"])
{
    foreach (var name in FuzzTargets.All.Keys)
    {
        Console.WriteLine(name);
    }

    return 0;
}

if (args.Length == 0 || !FuzzTargets.All.TryGetValue(args[0], out var target))
{
    Console.Error.WriteLine($"Give a fuzz target: {string.Join(", ", FuzzTargets.All.Keys)}.");
    return 2;
}

if (Environment.GetEnvironmentVariable("__LIBFUZZER_SHM_ID") is null)
{
    return Replay.Run(args[0], target, args[1..]);
}

Fuzzer.LibFuzzer.Run(data => target(data));
return 0;
