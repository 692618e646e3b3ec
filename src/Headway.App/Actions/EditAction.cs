using Headway.App.Goals;
using Headway.Core;
using Headway.Core.Actions;
using Headway.Core.Analysis;

namespace Headway.App.Actions;

/// <summary>
/// The fields to change on an action; null leaves a field as it is. <see cref="Goal"/> "none" unaligns it;
/// <see cref="ClearDue"/> removes the due date and <see cref="ClearOutcome"/> the expected outcome.
/// </summary>
public sealed record ActionEdit(
    string? Text = null,
    string? Goal = null,
    DateOnly? Due = null,
    bool ClearDue = false,
    string? Outcome = null,
    VerdictOverride? Override = null,
    bool? Stretch = null,
    bool ClearOutcome = false);

/// <summary>
/// Edits an open action. New text is judged again (and an earlier override no longer applies to it); a later due date
/// is a postponement. Every edit is kept in the history: repeated edits feed the perfectionism diagnosis.
/// </summary>
public static class EditAction
{
    public static async Task<Result<PlannedAction>> RunAsync(PlannerSession s, long id, ActionEdit edit, CancellationToken ct)
    {
        if (edit == new ActionEdit())
        {
            return Error.Invalid("Nothing to change: give new text, --goal, --due, --no-due, --outcome, --meaningful/--passive or --stretch.");
        }

        if (edit.Text is not null && TextRules.Check(edit.Text, "action", TextRules.MaxActionLength) is { } bad)
        {
            return bad;
        }

        if (edit.Override is { } o && TextRules.Check(o.Reason, "reason for the override", 500) is { } badReason)
        {
            return badReason;
        }

        var outcome = AddAction.ParseOutcome(edit.Outcome);
        if (!outcome.IsOk)
        {
            return outcome.Error!;
        }

        if (edit.Due is { } due && due < s.Today)
        {
            return Error.Invalid("The due date is in the past: pick today or a later date.");
        }

        return await s.Db.WriteAsync<PlannedAction>(async tx =>
        {
            var found = await ActionQueries.FindOpenForWriteAsync(s, id, tx, ": only open actions can be edited", ct);
            if (!found.IsOk)
            {
                return found;
            }

            var action = found.Value;

            var changes = new List<string>();
            if (edit.Text is not null && edit.Text.Trim() != action.Text)
            {
                var analysis = ActionAnalyzer.Analyze(edit.Text.Trim());
                action = action with
                {
                    Text = edit.Text.Trim(),
                    Verdict = analysis.Verdict,
                    Score = analysis.Score,
                    Signals = analysis.Signals,
                    Suggestion = analysis.Suggestion,
                    Override = null,
                    Stretch = action.Stretch || analysis.IsStretch,
                    Outcome = analysis.Outcome is { } o2 && edit.Outcome is null ? new ExpectedOutcome(o2.Quantity, o2.Unit, o2.Phrase) : action.Outcome,
                };
                changes.Add("text");
            }

            if (edit.Goal is not null)
            {
                if (edit.Goal.Trim().Equals("none", StringComparison.OrdinalIgnoreCase))
                {
                    action = action with { GoalId = null };
                }
                else
                {
                    var goal = await GoalQueries.ResolveAsync(s, edit.Goal, ct, tx);
                    if (!goal.IsOk)
                    {
                        return goal.Error!;
                    }

                    action = action with { GoalId = goal.Value.Id };
                }

                changes.Add("goal");
            }

            var postponed = false;
            if (edit.ClearDue || edit.Due is not null)
            {
                var newDue = edit.ClearDue ? null : edit.Due;
                postponed = action.Due is { } old && (newDue is null || newDue > old);
                action = action with { Due = newDue };
                changes.Add("due");
            }

            if (outcome.Value is { } expected)
            {
                action = action with { Outcome = expected };
                changes.Add("outcome");
            }
            else if (edit.ClearOutcome && action.Outcome is not null)
            {
                action = action with { Outcome = null };
                changes.Add("outcome");
            }

            if (edit.Override is not null)
            {
                action = action with { Override = edit.Override with { Reason = edit.Override.Reason.Trim() } };
                changes.Add("verdict");
            }

            if (edit.Stretch is { } stretch)
            {
                action = action with { Stretch = stretch };
                changes.Add("stretch");
            }

            await s.Db.ExecuteAsync(
                """
                UPDATE actions SET text = @t, goal_id = @g, due = @due, outcome_quantity = @q, outcome_unit = @unit, outcome_phrase = @phrase,
                    verdict = @v, score = @score, signals = @signals, suggestion = @sugg, override_verdict = @ov, override_reason = @or,
                    stretch = @stretch, updated_at = @now, version = version + 1
                WHERE id = @id AND user_id = @u
                """, tx, ct,
                ("t", action.Text), ("g", action.GoalId), ("due", action.Due), ("q", action.Outcome?.Quantity), ("unit", action.Outcome?.Unit),
                ("phrase", action.Outcome?.Phrase), ("v", action.Verdict.Name()), ("score", action.Score),
                ("signals", SignalsJson.Write(action.Signals)), ("sugg", action.Suggestion), ("ov", action.Override?.Verdict.Name()),
                ("or", action.Override?.Reason), ("stretch", action.Stretch), ("now", s.NowUtc), ("id", id), ("u", s.UserId));
            await ActionQueries.RecordAsync(s, tx, id, ActionEventKind.Edited, string.Join(", ", changes), ct);
            if (postponed)
            {
                await ActionQueries.RecordAsync(s, tx, id, ActionEventKind.Postponed, "due date moved later", ct);
            }

            return action with { Version = action.Version + 1 };
        }, ct);
    }
}
