using Headway.App.Commitments;
using Headway.App.Partners;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.Core;
using Headway.Core.Commitments;

namespace Headway.App.Tests.Partners;

/// <summary>
/// Loosening a locked commitment with partners: the request goes to every partner who can see it, one approval applies
/// exactly the change once, a denial ends it, an edit voids it; with no partner who can see it, cooling off applies.
/// </summary>
public sealed class ApprovalTests
{
    private static CancellationToken Ct => TestPlanner.Ct;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task LaterDate_WithPartnersWhoSeeIt_WaitsForThemAndTellsOnlyThem(Provider provider)
    {
        await using var world = await PartnerWorld.CreateAsync(provider);
        var bo = await world.PartnerAsync("Bo", seesActions: false, world.Race);
        var cy = await world.PartnerAsync("Cy", seesActions: true, world.Race, world.Novel);
        var di = await world.PartnerAsync("Di", seesActions: true, world.Novel);
        var race = await world.LockedRaceAsync();

        var request = await world.AskForLaterAsync(race);

        Assert.Equal(ApprovalPath.Partner, request.Path);
        Assert.Null(request.EffectiveAt);
        Assert.Equal(["change-request"], await world.NotificationsAsync(bo.UserId));
        Assert.Equal(["change-request"], await world.NotificationsAsync(cy.UserId));
        Assert.Empty(await world.NotificationsAsync(di.UserId));
        Assert.Single(await WaitingRequests.RunAsync(bo, Ct));
        Assert.Empty(await WaitingRequests.RunAsync(di, Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task LaterDate_WithNoPartnerWhoSeesIt_CoolsOffForSevenDays(Provider provider)
    {
        await using var world = await PartnerWorld.CreateAsync(provider);
        await world.PartnerAsync("Di", seesActions: true, world.Novel);
        var race = await world.LockedRaceAsync();

        var request = await world.AskForLaterAsync(race);

        Assert.Equal(ApprovalPath.CoolingOff, request.Path);
        Assert.Equal(world.Owner.NowUtc + CommitmentRules.CoolingOff, request.EffectiveAt);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Approval_AppliesExactlyTheChangeOnce_AndTellsTheUser(Provider provider)
    {
        await using var world = await PartnerWorld.CreateAsync(provider);
        var bo = await world.PartnerAsync("Bo", seesActions: false, world.Race);
        var cy = await world.PartnerAsync("Cy", seesActions: false, world.Race);
        var race = await world.LockedRaceAsync();
        var request = await world.AskForLaterAsync(race, days: 14);

        var approved = await DecideChangeRequest.ApproveAsync(bo, world.Owner.UserId, request.Id, Ct);
        var again = await DecideChangeRequest.ApproveAsync(cy, world.Owner.UserId, request.Id, Ct);
        var denyAfter = await DecideChangeRequest.DenyAsync(cy, world.Owner.UserId, request.Id, Ct);

        Assert.Equal(ChangeRequestStatus.Applied, approved.Value.Status);
        Assert.Equal(ErrorKind.Refused, again.Error!.Kind);
        Assert.Equal(ErrorKind.Refused, denyAfter.Error!.Kind);
        var stored = await world.StoredAsync(race.Id);
        Assert.Equal(race.Due.AddDays(14), stored.Due);
        Assert.Equal(CommitmentStatus.Locked, stored.Status);
        Assert.Equal(race.Version + 1, stored.Version);
        Assert.Equal(bo.UserId, await world.Planner.CountAsync("SELECT decided_by_user_id FROM commitment_requests WHERE id = @id", ("id", request.Id)));
        Assert.Equal(["partner-joined", "partner-joined", "request-approved"], await world.NotificationsAsync(world.Owner.UserId));
        Assert.Empty(await WaitingRequests.RunAsync(cy, Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Denial_EndsTheRequest_AndLeavesTheCommitment(Provider provider)
    {
        await using var world = await PartnerWorld.CreateAsync(provider);
        var bo = await world.PartnerAsync("Bo", seesActions: false, world.Race);
        var race = await world.LockedRaceAsync();
        var request = await ChangeCommitment.RequestAsync(world.Owner, race.Id, CommitmentChange.Drop(), allowRequest: true, Ct);

        var denied = await DecideChangeRequest.DenyAsync(bo, world.Owner.UserId, request.Value.Request!.Id, Ct);
        var approvedAfter = await DecideChangeRequest.ApproveAsync(bo, world.Owner.UserId, request.Value.Request!.Id, Ct);

        Assert.Equal(ChangeRequestStatus.Denied, denied.Value.Status);
        Assert.Equal(ErrorKind.Refused, approvedAfter.Error!.Kind);
        Assert.Equal(race, await world.StoredAsync(race.Id));
        Assert.Contains("request-denied", await world.NotificationsAsync(world.Owner.UserId));
        // Denied is final, but the user may ask again.
        Assert.True((await ChangeCommitment.RequestAsync(world.Owner, race.Id, CommitmentChange.Drop(), allowRequest: true, Ct)).IsOk);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Approval_AfterTheCommitmentChanged_IsVoid(Provider provider)
    {
        await using var world = await PartnerWorld.CreateAsync(provider);
        var bo = await world.PartnerAsync("Bo", seesActions: false, world.Race);
        var race = await world.LockedRaceAsync();
        var request = await world.AskForLaterAsync(race, days: 14);
        // A stricter change applies at once and changes the commitment the request was made against.
        Assert.True((await ChangeCommitment.RequestAsync(world.Owner, race.Id, CommitmentChange.Reschedule(race.Due.AddDays(-3)), allowRequest: false, Ct)).IsOk);

        var approved = await DecideChangeRequest.ApproveAsync(bo, world.Owner.UserId, request.Id, Ct);

        Assert.Equal(ErrorKind.Refused, approved.Error!.Kind);
        Assert.Equal(race.Due.AddDays(-3), (await world.StoredAsync(race.Id)).Due);
        Assert.Equal("void", await world.Owner.Db.SingleAsync("SELECT status FROM commitment_requests WHERE id = @id", r => r.GetString(0), null, Ct, ("id", request.Id)));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Approval_ByAPartnerWhoCannotSeeIt_IsNotFound(Provider provider)
    {
        await using var world = await PartnerWorld.CreateAsync(provider);
        var bo = await world.PartnerAsync("Bo", seesActions: false, world.Race);
        var di = await world.PartnerAsync("Di", seesActions: true, world.Novel);
        var stranger = await world.Planner.OpenSessionAsync(await world.Planner.AddUserAsync("Eve"));
        var race = await world.LockedRaceAsync();
        var request = await world.AskForLaterAsync(race);

        Assert.Equal(ErrorKind.NotFound, (await DecideChangeRequest.ApproveAsync(di, world.Owner.UserId, request.Id, Ct)).Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, (await DecideChangeRequest.ApproveAsync(stranger, world.Owner.UserId, request.Id, Ct)).Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, (await DecideChangeRequest.DenyAsync(world.Owner, world.Owner.UserId, request.Id, Ct)).Error!.Kind);
        Assert.Equal(race.Due, (await world.StoredAsync(race.Id)).Due);
        Assert.Single(await WaitingRequests.RunAsync(bo, Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task RemovingTheOnlyPartnerWhoSeesIt_SendsTheRequestToCoolOffFromNow(Provider provider)
    {
        await using var world = await PartnerWorld.CreateAsync(provider);
        var bo = await world.PartnerAsync("Bo", seesActions: false, world.Race);
        var race = await world.LockedRaceAsync();
        var request = await world.AskForLaterAsync(race);
        world.Planner.Clock.Advance(TimeSpan.FromDays(10));

        Assert.True((await RemovePartner.RunAsync(world.Owner, "Bo", Ct)).IsOk);

        Assert.Equal(ErrorKind.NotFound, (await DecideChangeRequest.ApproveAsync(bo, world.Owner.UserId, request.Id, Ct)).Error!.Kind);
        var pending = (await CommitmentQueries.PendingRequestAsync(world.Owner, race.Id, Ct))!;
        Assert.Equal(ApprovalPath.CoolingOff, pending.Path);
        Assert.Equal(world.Owner.NowUtc + CommitmentRules.CoolingOff, pending.EffectiveAt);
    }
}
