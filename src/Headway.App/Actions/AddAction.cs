using Headway.App.Goals;
using Headway.Core;
using Headway.Core.Actions;
using Headway.Core.Analysis;

namespace Headway.App.Actions;

/// <summary>What the user gives for a new action.</summary>
public sealed record NewAction(
    string Text,
    string? Goal = null,
    Horizon Horizon = Horizon.Week,
    DateOnly? Due = null,
    string? Outcome = null,
    bool KeepPassive = false,
    VerdictOverride? Override = null,
    bool Stretch = false);

/// <summary>
/// Adds an action after the analyzer has judged it. A passive action is saved only when the user has seen the
/// verdict and chosen to keep it (or overridden the verdict with a reason); full horizons refuse it.
/// </summary>
public static class AddAction
{
    public static async Task<Result<PlannedAction>> RunAsync(PlannerSession s, NewAction input, CancellationToken ct)
    {
        if (TextRules.Check(input.Text, "action", TextRules.MaxActionLength) is { } bad)
        {
            return bad;
        }

        if (input.Override is { } o && TextRules.Check(o.Reason, "reason for the override", 500) is { } badReason)
        {
            return badReason;
        }

        var outcome = ParseOutcome(input.Outcome);
        if (!outcome.IsOk)
        {
            return outcome.Error!;
        }

        if (input.Due is { } due && due < s.Today)
        {
            return Error.Invalid("The due date is in the past: pick today or a later date.");
        }

        var text = input.Text.Trim();
        var analysis = ActionAnalyzer.Analyze(text);
        var verdict = input.Override?.Verdict ?? analysis.Verdict;
        if (verdict == Verdict.Passive && !input.KeepPassive)
        {
            return Error.Refused(
                $"This looks passive ({Evidence(analysis)}): try \"{analysis.Suggestion}\" instead, keep it with --keep, or override with --meaningful \"reason\".");
        }

        var dueDate = input.Due ?? InferDue(analysis, s.Today, s.User.Calendar.FirstDay);
        var expected = outcome.Value ?? (analysis.Outcome is { } found ? new ExpectedOutcome(found.Quantity, found.Unit, found.Phrase) : null);
        return await s.Db.WriteAsync<PlannedAction>(async tx =>
        {
            await s.Db.LockUserAsync(s.UserId, tx, ct);
            long? goalId = null;
            if (input.Goal is not null)
            {
                var goal = await GoalQueries.ResolveAsync(s, input.Goal, ct, tx);
                if (!goal.IsOk)
                {
                    return goal.Error!;
                }

                goalId = goal.Value.Id;
            }

            if (HorizonRules.CheckRoom(input.Horizon, (int)await ActionQueries.CountOpenAsync(s, input.Horizon, ct, tx)) is { } full)
            {
                return full;
            }

            var now = s.NowUtc;
            var action = new PlannedAction(
                0, text, goalId, input.Horizon, ActionStatus.Open, dueDate, expected, analysis.Verdict, analysis.Score, analysis.Signals,
                analysis.Suggestion, input.Override, input.Stretch || analysis.IsStretch, null, now, null, s.ThisWeek.Start);
            var id = await s.Db.LongAsync(
                """
                INSERT INTO actions (user_id, goal_id, text, horizon, status, due, outcome_quantity, outcome_unit, outcome_phrase,
                    verdict, score, signals, suggestion, override_verdict, override_reason, stretch, result, planned_week, created_at, updated_at, version)
                VALUES (@u, @g, @t, @h, 'open', @due, @q, @unit, @phrase, @v, @score, @signals, @sugg, @ov, @or, @stretch, NULL, @week, @now, @now, 1)
                RETURNING id
                """, tx, ct,
                ("u", s.UserId), ("g", goalId), ("t", text), ("h", action.Horizon.Name()), ("due", action.Due),
                ("q", expected?.Quantity), ("unit", expected?.Unit), ("phrase", expected?.Phrase),
                ("v", analysis.Verdict.Name()), ("score", analysis.Score), ("signals", SignalsJson.Write(analysis.Signals)),
                ("sugg", analysis.Suggestion), ("ov", input.Override?.Verdict.Name()), ("or", input.Override?.Reason.Trim()),
                ("stretch", action.Stretch), ("week", action.PlannedWeek), ("now", now));
            await ActionQueries.RecordAsync(s, tx, id, ActionEventKind.Created, action.Horizon.Name(), ct);
            return action with { Id = id };
        }, ct);
    }

    /// <summary>Reads an expected outcome: an amount ("1000 words", "30 min") or a deliverable in words.</summary>
    public static Result<ExpectedOutcome?> ParseOutcome(string? text)
    {
        if (text is null)
        {
            return Result<ExpectedOutcome?>.Ok(null);
        }

        if (TextRules.Check(text, "outcome", 200) is { } bad)
        {
            return bad;
        }

        var trimmed = text.Trim();
        return OutcomeParser.Parse(trimmed) is { } parsed
            ? new ExpectedOutcome(parsed.Quantity, parsed.Unit, trimmed)
            : new ExpectedOutcome(null, null, trimmed);
    }

    /// <summary>
    /// A deadline written into the text ("by fri", "tomorrow") becomes the due date when none was given, as long as it
    /// is a date form Headway reads unambiguously.
    /// </summary>
    public static DateOnly? InferDue(ActionAnalysis analysis, DateOnly today, DayOfWeek firstDay)
    {
        foreach (var signal in analysis.Signals)
        {
            if (signal.Code != SignalCode.Deadline)
            {
                continue;
            }

            var words = signal.Evidence.Trim();
            foreach (var prefix in (string[])["by ", "before ", "on ", "due "])
            {
                if (words.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    words = words[prefix.Length..];
                    break;
                }
            }

            var parsed = Core.Dates.DateExpression.Parse(words, today, firstDay);
            if (parsed.IsOk)
            {
                return parsed.Value;
            }
        }

        return null;
    }

    public static string Evidence(ActionAnalysis analysis) =>
        string.Join(", ", analysis.Signals.Where(x => !x.Code.IsMeaningfulSide()).Select(x => $"{x.Code.ToCode()}: \"{x.Evidence}\"")) is { Length: > 0 } e
            ? e
            : "no checkable outcome";
}
