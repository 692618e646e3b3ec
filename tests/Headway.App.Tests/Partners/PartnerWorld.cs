using Headway.App.Commitments;
using Headway.App.Goals;
using Headway.App.Notifications;
using Headway.App.Partners;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.Core.Commitments;
using Headway.Core.Goals;

namespace Headway.App.Tests.Partners;

/// <summary>
/// A person (the owner) training for a race, with a partner made through a real invitation: what most partner tests start
/// from. Each partner has a session on a connection of their own.
/// </summary>
internal sealed class PartnerWorld : IAsyncDisposable
{
    private PartnerWorld(TestPlanner planner) => Planner = planner;

    public static CancellationToken Ct => TestPlanner.Ct;

    public TestPlanner Planner { get; }

    public PlannerSession Owner => Planner.Session;

    public Goal Race { get; private set; } = null!;

    public Goal Novel { get; private set; } = null!;

    public static async Task<PartnerWorld> CreateAsync(Provider provider)
    {
        var world = new PartnerWorld(await TestPlanner.CreateAsync(provider));
        world.Race = (await AddGoal.RunAsync(world.Owner, new NewGoal("Run the Hometown 5K", Area: GoalArea.Fitness), Ct)).Value;
        world.Novel = (await AddGoal.RunAsync(world.Owner, new NewGoal("Finish my novel", Area: GoalArea.Writing), Ct)).Value;
        return world;
    }

    /// <summary>Invites and accepts a new partner, then shares <paramref name="goals"/> with them.</summary>
    public async Task<PlannerSession> PartnerAsync(string name, bool seesActions, params Goal[] goals)
    {
        var invitation = await InvitePartner.RunAsync(Owner, null, "https://headway.example.org", null, Ct);
        Assert.True(invitation.IsOk, invitation.Error?.Message);
        var partner = await Planner.OpenSessionAsync(await Planner.AddUserAsync(name));
        var accepted = await AcceptInvitation.RunAsync(partner, TokenOf(invitation.Value.Link), Ct);
        Assert.True(accepted.IsOk, accepted.Error?.Message);
        var shared = await ChooseSharing.RunAsync(Owner, accepted.Value.PartnershipId, [.. goals.Select(g => g.Id)], seesActions, Ct);
        Assert.True(shared.IsOk, shared.Error?.Message);
        return partner;
    }

    public static string TokenOf(string link) => link[(link.LastIndexOf('/') + 1)..];

    /// <summary>A commitment on the race goal, locked, due in 30 days.</summary>
    public async Task<Commitment> LockedRaceAsync(Goal? goal = null)
    {
        var created = await CreateCommitment.RunAsync(Owner,
            new NewCommitment((goal ?? Race).Id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, Owner.Today.AddDays(30), "Hometown 5K", Lock: true), Ct);
        Assert.True(created.IsOk, created.Error?.Message);
        return created.Value;
    }

    /// <summary>Asks for a later date on a locked commitment: the request that partners decide.</summary>
    public async Task<ChangeRequest> AskForLaterAsync(Commitment c, int days = 14)
    {
        var outcome = await ChangeCommitment.RequestAsync(Owner, c.Id, CommitmentChange.Reschedule(c.Due.AddDays(days)), allowRequest: true, Ct);
        Assert.True(outcome.IsOk, outcome.Error?.Message);
        return outcome.Value.Request!;
    }

    public async Task<Commitment> StoredAsync(long id) => (await CommitmentQueries.FindAsync(await Planner.OpenSessionAsync(), id, Ct)).Value;

    public Task<List<string>> NotificationsAsync(long userId) =>
        Owner.Db.ListAsync("SELECT kind FROM notifications WHERE user_id = @u ORDER BY id", r => r.GetString(0), null, Ct, ("u", userId));

    public ValueTask DisposeAsync() => Planner.DisposeAsync();
}

/// <summary>A mailer that records what it was asked to send (or fails, when told to).</summary>
internal sealed class RecordingMailer(bool configured = true, bool fail = false) : IMailer
{
    public List<MailMessage> Sent { get; } = [];

    public bool IsConfigured => configured;

    public Task SendAsync(MailMessage message, CancellationToken ct)
    {
        if (fail)
        {
            throw new IOException("connection refused by smtp.example.org");
        }

        Sent.Add(message);
        return Task.CompletedTask;
    }
}
