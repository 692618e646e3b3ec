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
        // The fixed form by hand first: TryParseExact costs more than the rest of a Taskwarrior task's reading.
        if (text.Length == 16 && text[8] == 'T' && text[15] == 'Z'
            && Digits(text[..4], out var year) && Digits(text.Slice(4, 2), out var month) && Digits(text.Slice(6, 2), out var day)
            && Digits(text.Slice(9, 2), out var hour) && Digits(text.Slice(11, 2), out var minute) && Digits(text.Slice(13, 2), out var second)
            && year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            && hour < 24 && minute < 60 && second < 60)
        {
            utc = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc);
            return true;
        }

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

    /// <summary>
    /// Only the fixed form <c>YYYYMMDDTHHMMSSZ</c>, from UTF-8 bytes; false for anything else, which
    /// <see cref="TryBasicUtc(ReadOnlySpan{char}, out DateTime)"/> may still read. Gives the same instant as it.
    /// </summary>
    public static bool TryBasicUtc(ReadOnlySpan<byte> utf8, out DateTime utc)
    {
        if (utf8.Length == 16 && utf8[8] == (byte)'T' && utf8[15] == (byte)'Z'
            && Digits(utf8[..4], out var year) && Digits(utf8.Slice(4, 2), out var month) && Digits(utf8.Slice(6, 2), out var day)
            && Digits(utf8.Slice(9, 2), out var hour) && Digits(utf8.Slice(11, 2), out var minute) && Digits(utf8.Slice(13, 2), out var second)
            && year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            && hour < 24 && minute < 60 && second < 60)
        {
            utc = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc);
            return true;
        }

        utc = default;
        return false;
    }

    private static bool Digits(ReadOnlySpan<byte> utf8, out int value)
    {
        value = 0;
        foreach (var b in utf8)
        {
            if (!char.IsAsciiDigit((char)b))
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }

    private static bool Digits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
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
