using System.Globalization;

namespace Headway.Core.Formats;

/// <summary>Shared clean-up and parsing of field values: one-line texts, caps, dates and instants.</summary>
internal static class FieldText
{
    /// <summary>Trims and joins a text's lines with spaces; null when nothing is left.</summary>
    public static string? OneLine(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim();
        if (t.AsSpan().IndexOfAny('\r', '\n', '\t') < 0)
        {
            return t;
        }

        return string.Join(' ', t.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>Cuts a text longer than <see cref="ReadOptions.MaxFieldChars"/>, adding an issue to <paramref name="issues"/>.</summary>
    public static string Cap(string text, int line, string field, List<ReadResult> issues)
    {
        if (text.Length <= ReadOptions.MaxFieldChars)
        {
            return text;
        }

        issues.Add(ReadResult.Warn(line, field, string.Create(CultureInfo.InvariantCulture,
            $"The {field} is {text.Length:N0} characters long; only the first {ReadOptions.MaxFieldChars:N0} were kept.")));
        return text[..ReadOptions.MaxFieldChars];
    }

    /// <summary><c>YYYY-MM-DD</c>.</summary>
    public static bool TryDate(ReadOnlySpan<char> text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Taskwarrior's and iCalendar's basic form: <c>YYYYMMDDTHHMMSSZ</c> (UTC).</summary>
    public static bool TryBasicUtc(ReadOnlySpan<char> text, out DateTime utc)
    {
        if (DateTime.TryParseExact(text, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out utc))
        {
            return true;
        }

        // Taskwarrior also accepts (and some tools write) ISO 8601 with separators.
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var offset) && text.Length >= 10)
        {
            utc = offset.UtcDateTime;
            return true;
        }

        utc = default;
        return false;
    }

    /// <summary>The calendar date of an instant in a zone.</summary>
    public static DateOnly LocalDate(DateTime utc, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));

    /// <summary>A wall-clock time in a zone, as UTC (a skipped time moves forward an hour, an ambiguous one takes the standard offset).</summary>
    public static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddHours(1);
        }

        return TimeZoneInfo.ConvertTimeToUtc(unspecified, zone);
    }

    /// <summary>A zone by IANA (or Windows) id; null when unknown or empty.</summary>
    public static TimeZoneInfo? FindZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) ? zone : null;
    }
}
