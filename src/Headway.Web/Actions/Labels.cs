using System.Globalization;
using System.Text.RegularExpressions;
using Headway.Core.Actions;

namespace Headway.Web.Actions;

/// <summary>Words the pages share.</summary>
public static partial class Labels
{
    public static string Horizon(Horizon horizon) => horizon switch
    {
        Core.Actions.Horizon.Now => "Now",
        Core.Actions.Horizon.Week => "This week",
        _ => "Later",
    };

    public static string Date(DateOnly date) => date.ToString("ddd d MMM", CultureInfo.InvariantCulture);

    public static string Percent(double ratio) => ((int)Math.Round(ratio * 100)).ToString(CultureInfo.InvariantCulture) + "%";

    public static string Count(int n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? "" : "s")}");

    /// <summary>
    /// The use cases' messages name command-line commands ("(`headway done ID`)"); on a page the buttons are right
    /// there, so those asides are dropped.
    /// </summary>
    public static string ForWeb(string message) => CommandAside().Replace(message, "");

    [GeneratedRegex(@" ?\(`headway [^`]*`\)")]
    private static partial Regex CommandAside();
}
