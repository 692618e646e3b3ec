using Headway.App.Actions;
using Headway.App.Commitments;
using Headway.App.Goals;
using Headway.App.Storage;
using Headway.Core;
using Headway.Core.Actions;
using Headway.Core.Commitments;
using Headway.Core.Goals;
using Headway.Core.Partners;

namespace Headway.App.Partners;

/// <summary>An outcome delivered, as a partner sees it: the action's text only when they see actions.</summary>
public sealed record SharedOutcome(long ActionId, long GoalId, string? Text, string Result, DateTime CompletedAt, bool Verified);

/// <summary>A request to loosen a locked commitment, waiting for a partner's decision.</summary>
public sealed record WaitingRequest(long UserId, string Name, ChangeRequest Request, Commitment Commitment);

/// <summary>A weekly check-in this partner received about the person.</summary>
public sealed record CheckIn(DateTime At, string Subject, string Body);

/// <summary>A partner's note.</summary>
public sealed record PartnerNote(long Id, string Author, NoteKind Kind, long? GoalId, long? ActionId, string? Body, DateTime At);

/// <summary>Everything one partner may see of one person.</summary>
public sealed record PersonView(
    long UserId, string Name, bool SeesActions, IReadOnlyList<Goal> Goals, IReadOnlyList<Commitment> Commitments,
    IReadOnlyList<PlannedAction> OpenActions, IReadOnlyList<SharedOutcome> Outcomes, IReadOnlyList<WaitingRequest> Requests,
    IReadOnlyList<CheckIn> CheckIns, IReadOnlyList<PartnerNote> Notes);

/// <summary>
/// The partner's view of a person: the goals shared with them, those goals' commitments, the outcomes delivered, the
/// check-ins they received and their own notes; open actions only when the person lets them see actions. Anyone who
/// is not (or no longer) a partner gets NotFound, exactly as for a person who does not exist.
/// </summary>
public static class ViewPerson
{
    /// <summary>How many of the latest outcomes and check-ins the page shows.</summary>
    public const int Latest = 50;

    public static async Task<Result<PersonView>> RunAsync(PlannerSession partner, long userId, CancellationToken ct)
    {
        if (await PartnerQueries.AccessAsync(partner.Db, userId, partner.UserId, ct) is not { } access)
        {
            return NotAPartner(userId);
        }

        var person = await PartnerQueries.PersonSessionAsync(partner, userId, ct);
        var goals = (await GoalQueries.ListAsync(person, includeClosed: true, ct)).Where(g => access.CanSeeGoal(g.Id)).ToList();
        var commitments = new List<Commitment>();
        var actions = new List<PlannedAction>();
        foreach (var goal in goals)
        {
            commitments.AddRange(await CommitmentQueries.ForGoalAsync(person, goal.Id, ct));
            actions.AddRange(await ActionQueries.ForGoalAsync(person, goal.Id, ct));
        }

        var verified = (await person.Db.ListAsync(
            "SELECT DISTINCT action_id FROM partner_notes WHERE user_id = @u AND kind = 'verify' AND action_id IS NOT NULL",
            r => r.GetInt64(0), null, ct, ("u", userId))).ToHashSet();
        var outcomes = actions.Where(access.CanSeeOutcome).OrderByDescending(a => a.CompletedAt).Take(Latest)
            .Select(a => new SharedOutcome(a.Id, a.GoalId!.Value, access.SeesActions ? a.Text : null, a.Result!, a.CompletedAt!.Value, verified.Contains(a.Id)))
            .ToList();
        var open = access.SeesActions ? actions.Where(a => a.Status == ActionStatus.Open).OrderBy(a => a.Horizon).ThenBy(a => a.Due ?? DateOnly.MaxValue).ToList() : [];
        var requests = (await WaitingRequests.RunAsync(partner, ct)).Where(r => r.UserId == userId).ToList();
        var checkIns = await partner.Db.ListAsync(
            $"SELECT created_at, subject, body FROM notifications WHERE user_id = @me AND about_user_id = @u AND kind = 'checkin' ORDER BY created_at DESC LIMIT {Latest}",
            r => new CheckIn(r.Utc(0), r.GetString(1), r.GetString(2)), null, ct, ("me", partner.UserId), ("u", userId));
        var notes = await NotesAsync(person, "author_user_id = @a", ct, ("a", partner.UserId));
        return new PersonView(userId, person.User.Name, access.SeesActions, goals,
            [.. commitments.DistinctBy(c => c.Id).OrderBy(c => c.Due).ThenBy(c => c.Id)], open, outcomes, requests, checkIns, notes);
    }

    internal static Error NotAPartner(long userId) =>
        Error.NotFound($"There is no one with id {userId} who shares goals with you.");

    /// <summary>The person's notes matching <paramref name="where"/>, newest first.</summary>
    internal static Task<List<PartnerNote>> NotesAsync(PlannerSession person, string where, CancellationToken ct, params (string Name, object? Value)[] args) =>
        person.Db.ListAsync(
            $"""
            SELECT n.id, u.name, n.kind, n.goal_id, n.action_id, n.body, n.created_at FROM partner_notes n JOIN users u ON u.id = n.author_user_id
            WHERE n.user_id = @u AND {where} ORDER BY n.created_at DESC, n.id DESC LIMIT {Latest}
            """,
            r => new PartnerNote(r.GetInt64(0), r.GetString(1), NoteRules.TryParse(r.GetString(2), out var k) ? k : NoteKind.Comment,
                r.NullableLong(3), r.NullableLong(4), r.NullableString(5), r.Utc(6)),
            null, ct, [("u", person.UserId), .. args]);
}
