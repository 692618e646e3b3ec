using System.Globalization;

namespace Headway.Core.Dates;

/// <summary>
/// Reads the dates people type on a command line: <c>2027-03-14</c>, <c>today</c>, <c>tomorrow</c>, a weekday name
/// (its next occurrence, never today), <c>in 3 days</c>, <c>in 2 weeks</c>, <c>next week</c> (the first day of next
/// week) and <c>eow</c> (the last day of this week). Culture-invariant.
/// </summary>
public static class DateExpression
{
    private static readonly string[] DayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    /// <summary>Parses <paramref name="text"/> relative to <paramref name="today"/> in the given calendar.</summary>
    public static Result<DateOnly> Parse(string? text, DateOnly today, DayOfWeek firstDay)
    {
        var t = text?.Trim().ToLowerInvariant() ?? "";
        if (t.Length is 0 or > 40)
        {
            return Invalid(text);
        }

        if (DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact))
        {
            return exact;
        }

        switch (t)
        {
            case "today": return today;
            case "tomorrow" or "tmrw" or "tmr": return today.AddDays(1);
            case "next week":
                var back = ((int)today.DayOfWeek - (int)firstDay + 7) % 7;
                return today.AddDays(7 - back);
            case "eow" or "end of week":
                var sinceStart = ((int)today.DayOfWeek - (int)firstDay + 7) % 7;
                return today.AddDays(6 - sinceStart);
        }

        for (var d = 0; d < DayNames.Length; d++)
        {
            var name = DayNames[d];
            if (t == name || (t.Length >= 3 && name.StartsWith(t, StringComparison.Ordinal)))
            {
                var ahead = (d - (int)today.DayOfWeek + 7) % 7;
                return today.AddDays(ahead == 0 ? 7 : ahead);
            }
        }

        if (t.StartsWith("in ", StringComparison.Ordinal))
        {
            var parts = t[3..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                && n is >= 0 and <= 3660)
            {
                switch (parts[1])
                {
                    case "day" or "days": return today.AddDays(n);
                    case "week" or "weeks": return today.AddDays(7 * n);
                }
            }
        }

        return Invalid(text);
    }

    private static Error Invalid(string? text) => Error.Invalid(
        $"'{Shorten(text)}' is not a date: use yyyy-MM-dd, today, tomorrow, a weekday, 'in N days', 'in N weeks', 'next week' or 'eow'.");

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 40 ? text : text[..40] + "…";
}
