using System.Runtime.InteropServices;

namespace Headway.Fuzz;

/// <summary>Runs a target on saved inputs, outside libFuzzer: to reproduce a crash artifact or check a corpus.</summary>
internal static class Replay
{
    public static int Run(string name, FuzzTarget target, string[] paths)
    {
        if (paths.Length == 0)
        {
            Console.Error.WriteLine($"Give the files or folders to run {name} on.");
            return 2;
        }

        GiveCoverageABuffer();
        var files = paths.SelectMany<string, string>(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal) : [p]).ToList();
        foreach (var file in files)
        {
            // An exception escapes: the runtime prints it and exits non-zero, naming the input first.
            Console.Error.WriteLine($"{name}: {file}");
            target(File.ReadAllBytes(file));
        }

        Console.WriteLine($"{name}: {files.Count} input(s), no crash");
        return 0;
    }

    // fuzz/run's instrumented Headway assemblies record coverage in SharpFuzz's map on every branch; outside
    // libFuzzer nobody set the map up, so it gets a private one (freed at exit) instead of a null pointer.
    private static unsafe void GiveCoverageABuffer()
    {
        if (SharpFuzz.Common.Trace.SharedMem == null)
        {
            SharpFuzz.Common.Trace.SharedMem = (byte*)NativeMemory.AllocZeroed(1 << 16);
        }
    }
}
