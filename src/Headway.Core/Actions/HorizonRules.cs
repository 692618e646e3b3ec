namespace Headway.Core.Actions;

/// <summary>The method's caps: five things right now, ten this week, an unbounded backlog.</summary>
public static class HorizonRules
{
    /// <summary>Most open actions in Now.</summary>
    public const int NowCap = 5;

    /// <summary>Most open actions in This week.</summary>
    public const int WeekCap = 10;

    /// <summary>The cap of a horizon, or null when unbounded.</summary>
    public static int? Cap(Horizon horizon) => horizon switch
    {
        Horizon.Now => NowCap,
        Horizon.Week => WeekCap,
        _ => null,
    };

    /// <summary>Refuses one more open action in a full horizon, saying what to finish or move.</summary>
    public static Error? CheckRoom(Horizon horizon, int openCount) => horizon switch
    {
        Horizon.Now when openCount >= NowCap => Error.Refused(
            $"Now already holds {NowCap} open actions: finish one (`headway done ID`) or move one to this week (`headway move ID --week`) first."),
        Horizon.Week when openCount >= WeekCap => Error.Refused(
            $"This week already holds {WeekCap} open actions: finish one, or move one to later (`headway move ID --later`) first."),
        _ => null,
    };

    /// <summary>True when moving from one horizon to the other puts the action off.</summary>
    public static bool IsPostponement(Horizon from, Horizon to) => to > from;

    /// <summary>Lowercase name used in text and JSON: now, week, later.</summary>
    public static string Name(this Horizon horizon) => horizon switch
    {
        Horizon.Now => "now",
        Horizon.Week => "week",
        _ => "later",
    };

    /// <summary>Parses now, week or later.</summary>
    public static bool TryParse(string? text, out Horizon horizon)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "NOW": horizon = Horizon.Now; return true;
            case "WEEK" or "THIS WEEK": horizon = Horizon.Week; return true;
            case "LATER": horizon = Horizon.Later; return true;
            default: horizon = Horizon.Later; return false;
        }
    }
}
