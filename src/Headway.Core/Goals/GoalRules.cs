namespace Headway.Core.Goals;

/// <summary>The method's limits on goals: three to five at a time.</summary>
public static class GoalRules
{
    /// <summary>No more than five active goals.</summary>
    public const int MaxActive = 5;

    /// <summary>Fewer than three is allowed but reported.</summary>
    public const int MinSuggested = 3;

    /// <summary>Longest title accepted.</summary>
    public const int MaxTitleLength = 200;

    /// <summary>Longest "why" accepted.</summary>
    public const int MaxWhyLength = 2000;

    /// <summary>Refuses a new active goal when five are already active.</summary>
    public static Error? CheckCanActivate(int activeCount) =>
        activeCount >= MaxActive
            ? Error.Refused($"You already have {MaxActive} active goals: achieve, pause or drop one first — less is more.")
            : null;

    /// <summary>A note when there are fewer than three active goals, else null.</summary>
    public static string? FewGoalsNote(int activeCount) => activeCount switch
    {
        0 => "You have no active goals: without goals, any activity feels like progress. Run `headway start` or add 3–5 goals.",
        < MinSuggested => $"You have {activeCount} active goal{(activeCount == 1 ? "" : "s")}; 3–5 give your week direction.",
        _ => null,
    };

    /// <summary>Checks a title: present, one line, not too long.</summary>
    public static Error? CheckTitle(string? title) => TextRules.Check(title, "goal title", MaxTitleLength);

    /// <summary>Parses an area name, case-insensitively.</summary>
    public static bool TryParseArea(string? text, out GoalArea area) =>
        Enum.TryParse(text?.Trim(), ignoreCase: true, out area) && Enum.IsDefined(area) && !int.TryParse(text, out _);
}
