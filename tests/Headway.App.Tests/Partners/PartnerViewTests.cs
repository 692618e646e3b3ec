using Headway.App.Actions;
using Headway.App.Goals;
using Headway.App.Notifications;
using Headway.App.Partners;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.Core;
using Headway.Core.Actions;
using Headway.Core.Partners;
using static Headway.App.Tests.Actions.ActionTestData;

namespace Headway.App.Tests.Partners;

/// <summary>
/// What a partner sees: shared goals only; individual actions only when allowed, otherwise outcomes only; nothing at all
/// for a stranger or once removed; notes that reach the person.
/// </summary>
public sealed class PartnerViewTests
{
    private static CancellationToken Ct => TestPlanner.Ct;

    private static async Task<(PlannedAction Open, PlannedAction Done, PlannedAction Secret)> TrainAsync(PartnerWorld world)
    {
        var open = await AddAsync(world.Owner, "run 8 km intervals on the track", Horizon.Week, world.Race.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var done = await AddAsync(world.Owner, "run 5 km at race pace", Horizon.Now, world.Race.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True((await CompleteAction.RunAsync(world.Owner, done.Id, "5 km in 27:40", Ct)).IsOk);
        var secret = await AddAsync(world.Owner, "write 1,000 words of chapter 4", Horizon.Now, world.Novel.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True((await CompleteAction.RunAsync(world.Owner, secret.Id, "1,150 words", Ct)).IsOk);
        return (open, done, secret);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task OutcomesOnlyPartner_SeesSharedGoalsAndOutcomes_NoActionTexts(Provider provider)
    {
        await using var world = await PartnerWorld.CreateAsync(provider);
        var bo = await world.PartnerAsync("Bo", seesActions: false, world.Race);
        var (_, done, _) = await TrainAsync(world);
        await world.LockedRaceAsync();
        await world.LockedRaceAsync(world.Novel);

        var view = (await ViewPerson.RunAsync(bo, world.Owner.UserId, Ct)).Value;

        Assert.Equal([world.Race.Id], view.Goals.Select(g => g.Id));
        Assert.Empty(view.OpenActions);
        var outcome = Assert.Single(view.Outcomes);
        Assert.Equal((done.Id, "5 km in 27:40", (string?)null), (outcome.ActionId, outcome.Result, outcome.Text));
        Assert.All(view.Commitments, c => Assert.Equal(world.Race.Id, c.GoalId));
        Assert.Single(view.Commitments);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ActionsPartner_AlsoSeesOpenActionsAndTexts_OfSharedGoalsOnly(Provider provider)
    {
        await using var world = await PartnerWorld.CreateAsync(provider);
        var cy = await world.PartnerAsync("Cy", seesActions: true, world.Race);
        var (open, done, _) = await TrainAsync(world);

        var view = (await ViewPerson.RunAsync(cy, world.Owner.UserId, Ct)).Value;

        Assert.Equal([open.Id], view.OpenActions.Select(a => a.Id));
        Assert.Equal(done.Text, Assert.Single(view.Outcomes).Text);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task StrangerRemovedPartnerAndUnsharedGoal_LoseAccessAtTheNextRequest(Provider provider)
    {
        await using var world = await PartnerWorld.CreateAsync(provider);
        var bo = await world.PartnerAsync("Bo", seesActions: true, world.Race, world.Novel);
        var stranger = await world.Planner.OpenSessionAsync(await world.Planner.AddUserAsync("Eve"));
        var (_, _, secret) = await TrainAsync(world);

        Assert.Equal(ErrorKind.NotFound, (await ViewPerson.RunAsync(stranger, world.Owner.UserId, Ct)).Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, (await ViewPerson.RunAsync(bo, 999_999, Ct)).Error!.Kind);
        Assert.Equal(2, (await ViewPerson.RunAsync(bo, world.Owner.UserId, Ct)).Value.Goals.Count);

        Assert.True((await UnshareGoal.RunAsync(world.Owner, "Bo", "novel", Ct)).IsOk);
        var after = (await ViewPerson.RunAsync(bo, world.Owner.UserId, Ct)).Value;
        Assert.Equal([world.Race.Id], after.Goals.Select(g => g.Id));
        Assert.DoesNotContain(after.Outcomes, o => o.ActionId == secret.Id);
        Assert.Equal(ErrorKind.NotFound, (await WriteNote.RunAsync(bo, new NewNote(world.Owner.UserId, NoteKind.Verify, ActionId: secret.Id), Ct)).Error!.Kind);

        Assert.True((await RemovePartner.RunAsync(world.Owner, "Bo", Ct)).IsOk);
        Assert.Equal(ErrorKind.NotFound, (await ViewPerson.RunAsync(bo, world.Owner.UserId, Ct)).Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, (await WriteNote.RunAsync(bo, new NewNote(world.Owner.UserId, NoteKind.Cheer), Ct)).Error!.Kind);
        Assert.Empty(await PartnerQueries.PeopleAsync(bo, Ct));
        Assert.Empty(await PartnerQueries.ListAsync(world.Owner, Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Notes_ReachThePerson_AndVerifyMarksTheOutcome(Provider provider)
    {
        await using var world = await PartnerWorld.CreateAsync(provider);
        var bo = await world.PartnerAsync("Bo", seesActions: false, world.Race);
        var (open, done, _) = await TrainAsync(world);

        Assert.True((await WriteNote.RunAsync(bo, new NewNote(world.Owner.UserId, NoteKind.Cheer, world.Race.Id), Ct)).IsOk);
        Assert.True((await WriteNote.RunAsync(bo, new NewNote(world.Owner.UserId, NoteKind.Comment, Body: "Great pace!\nKeep it up."), Ct)).IsOk);
        Assert.True((await WriteNote.RunAsync(bo, new NewNote(world.Owner.UserId, NoteKind.Verify, ActionId: done.Id), Ct)).IsOk);

        Assert.Equal(ErrorKind.Refused, (await WriteNote.RunAsync(bo, new NewNote(world.Owner.UserId, NoteKind.Verify, ActionId: done.Id), Ct)).Error!.Kind);
        Assert.Equal(ErrorKind.Invalid, (await WriteNote.RunAsync(bo, new NewNote(world.Owner.UserId, NoteKind.Comment, Body: "  "), Ct)).Error!.Kind);
        Assert.Equal(ErrorKind.Invalid, (await WriteNote.RunAsync(bo, new NewNote(world.Owner.UserId, NoteKind.Nudge, Body: new string('x', 2001)), Ct)).Error!.Kind);
        // An open action is not an outcome, and an outcomes-only partner cannot see it at all.
        Assert.Equal(ErrorKind.NotFound, (await WriteNote.RunAsync(bo, new NewNote(world.Owner.UserId, NoteKind.Comment, ActionId: open.Id, Body: "hi"), Ct)).Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, (await WriteNote.RunAsync(bo, new NewNote(world.Owner.UserId, NoteKind.Cheer, world.Novel.Id), Ct)).Error!.Kind);

        var view = (await ViewPerson.RunAsync(bo, world.Owner.UserId, Ct)).Value;
        Assert.True(Assert.Single(view.Outcomes).Verified);
        Assert.Equal(3, view.Notes.Count);
        Assert.Equal(3, (await ListNotes.RunAsync(world.Owner, Ct)).Count);
        Assert.Equal(3, (await world.NotificationsAsync(world.Owner.UserId)).Count(k => k == "note"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task CheckIns_AreTheNotificationsThisPartnerReceivedAboutThePerson(Provider provider)
    {
        await using var world = await PartnerWorld.CreateAsync(provider);
        var bo = await world.PartnerAsync("Bo", seesActions: false, world.Race);
        var cy = await world.PartnerAsync("Cy", seesActions: false, world.Race);
        var now = world.Owner.NowUtc;
        await world.Owner.Db.WriteAsync<bool>(async tx =>
        {
            await Notify.EnqueueAsync(world.Owner.Db, tx, new Notice(bo.UserId, "checkin", "checkin:1:bo", "Week 9", "2 outcomes", null, world.Owner.UserId), now, Ct);
            await Notify.EnqueueAsync(world.Owner.Db, tx, new Notice(cy.UserId, "checkin", "checkin:1:cy", "Week 9 for Cy", "2 outcomes", null, world.Owner.UserId), now, Ct);
            await Notify.EnqueueAsync(world.Owner.Db, tx, new Notice(bo.UserId, "note", "other:1", "Not a check-in", "x", null, world.Owner.UserId), now, Ct);
            return true;
        }, Ct);

        var view = (await ViewPerson.RunAsync(bo, world.Owner.UserId, Ct)).Value;

        Assert.Equal(["Week 9"], view.CheckIns.Select(c => c.Subject));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Sharing_IsChosenPerPartner_AndOnlyForTheUsersOwnGoals(Provider provider)
    {
        await using var world = await PartnerWorld.CreateAsync(provider);
        var bo = await world.PartnerAsync("Bo", seesActions: false);
        var partnerId = (await PartnerQueries.ListAsync(world.Owner, Ct)).Single().Id;
        var eve = await world.Planner.OpenSessionAsync(await world.Planner.AddUserAsync("Eve"));
        var foreignGoal = (await AddGoal.RunAsync(eve, new NewGoal("Eve's secret"), Ct)).Value;

        Assert.Equal(ErrorKind.NotFound, (await ChooseSharing.RunAsync(world.Owner, partnerId, [foreignGoal.Id], true, Ct)).Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, (await ChooseSharing.RunAsync(eve, partnerId, [foreignGoal.Id], true, Ct)).Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, (await ShareGoal.RunAsync(world.Owner, "Bo", foreignGoal.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, Ct)).Error!.Kind);
        Assert.Empty((await ViewPerson.RunAsync(bo, world.Owner.UserId, Ct)).Value.Goals);

        var shared = await ShareGoal.RunAsync(world.Owner, "Bo", "5K", seesActions: true, Ct);
        Assert.True(shared.IsOk, shared.Error?.Message);
        Assert.True((await ShareGoal.RunAsync(world.Owner, partnerId.ToString(System.Globalization.CultureInfo.InvariantCulture), "5K", null, Ct)).IsOk);
        var partner = (await PartnerQueries.ListAsync(world.Owner, Ct)).Single();
        Assert.True(partner.SeesActions);
        Assert.Equal([world.Race.Id], partner.SharedGoalIds);
        Assert.Equal(ErrorKind.Refused, (await UnshareGoal.RunAsync(world.Owner, "Bo", "novel", Ct)).Error!.Kind);
    }
}
