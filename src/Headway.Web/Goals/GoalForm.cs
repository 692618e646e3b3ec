using System.Globalization;
using Headway.App.Goals;
using Headway.Core;
using Headway.Core.Analysis;
using Headway.Core.Goals;

namespace Headway.Web.Goals;

/// <summary>A goal's fields as a form sends them (new goal, edit, goal discovery), read into the use cases' inputs.</summary>
public sealed record GoalForm(string? Title, string? Why, string? Area, string? Target, string? TargetDate)
{
    public static GoalForm From(Goal g) => new(g.Title, g.Why, g.Area.ToString(), g.Target?.ToString(),
        g.TargetDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public static string AreaName(GoalArea area) => area.ToString().ToLowerInvariant();

    /// <summary>A new goal, or the first problem with the fields in one sentence.</summary>
    public Result<NewGoal> ReadNew()
    {
        var (area, target, date) = (ReadArea(), ReadTarget(), ReadDate());
        if (!area.IsOk || !target.IsOk || !date.IsOk)
        {
            return (area.Error ?? target.Error ?? date.Error)!;
        }

        return new NewGoal(Title ?? "", Blank(Why) ? null : Why, area.Value, target.Value, date.Value);
    }

    /// <summary>Only what differs from <paramref name="current"/>: an emptied optional field is cleared.</summary>
    public Result<GoalEdit> ReadEdit(Goal current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var (area, target, date) = (ReadArea(), ReadTarget(), ReadDate());
        if (!area.IsOk || !target.IsOk || !date.IsOk)
        {
            return (area.Error ?? target.Error ?? date.Error)!;
        }

        var why = Blank(Why) ? null : Why!.Trim();
        return new GoalEdit(
            Title: Title?.Trim() == current.Title ? null : Title ?? "",
            Why: why is not null && why != current.Why ? why : null,
            Area: area.Value == current.Area ? null : area.Value,
            Target: target.Value is { } t && t != current.Target ? t : null,
            TargetDate: date.Value is { } d && d != current.TargetDate ? d : null,
            ClearWhy: why is null && current.Why is not null,
            ClearTarget: target.Value is null && current.Target is not null,
            ClearTargetDate: date.Value is null && current.TargetDate is not null);
    }

    private Result<GoalArea> ReadArea() =>
        Blank(Area) ? GoalArea.Other
        : GoalRules.TryParseArea(Area, out var a) ? a
        : Error.Invalid("Pick an area from the list.");

    private Result<Quantity?> ReadTarget()
    {
        if (Blank(Target))
        {
            return (Quantity?)null;
        }

        return OutcomeParser.Parse(Target!.Trim()) is { } o
            ? new Quantity(o.Quantity, o.Unit)
            : Error.Invalid($"'{Short(Target)}' is not a measurable target: give an amount and a unit, like 80000 words, or leave it empty.");
    }

    private Result<DateOnly?> ReadDate()
    {
        if (Blank(TargetDate))
        {
            return (DateOnly?)null;
        }

        return DateOnly.TryParseExact(TargetDate!.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : Error.Invalid("The target date is not a date: pick one from the calendar.");
    }

    private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);

    private static string Short(string? text) => text is { Length: > 40 } ? text[..40] + "…" : text ?? "";
}
