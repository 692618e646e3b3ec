using Headway.App.Commitments;
using Headway.App.Notifications;
using Headway.Core;
using Headway.Core.Commitments;

namespace Headway.App.Partners;

/// <summary>
/// A partner approves or denies a request to loosen a locked commitment they can see. An approval applies exactly the
/// requested change, once; it is void when the commitment changed after the request; a denial ends the request. The
/// decision runs under the person's write lock (the same one every edit of theirs takes), so an approval racing an
/// edit, or a second partner's approval, sees the first one's result and can never apply the change twice.
/// </summary>
public static class DecideChangeRequest
{
    public static Task<Result<ChangeRequest>> ApproveAsync(PlannerSession partner, long userId, long requestId, CancellationToken ct) =>
        DecideAsync(partner, userId, requestId, approve: true, ct);

    public static Task<Result<ChangeRequest>> DenyAsync(PlannerSession partner, long userId, long requestId, CancellationToken ct) =>
        DecideAsync(partner, userId, requestId, approve: false, ct);

    private static Task<Result<ChangeRequest>> DecideAsync(PlannerSession partner, long userId, long requestId, bool approve, CancellationToken ct) =>
        partner.Db.WriteAsync<ChangeRequest>(async tx =>
        {
            await partner.Db.LockUserAsync(userId, tx, ct);
            if (await PartnerQueries.AccessAsync(partner.Db, userId, partner.UserId, ct, tx) is not { } access)
            {
                return ViewPerson.NotAPartner(userId);
            }

            var person = await PartnerQueries.PersonSessionAsync(partner, userId, ct, tx);
            var request = await person.Db.SingleAsync(
                $"SELECT {CommitmentQueries.RequestColumns} FROM commitment_requests WHERE id = @id AND user_id = @u",
                CommitmentQueries.MapRequest, tx, ct, ("id", requestId), ("u", userId));
            var commitment = request is null ? default : await CommitmentQueries.FindAsync(person, request.CommitmentId, ct, tx);
            var goalId = commitment.IsOk ? await PartnerQueries.GoalOfAsync(person, commitment.Value, ct, tx) : null;
            if (request is null || !commitment.IsOk || !access.CanSeeGoal(goalId))
            {
                return Error.NotFound($"There is no request {requestId} waiting for you: see the person's page for the ones that are.");
            }

            ChangeRequest settled;
            Commitment after;
            if (approve)
            {
                var approved = CommitmentRules.Approve(commitment.Value, request, person.NowUtc);
                if (!approved.IsOk)
                {
                    return approved.Error!;
                }

                (after, settled) = approved.Value;
            }
            else
            {
                var denied = CommitmentRules.Deny(request, person.NowUtc);
                if (!denied.IsOk)
                {
                    return denied.Error!;
                }

                (after, settled) = (commitment.Value, denied.Value);
            }

            // The pending condition is the last guard: a request is settled by exactly one decision.
            var changed = await person.Db.ExecuteAsync(
                "UPDATE commitment_requests SET status = @s, settled_at = @at, decided_by_user_id = @p WHERE id = @id AND user_id = @u AND status = 'pending'", tx, ct,
                ("s", CommitmentRules.Name(settled.Status)), ("at", settled.SettledAt), ("p", partner.UserId), ("id", settled.Id), ("u", userId));
            if (changed != 1)
            {
                return Error.Refused("This request was settled a moment ago: reload the page to see how.");
            }

            if (settled.Status == ChangeRequestStatus.Applied)
            {
                await CommitmentQueries.SaveAsync(person, tx, after, ct);
            }

            var who = partner.User.Name;
            var (kind, subject, body) = settled.Status switch
            {
                ChangeRequestStatus.Applied => ("request-approved", $"{who} approved your request",
                    $"{who} approved your request to {settled.Change.Describe()}: the commitment is now {after.Describe()}."),
                ChangeRequestStatus.Denied => ("request-denied", $"{who} denied your request",
                    $"{who} denied your request to {settled.Change.Describe()}: the commitment stays {after.Describe()}."),
                _ => ("request-void", "Your request no longer applies",
                    $"Your request to {settled.Change.Describe()} no longer applies: the commitment changed after you asked."),
            };
            await Notify.EnqueueAsync(person.Db, tx, new Notice(userId, kind, $"request:{settled.Id}:decision", subject, body, $"/goals/{goalId}", partner.UserId), person.NowUtc, ct);
            return settled;
        }, ct);
}
