namespace Headway.Core.Formats;

/// <summary>How to read a file.</summary>
/// <param name="TimeZone">The zone that turns an instant into a due date, and a floating time into an instant (default UTC).</param>
/// <param name="DefaultProject">The project of items whose source names none, e.g. the file name of a Todoist project export.</param>
public sealed record ReadOptions(TimeZoneInfo? TimeZone = null, string? DefaultProject = null)
{
    /// <summary>Longest text or note kept, in characters; longer ones are cut, with an issue.</summary>
    public const int MaxFieldChars = 100_000;

    /// <summary>Longest record read, in characters (a JSON object, a CSV record, a VTODO); longer ones are skipped, with an issue.</summary>
    public const int MaxRecordChars = 16 * 1024 * 1024;

    /// <summary>Most lines one CSV record or VTODO may span before it is taken as malformed (an unclosed quote).</summary>
    public const int MaxRecordLines = 10_000;

    /// <summary>Reads in UTC with no default project.</summary>
    public static ReadOptions Default { get; } = new();

    /// <summary>The zone used for dates, never null.</summary>
    public TimeZoneInfo Zone => TimeZone ?? TimeZoneInfo.Utc;
}
