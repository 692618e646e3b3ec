using System.Globalization;
using Headway.App;
using Headway.App.Actions;
using Headway.Core;
using Headway.Core.Actions;
using Headway.Core.Analysis;

namespace Headway.Web.Actions;

/// <summary>What the quick-add form asks for, read from its fields.</summary>
public sealed record QuickAddDraft(string Text, string? Goal, Horizon Horizon, string? Outcome, DateOnly? Due, string? Choice, string? Reason);

/// <summary>What happened: added; or a passive verdict that needs the user's choice; or a problem to show. Never two.</summary>
public sealed record QuickAddOutcome(PlannedAction? Added, ActionAnalysis? NeedsChoice, string? Problem);

/// <summary>
/// The quick-add flow: a passive action is not saved until the user has seen the verdict and chosen to keep it, take
/// the suggested rewrite, or count it as meaningful with a reason. A full list is refused with a message, nothing saved.
/// </summary>
public static class QuickAdd
{
    public const string Keep = "keep";
    public const string TakeSuggestion = "suggestion";
    public const string Override = "override";

    public static Result<QuickAddDraft> Read(string? text, string? goal, string? horizon, string? outcome, string? due, string? choice, string? reason)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Error.Invalid("Write what you will do.");
        }

        var h = Horizon.Now;
        if (!string.IsNullOrEmpty(horizon) && !HorizonRules.TryParse(horizon, out h))
        {
            return Error.Invalid("Pick Now, This week or Later.");
        }

        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(due))
        {
            if (!DateOnly.TryParseExact(due, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return Error.Invalid("The due date is not a date: pick one from the calendar.");
            }

            date = d;
        }

        return new QuickAddDraft(text.Trim(), string.IsNullOrWhiteSpace(goal) ? null : goal, h,
            string.IsNullOrWhiteSpace(outcome) ? null : outcome, date, choice, string.IsNullOrWhiteSpace(reason) ? null : reason);
    }

    public static async Task<QuickAddOutcome> RunAsync(PlannerSession s, QuickAddDraft draft, CancellationToken ct)
    {
        var text = draft.Text;
        var analysis = ActionAnalyzer.Analyze(text);
        var keep = false;
        VerdictOverride? verdictOverride = null;
        if (analysis.Verdict == Verdict.Passive)
        {
            switch (draft.Choice)
            {
                case Keep:
                    keep = true;
                    break;
                case TakeSuggestion when analysis.Suggestion is { } suggestion:
                    // The user chose the rewrite: keep it even if it still reads passive to the analyzer.
                    text = suggestion.Length <= TextRules.MaxActionLength ? suggestion : suggestion[..TextRules.MaxActionLength];
                    keep = true;
                    break;
                case Override when draft.Reason is { } reason:
                    verdictOverride = new VerdictOverride(Verdict.Meaningful, reason);
                    break;
                case Override:
                    return new QuickAddOutcome(null, analysis, "Say why it is meaningful to count it as meaningful.");
                default:
                    return new QuickAddOutcome(null, analysis, null);
            }
        }

        if (HorizonRules.CheckRoom(draft.Horizon, (int)await ActionQueries.CountOpenAsync(s, draft.Horizon, ct)) is not null)
        {
            return new QuickAddOutcome(null, null, draft.Horizon == Horizon.Now
                ? $"Now already holds {HorizonRules.NowCap} open actions: finish one or move one to This week first, or add this to This week."
                : $"This week already holds {HorizonRules.WeekCap} open actions: finish one or move one to Later first, or add this to Later.");
        }

        var added = await AddAction.RunAsync(s, new NewAction(text, draft.Goal, draft.Horizon, draft.Due, draft.Outcome, keep, verdictOverride), ct);
        return added.IsOk
            ? new QuickAddOutcome(added.Value, null, null)
            : new QuickAddOutcome(null, null, Labels.ForWeb(added.Error!.Message));
    }
}
