using System.Text.Json;
using System.Text.RegularExpressions;
using Headway.Core;
using Headway.Core.Formats;

namespace Headway.App.Transfer;

/// <summary>What <c>import</c> reads: another tool's backlog, or a Headway export.</summary>
public enum ImportKind
{
    /// <summary>A backlog in one of <see cref="TaskFormat"/>'s formats.</summary>
    Backlog,

    /// <summary>A Headway JSON export (<see cref="HeadwayDocument"/>).</summary>
    Headway,
}

/// <summary>
/// Reads an import's input completely before anything is written: a backlog through the format readers, or a Headway
/// export. The first unreadable or invalid record ends the reading with one sentence naming the file, the line and the
/// field: an import is all or nothing.
/// </summary>
public static partial class ImportSource
{
    /// <summary>Characters looked at to tell the format (the same head <see cref="FormatDetector"/> reads).</summary>
    public const int HeadChars = FormatDetector.HeadChars;

    /// <summary>Longest source id kept (the schema's limit).</summary>
    public const int MaxSourceIdLength = 200;

    /// <summary>
    /// Most items one import takes. An import holds every item until its single commit (all or nothing), so a bound
    /// keeps its memory bounded; a real backlog is far smaller, and `audit` streams files of any size.
    /// </summary>
    public const int MaxItems = 250_000;

    /// <summary>
    /// Reads the start of <paramref name="reader"/> and tells what it holds; the reader returned starts again from the
    /// beginning. <paramref name="forced"/> (from --format) wins over detection.
    /// </summary>
    public static (ImportKind Kind, TaskFormat Format, TextReader Reader) Detect(TextReader reader, ImportKind? forcedKind, TaskFormat? forced)
    {
        var (head, replay) = FormatDetector.ReadHead(reader);
        if (forcedKind == ImportKind.Headway || (forcedKind is null && forced is null && HeadwayHead().IsMatch(head)))
        {
            return (ImportKind.Headway, default, replay);
        }

        return (ImportKind.Backlog, forced ?? FormatDetector.Detect(head), replay);
    }

    /// <summary>Every item of a backlog, or the first problem as an error that names the file, the line and the field.</summary>
    public static Result<List<ImportedItem>> ReadItems(TextReader reader, TaskFormat format, ReadOptions options, string file)
    {
        var items = new List<ImportedItem>();
        foreach (var result in BacklogReader.Read(reader, format, options))
        {
            if (result.Issue is { } issue)
            {
                return Error.Invalid(Describe(file, issue.Line, issue.Field, issue.Message));
            }

            var item = result.Item!;
            if (TextRules.Check(item.Text, "text", TextRules.MaxActionLength) is { } bad)
            {
                return Error.Invalid(Describe(file, item.Line, TextField(format), bad.Message));
            }

            if (item.SourceId is { Length: > MaxSourceIdLength } id)
            {
                return Error.Invalid(Describe(file, item.Line, IdField(format),
                    $"The id is {id.Length:N0} characters long; Headway keeps ids of up to {MaxSourceIdLength} characters."));
            }

            if (items.Count == MaxItems)
            {
                return Error.Invalid(Describe(file, item.Line, TextField(format),
                    $"The file holds more than {MaxItems:N0} items, more than one import takes; split it into smaller files (audit reads files of any size)."));
            }

            items.Add(item);
        }

        return items;
    }

    /// <summary>Reads a Headway export (strictly: an unknown or missing property is an error, with its line).</summary>
    public static async Task<Result<HeadwayDocument>> ReadDocumentAsync(TextReader reader, string file, CancellationToken ct)
    {
        try
        {
            // The serializer reads UTF-8 bytes; a text reader (standard input, a decoded file) is re-encoded as it goes.
            await using var stream = new TextReaderStream(reader);
            var doc = await JsonSerializer.DeserializeAsync(stream, TransferJsonContext.Default.HeadwayDocument, ct);
            if (doc is null)
            {
                return Error.Invalid($"Nothing was imported from {file}: the file holds null, not a Headway export.");
            }

            if (doc.Format != HeadwayDocument.FormatName)
            {
                return Error.Invalid($"Nothing was imported from {file}: field format is '{doc.Format}', not '{HeadwayDocument.FormatName}'.");
            }

            return doc;
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? null : e.Path.TrimStart('$', '.');
            return Error.Invalid(Describe(file, line, field, JsonProblem(e.Message)));
        }
    }

    /// <summary>"Nothing was imported from F: line N, field X: what is wrong."</summary>
    internal static string Describe(string file, int line, string? field, string message)
    {
        var where = field is null ? $"line {line}" : $"line {line}, field {field}";
        return $"Nothing was imported from {file}: {where}: {Problem(message)}";
    }

    // The readers say what they would do about a problem ("…; it was left out."); an import does nothing instead.
    private static string Problem(string message)
    {
        var cut = message.LastIndexOf("; ", StringComparison.Ordinal);
        var text = cut > 0 && (message.AsSpan(cut).Contains(" was ", StringComparison.Ordinal) || message.AsSpan(cut).Contains(" were ", StringComparison.Ordinal))
            ? message[..cut]
            : message.TrimEnd('.');
        return text.TrimEnd('.', ' ') + ".";
    }

    // The serializer's messages name .NET types; say what is wrong with the file instead.
    private static string JsonProblem(string message)
    {
        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return "A Headway export has no such property: was the file edited, or written by a newer Headway?";
        }

        if (message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return "The value is not of the expected kind (a number, a text, a date, true or false, a list).";
        }

        var missing = message.IndexOf("including: ", StringComparison.Ordinal);
        if (missing > 0)
        {
            return $"A required property is missing: {message[(missing + "including: ".Length)..].Split('.')[0].Trim()}.";
        }

        return FirstSentence(message);
    }

    private static string FirstSentence(string message)
    {
        var line = message.Split('\n')[0];
        var end = line.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? line[..end] : line.TrimEnd('.');
    }

    private static string IdField(TaskFormat format) => format switch
    {
        TaskFormat.Taskwarrior => "uuid",
        TaskFormat.TickTick => "taskId",
        TaskFormat.ICalendar => "UID",
        _ => "id",
    };

    private static string TextField(TaskFormat format) => format switch
    {
        TaskFormat.Taskwarrior => "description",
        TaskFormat.Todoist => "CONTENT",
        TaskFormat.TickTick => "Title",
        TaskFormat.ICalendar => "SUMMARY",
        _ => "text",
    };

    [GeneratedRegex("""^\uFEFF?\s*\{\s*"format"\s*:\s*"headway"\s*[,}]""", RegexOptions.CultureInvariant)]
    private static partial Regex HeadwayHead();
}
