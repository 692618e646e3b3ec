using Headway.Core.Formats;

namespace Headway.Core.Audits;

/// <summary>Audits a whole backlog from its text in one call: tells the format (unless given), reads and counts it.</summary>
public static class BacklogAuditor
{
    /// <summary>The format read and the audit of everything in <paramref name="input"/>.</summary>
    /// <param name="input">The backlog's text.</param>
    /// <param name="forced">The format to read it as, or null to detect it.</param>
    /// <param name="zone">The zone that turns instants into dates.</param>
    /// <param name="fileStem">The file's name without extension: the project of a Todoist project export.</param>
    /// <param name="asOf">Now, in UTC.</param>
    /// <param name="top">How many of the worst passive items to keep.</param>
    /// <param name="cancellationToken">Checked between batches.</param>
    public static (TaskFormat Format, BacklogAudit Audit) Run(
        TextReader input, TaskFormat? forced, TimeZoneInfo zone, string? fileStem, DateTime asOf, int top = 10, CancellationToken cancellationToken = default)
    {
        var (format, reader) = forced is { } f ? (f, input) : FormatDetector.Detect(input);
        var calculator = new AuditCalculator(asOf, top, completionsKnown: format is not (TaskFormat.Todoist or TaskFormat.PlainText));
        calculator.AddAll(BacklogReader.Read(reader, format, new ReadOptions(zone, format == TaskFormat.Todoist ? fileStem : null)),
            cancellationToken: cancellationToken);
        return (format, calculator.Build());
    }
}
