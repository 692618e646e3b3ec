using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.App.Users;
using Headway.Core;
using Microsoft.Extensions.Time.Testing;

namespace Headway.App.Tests.Users;

/// <summary>The command line's owner: created once on first use, whoever gets there first, and their settings.</summary>
public sealed class LocalOwnerTests
{
    private static CancellationToken Ct => TestPlanner.Ct;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task CommandsStartingTogetherOnAFreshDatabase_CreateOneOwner(Provider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        var clock = new FakeTimeProvider(TestPlanner.DefaultStart);
        var sources = Enumerable.Range(0, 8).Select(_ => HeadwayDataSource.Create(database.Target)).ToList();
        try
        {
            // Connections first (the schema is in place then), so that the commands meet where the owner is created.
            var connections = new List<HeadwayDb>();
            foreach (var source in sources)
            {
                connections.Add(await source.OpenAsync(Ct));
            }

            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var owners = connections.Select(db => Task.Run(async () =>
            {
                await gate.Task;
                await using (db)
                {
                    return await LocalOwner.EnsureAsync(db, clock, Ct);
                }
            }, Ct)).ToList();
            gate.SetResult();

            var ids = (await Task.WhenAll(owners)).Select(o => o.UserId).Distinct();

            Assert.Single(ids);
            await using var check = await sources[0].OpenAsync(Ct);
            Assert.Equal(1, await check.LongAsync("SELECT COUNT(*) FROM users", null, Ct));
        }
        finally
        {
            foreach (var source in sources)
            {
                await source.DisposeAsync();
            }
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task BadSettings_AreInvalidAndChangeNothing(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;

        var zone = await ChangeSettings.RunAsync(s, "Mars/Olympus_Mons", null, Ct);
        var day = await ChangeSettings.RunAsync(s, null, "funday", Ct);
        var number = await ChangeSettings.RunAsync(s, "Europe/Berlin", "3", Ct);

        Assert.Equal(ErrorKind.Invalid, zone.Error?.Kind);
        Assert.Equal(ErrorKind.Invalid, day.Error?.Kind);
        Assert.Equal(ErrorKind.Invalid, number.Error?.Kind);
        var stored = (await planner.OpenSessionAsync()).User.Calendar;
        Assert.Equal("UTC", stored.Zone.Id);
        Assert.Equal(DayOfWeek.Monday, stored.FirstDay);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Settings_OfOneUser_LeaveTheOtherAlone(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var other = await planner.OpenSessionAsync(await planner.AddUserAsync("bo"));

        await ChangeSettings.RunAsync(other, "Asia/Tokyo", "saturday", Ct);

        Assert.Equal("UTC", (await planner.OpenSessionAsync()).User.Calendar.Zone.Id);
        Assert.Equal("Asia/Tokyo", (await planner.OpenSessionAsync(other.UserId)).User.Calendar.Zone.Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task DisplayName_IsChangedWithTheSettings_AndAnEmptyOneIsRefused(Provider provider)
    {
        await using var planner = await TestPlanner.CreateAsync(provider);
        var s = planner.Session;

        var empty = await ChangeSettings.RunAsync(s, "Europe/Berlin", null, Ct, name: "  ");
        Assert.Equal(ErrorKind.Invalid, empty.Error?.Kind);
        Assert.Equal("UTC", (await planner.OpenSessionAsync()).User.Calendar.Zone.Id);

        var changed = await ChangeSettings.RunAsync(s, "Europe/Berlin", "sunday", Ct, name: " Ana Lima ");

        Assert.Equal("Ana Lima", changed.Value.Name);
        var stored = (await planner.OpenSessionAsync()).User;
        Assert.Equal(("Ana Lima", "Europe/Berlin", DayOfWeek.Sunday), (stored.Name, stored.Calendar.Zone.Id, stored.Calendar.FirstDay));
    }
}
