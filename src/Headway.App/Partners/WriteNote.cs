using Headway.App.Actions;
using Headway.App.Notifications;
using Headway.Core;
using Headway.Core.Partners;

namespace Headway.App.Partners;

/// <summary>A partner's note to a person: optionally about one shared goal or one outcome (a verification always is).</summary>
public sealed record NewNote(long UserId, NoteKind Kind, long? GoalId = null, long? ActionId = null, string? Body = null);

/// <summary>
/// A partner comments, cheers, nudges or verifies an outcome; the person is told in the same transaction. A goal or
/// action the partner cannot see is NotFound, as if it did not exist.
/// </summary>
public static class WriteNote
{
    public static Task<Result<PartnerNote>> RunAsync(PlannerSession partner, NewNote note, CancellationToken ct) =>
        partner.Db.WriteAsync<PartnerNote>(async tx =>
        {
            await partner.Db.LockUserAsync(note.UserId, tx, ct);
            if (await PartnerQueries.AccessAsync(partner.Db, note.UserId, partner.UserId, ct, tx) is not { } access)
            {
                return ViewPerson.NotAPartner(note.UserId);
            }

            var person = await PartnerQueries.PersonSessionAsync(partner, note.UserId, ct, tx);
            var goalId = note.GoalId;
            if (note.ActionId is { } actionId)
            {
                var action = await ActionQueries.FindAsync(person, actionId, ct, tx);
                var visible = action.IsOk && (note.Kind == NoteKind.Verify ? access.CanSeeOutcome(action.Value) : access.CanSeeAction(action.Value) || access.CanSeeOutcome(action.Value));
                if (!visible || (goalId is not null && goalId != action.Value.GoalId))
                {
                    return Error.NotFound($"There is no outcome {actionId} you can see: pick one from their page.");
                }

                goalId = action.Value.GoalId;
            }
            else if (goalId is { } g && !access.CanSeeGoal(g))
            {
                return Error.NotFound($"There is no goal {g} shared with you: pick one from their page.");
            }

            var body = NoteRules.Check(note.Kind, note.Body, note.ActionId is not null);
            if (!body.IsOk)
            {
                return body.Error!;
            }

            if (note.Kind == NoteKind.Verify && await partner.Db.LongAsync(
                    "SELECT COUNT(*) FROM partner_notes WHERE user_id = @u AND author_user_id = @a AND action_id = @x AND kind = 'verify'", tx, ct,
                    ("u", note.UserId), ("a", partner.UserId), ("x", note.ActionId)) > 0)
            {
                return Error.Refused("You have already verified this outcome.");
            }

            var now = partner.NowUtc;
            var id = await partner.Db.LongAsync(
                """
                INSERT INTO partner_notes (user_id, author_user_id, kind, goal_id, action_id, body, created_at)
                VALUES (@u, @a, @k, @g, @x, @b, @now) RETURNING id
                """, tx, ct,
                ("u", note.UserId), ("a", partner.UserId), ("k", note.Kind.Name()), ("g", goalId), ("x", note.ActionId), ("b", body.Value), ("now", now));
            var who = partner.User.Name;
            var subject = note.Kind switch
            {
                NoteKind.Cheer => $"{who} cheers you on",
                NoteKind.Nudge => $"{who} gives you a nudge",
                NoteKind.Verify => $"{who} verified an outcome",
                _ => $"{who} left a comment",
            };
            await Notify.EnqueueAsync(partner.Db, tx, new Notice(
                note.UserId, "note", $"note:{id}", subject, body.Value ?? subject + ".", "/partners", partner.UserId), now, ct);
            return new PartnerNote(id, who, note.Kind, goalId, note.ActionId, body.Value, now);
        }, ct);
}
