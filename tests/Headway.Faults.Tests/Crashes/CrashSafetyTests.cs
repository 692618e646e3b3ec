using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.Faults.Tests.Hosting;

namespace Headway.Faults.Tests.Crashes;

/// <summary>
/// bench/faults/crash in full, as part of the test suite: 1,000 API writes while the real server is killed with
/// SIGKILL 20 times and started again; every acknowledged write is there exactly once and the database is sound.
/// </summary>
public sealed class CrashSafetyTests
{
    [Theory(Timeout = 20 * 60 * 1000)]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task TwentyKillsDuringAThousandWrites_LoseNothingAndRepeatNothing(Provider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = provider == Provider.Sqlite
            ? FaultDatabase.Sqlite()
            : await FaultDatabase.PostgresAsync(TestDatabases.PostgresServerOrSkip(), ct);
        using var progress = new StringWriter();

        var report = await new CrashRun(Builds.WebServer, database, new CrashOptions(Writes: 1000, Kills: 20), progress).RunAsync(ct);

        TestContext.Current.TestOutputHelper?.WriteLine(report.ToString());
        Assert.True(report.Passed, report.ToString());
        Assert.Equal(1000, report.Acknowledged);
        Assert.Equal(20, report.Kills);
        Assert.Equal("ok", report.Integrity);
    }
}
