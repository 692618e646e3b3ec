using Headway.App.Commitments;
using Headway.App.Partners;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.Core;
using Headway.Core.Commitments;

namespace Headway.App.Tests.Partners;

/// <summary>
/// Decisions racing each other and the person's own edits, each on a connection of its own and released together: a
/// change is never applied twice, and never applied to a commitment that changed after the request.
/// </summary>
public sealed class ApprovalRaceTests
{
    private const int Rounds = 8;

    private static CancellationToken Ct => TestPlanner.Ct;

    /// <summary>Starts every piece of work at once on the thread pool (Microsoft.Data.Sqlite works synchronously).</summary>
    private static async Task<T[]> AllAtOnceAsync<T>(params Func<Task<T>>[] work)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = work.Select(w => Task.Run(async () =>
        {
            await gate.Task;
            return await w();
        }, Ct)).ToList();
        gate.SetResult();
        return await Task.WhenAll(tasks);
    }

    private static Task<string> StatusAsync(PartnerWorld world, long requestId) =>
        world.Owner.Db.SingleAsync("SELECT status FROM commitment_requests WHERE id = @id", r => r.GetString(0), null, Ct, ("id", requestId))!;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ApprovalRacingAnEdit_AppliesOnlyToTheVersionRequested(Provider provider)
    {
        await using var world = await PartnerWorld.CreateAsync(provider);
        var bo = await world.PartnerAsync("Bo", seesActions: false, world.Race);
        var owner = await world.Planner.OpenSessionAsync();
        for (var round = 0; round < Rounds; round++)
        {
            var race = await world.LockedRaceAsync();
            var request = await world.AskForLaterAsync(race, days: 14);
            var earlier = race.Due.AddDays(-3);

            var results = await AllAtOnceAsync(
                async () => (await DecideChangeRequest.ApproveAsync(bo, owner.UserId, request.Id, Ct)).IsOk,
                async () => (await ChangeCommitment.RequestAsync(owner, race.Id, CommitmentChange.Reschedule(earlier), allowRequest: false, Ct)).IsOk);

            var approved = results[0];
            Assert.True(results[1], "the stricter edit always applies");
            var stored = await world.StoredAsync(race.Id);
            Assert.Equal(earlier, stored.Due);
            Assert.Equal(approved ? "applied" : "void", await StatusAsync(world, request.Id));
            // One version per change that really happened: the edit, and the approval only when it came first.
            Assert.Equal(race.Version + 1 + (approved ? 1 : 0), stored.Version);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task TwoApprovalsAndADenialAtOnce_SettleTheRequestExactlyOnce(Provider provider)
    {
        await using var world = await PartnerWorld.CreateAsync(provider);
        var bo = await world.PartnerAsync("Bo", seesActions: false, world.Race);
        var cy = await world.PartnerAsync("Cy", seesActions: true, world.Race);
        var di = await world.PartnerAsync("Di", seesActions: false, world.Race);
        for (var round = 0; round < Rounds; round++)
        {
            var race = await world.LockedRaceAsync();
            var request = await world.AskForLaterAsync(race, days: 14);

            var results = await AllAtOnceAsync(
                () => DecideChangeRequest.ApproveAsync(bo, world.Owner.UserId, request.Id, Ct),
                () => DecideChangeRequest.ApproveAsync(cy, world.Owner.UserId, request.Id, Ct),
                () => DecideChangeRequest.DenyAsync(di, world.Owner.UserId, request.Id, Ct));

            var winner = Assert.Single(results, r => r.IsOk);
            Assert.All(results.Where(r => !r.IsOk), r => Assert.Equal(ErrorKind.Refused, r.Error!.Kind));
            var stored = await world.StoredAsync(race.Id);
            var applied = winner.Value.Status == ChangeRequestStatus.Applied;
            Assert.Equal(applied ? race.Due.AddDays(14) : race.Due, stored.Due);
            Assert.Equal(race.Version + (applied ? 1 : 0), stored.Version);
            Assert.Equal(1, await world.Planner.CountAsync(
                "SELECT COUNT(*) FROM notifications WHERE user_id = @u AND key = @k", ("u", world.Owner.UserId), ("k", $"request:{request.Id}:decision")));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ApprovalRacingAWithdrawal_OneOfThemWins(Provider provider)
    {
        await using var world = await PartnerWorld.CreateAsync(provider);
        var bo = await world.PartnerAsync("Bo", seesActions: false, world.Race);
        var owner = await world.Planner.OpenSessionAsync();
        for (var round = 0; round < Rounds; round++)
        {
            var race = await world.LockedRaceAsync();
            var request = await world.AskForLaterAsync(race, days: 14);

            var results = await AllAtOnceAsync(
                async () => (await DecideChangeRequest.ApproveAsync(bo, owner.UserId, request.Id, Ct)).IsOk,
                async () => (await ChangeCommitment.WithdrawAsync(owner, race.Id, Ct)).IsOk);

            Assert.Single(results, ok => ok);
            var stored = await world.StoredAsync(race.Id);
            Assert.Equal(results[0] ? race.Due.AddDays(14) : race.Due, stored.Due);
            Assert.Equal(results[0] ? "applied" : "withdrawn", await StatusAsync(world, request.Id));
        }
    }
}
