using System.Globalization;
using Headway.App.Actions;
using Headway.Core;
using Headway.Core.Actions;

namespace Headway.Web.Actions;

/// <summary>The edit form's fields read into an <see cref="ActionEdit"/> holding only what changed.</summary>
public static class ActionForm
{
    public static Result<ActionEdit> ReadEdit(PlannedAction current, string? text, string? goal, string? outcome, string? due)
    {
        ArgumentNullException.ThrowIfNull(current);
        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(due))
        {
            if (!DateOnly.TryParseExact(due.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return Error.Invalid("The due date is not a date: pick one from the calendar.");
            }

            date = d;
        }

        var newText = text?.Trim() ?? "";
        var goalField = string.IsNullOrWhiteSpace(goal) ? "none" : goal.Trim();
        var currentGoal = current.GoalId?.ToString(CultureInfo.InvariantCulture) ?? "none";
        var newOutcome = string.IsNullOrWhiteSpace(outcome) ? null : outcome.Trim();
        return new ActionEdit(
            // An emptied text is passed on so that the use case refuses it with its own message.
            Text: newText == current.Text ? null : newText,
            Goal: goalField == currentGoal ? null : goalField,
            Due: date == current.Due ? null : date,
            ClearDue: date is null && current.Due is not null,
            Outcome: newOutcome is not null && newOutcome != current.Outcome?.Phrase ? newOutcome : null,
            ClearOutcome: newOutcome is null && current.Outcome is not null);
    }
}
