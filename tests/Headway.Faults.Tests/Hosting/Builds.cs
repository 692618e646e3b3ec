using System.Reflection;

// Each test here starts real servers and command-line processes: one test at a time on a 2-core machine.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]

namespace Headway.Faults.Tests.Hosting;

/// <summary>The real executables, from the build folders of this checkout in the configuration of the tests.</summary>
internal static class Builds
{
    private static string Metadata(string key) =>
        typeof(Builds).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    private static string Folder(string project) =>
        Path.Combine(Metadata("HeadwayRepository"), "src", project, "bin", Metadata("HeadwayConfiguration"), "net10.0");

    /// <summary><c>headway-web</c>, the server <c>headway serve</c> hands over to.</summary>
    public static string WebServer => Path.Combine(Folder("Headway.Web"), "headway-web");

    /// <summary><c>headway</c>, the command line.</summary>
    public static string CommandLine => Path.Combine(Folder("Headway.Cli"), "headway");

    public static CancellationToken Ct => TestContext.Current.CancellationToken;
}
