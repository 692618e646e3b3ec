using Headway.Core;
using Headway.Core.Formats;

namespace Headway.App.Transfer;

/// <summary>What the user asked the file to be read as: detected (both null), a backlog format, or a Headway export.</summary>
public sealed record ImportFormat(ImportKind? Kind, TaskFormat? Format)
{
    public static ImportFormat Detected { get; } = new(null, null);

    /// <summary>Every name accepted: the backlog formats and <c>headway</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. TaskFormats.Names, HeadwayDocument.FormatName];

    /// <summary>Reads a format name; null or empty means detect it from the content.</summary>
    public static bool TryParse(string? name, out ImportFormat format)
    {
        format = Detected;
        if (string.IsNullOrWhiteSpace(name))
        {
            return true;
        }

        if (string.Equals(name.Trim(), HeadwayDocument.FormatName, StringComparison.OrdinalIgnoreCase))
        {
            format = new ImportFormat(ImportKind.Headway, null);
            return true;
        }

        if (TaskFormats.TryParse(name, out var f))
        {
            format = new ImportFormat(null, f);
            return true;
        }

        return false;
    }
}

/// <summary>
/// Imports one file, all or nothing: tells its format (unless given), reads it completely, then moves a backlog in
/// (<see cref="ImportItems"/>) or restores a Headway export (<see cref="RestoreData"/>). The command line and the web's
/// upload both come here.
/// </summary>
public static class ImportFile
{
    /// <param name="s">The user's session.</param>
    /// <param name="input">The file's text.</param>
    /// <param name="format">Detected, or the format the user chose.</param>
    /// <param name="projects">What the backlog's projects become.</param>
    /// <param name="display">How messages name the file.</param>
    /// <param name="fileStem">The file's name without extension, if it has one: a Todoist project export names no project, the file is the project.</param>
    /// <param name="ct">Cancels the import (nothing is written then).</param>
    public static async Task<Result<ImportReport>> RunAsync(
        PlannerSession s, TextReader input, ImportFormat format, ProjectsAs projects, string display, string? fileStem, CancellationToken ct)
    {
        var (kind, detected, reader) = ImportSource.Detect(input, format.Kind, format.Format);
        if (kind == ImportKind.Headway)
        {
            var doc = await ImportSource.ReadDocumentAsync(reader, display, ct);
            return doc.IsOk ? await RestoreData.RunAsync(s, doc.Value, display, ct) : doc.Error!;
        }

        var options = new ReadOptions(s.User.Calendar.Zone, detected == TaskFormat.Todoist ? fileStem : null);
        var items = ImportSource.ReadItems(reader, detected, options, display);
        return items.IsOk ? await ImportItems.RunAsync(s, items.Value, detected, projects, display, ct) : items.Error!;
    }
}
