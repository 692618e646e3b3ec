using System.Globalization;
using System.Text;
using System.Text.Json;
using Headway.Core.Formats;

namespace Headway.Core.Tests.Formats;

/// <summary>
/// The Taskwarrior reader as it was before the byte-level rewrite (one <see cref="JsonDocument"/> per task), kept as
/// the reference the fast reader is checked against: same items, same issues, same order, on any input.
/// </summary>
/// <remarks>
/// Reads Taskwarrior's <c>task export</c>: a JSON array of task objects, or one object per line (JSON Lines), as the
/// task RFC describes them. Streams: each top-level object is cut out of the text by a brace counter that knows JSON
/// strings, then parsed on its own, so memory holds one task at a time and a malformed task costs only itself.
/// </remarks>
internal static class ReferenceTaskwarriorReader
{
    private static readonly HashSet<string> Known =
    [
        "uuid", "description", "status", "entry", "modified", "end", "due", "wait", "scheduled", "until", "start", "project",
        "tags", "priority", "annotations", "depends", "recur", "parent", "urgency", "id", "mask", "imask",
    ];

    public static IEnumerable<ReadResult> Read(TextReader text, ReadOptions options)
    {
        var lines = new LineReader(text);
        var seen = new SeenIds();
        var buffer = new StringBuilder();
        var depth = 0;
        var inString = false;
        var escaped = false;
        var start = 0;
        var tooLong = false;
        var strayReported = 0;
        while (lines.ReadLine() is { } line)
        {
            if (LineReader.CheckEncoding(line, lines.Line) is { } encoding)
            {
                yield return encoding;
            }

            var from = 0;
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (depth == 0)
                {
                    if (c == '{')
                    {
                        depth = 1;
                        start = lines.Line;
                        from = i;
                        buffer.Clear();
                        tooLong = false;
                    }
                    else if (!char.IsWhiteSpace(c) && c is not ('[' or ']' or ',') && strayReported != lines.Line)
                    {
                        strayReported = lines.Line;
                        yield return ReadResult.Skip(lines.Line, null, $"Unexpected '{c}' outside a task object: each task must be a JSON object.");
                    }

                    continue;
                }

                if (inString)
                {
                    if (escaped)
                    {
                        escaped = false;
                    }
                    else if (c == '\\')
                    {
                        escaped = true;
                    }
                    else if (c == '"')
                    {
                        inString = false;
                    }

                    continue;
                }

                if (c == '"')
                {
                    inString = true;
                }
                else if (c == '{' || c == '[')
                {
                    depth++;
                }
                else if (c == '}' || c == ']')
                {
                    depth--;
                    if (depth == 0)
                    {
                        if (!tooLong)
                        {
                            buffer.Append(line, from, i - from + 1);
                            foreach (var result in ParseTask(buffer.ToString(), start, options, seen))
                            {
                                yield return result;
                            }
                        }

                        buffer.Clear();
                    }
                }
            }

            if (depth > 0)
            {
                if (inString)
                {
                    // JSON strings never hold a raw line break: the task is malformed. Start afresh on the next line.
                    yield return ReadResult.Skip(start, null, "The task object has an unterminated string: check the quotes on this line.");
                    depth = 0;
                    inString = escaped = false;
                    buffer.Clear();
                    continue;
                }

                if (!tooLong)
                {
                    buffer.Append(line, from, line.Length - from).Append('\n');
                    if (buffer.Length > ReadOptions.MaxRecordChars)
                    {
                        tooLong = true;
                        buffer.Clear();
                        yield return ReadResult.Skip(start, null, "The task object is larger than 16 MB; it was skipped.");
                    }
                }
            }
        }

        if (depth > 0)
        {
            yield return ReadResult.Skip(start, null, "The file ends inside a task object: the last task is cut off.");
        }
    }

    private static List<ReadResult> ParseTask(string json, int line, ReadOptions options, SeenIds seen)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            return [ReadResult.Skip(line + (int)(e.LineNumber ?? 0), null, $"The task is not valid JSON ({FirstSentence(e.Message)}).")];
        }

        using (document)
        {
            return Map(document.RootElement, line, options, seen);
        }
    }

    private static List<ReadResult> Map(JsonElement task, int line, ReadOptions options, SeenIds seen)
    {
        var results = new List<ReadResult>(1);
        var description = Text(task, "description");
        if (FieldText.OneLine(description) is not { } text)
        {
            results.Add(ReadResult.Skip(line, "description", "The task has no description."));
            return results;
        }

        var uuid = Text(task, "uuid");
        if (!seen.Add(uuid))
        {
            results.Add(SeenIds.Duplicate(line, "uuid", uuid!));
            return results;
        }

        var status = Text(task, "status")?.ToLowerInvariant();
        var state = status switch
        {
            "completed" => ItemStatus.Done,
            "deleted" => ItemStatus.Dropped,
            null or "pending" or "waiting" or "recurring" => ItemStatus.Open,
            _ => Unknown(results, line, status),
        };

        var extra = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in task.EnumerateObject())
        {
            if (!Known.Contains(property.Name) && property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
            {
                // A user-defined attribute (UDA): kept as text for a later export.
                extra[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            }
        }

        if (Instant(task, "wait", line, results) is { } wait)
        {
            extra["wait"] = wait.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        }

        if (Instant(task, "until", line, results) is { } until)
        {
            extra["until"] = until.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        }

        var zone = options.Zone;
        var due = Instant(task, "due", line, results);
        var scheduled = Instant(task, "scheduled", line, results);
        results.Add(ReadResult.Of(new ImportedItem
        {
            Line = line,
            SourceId = uuid,
            Text = FieldText.Cap(text, line, "description", results),
            Status = state,
            CreatedAt = Instant(task, "entry", line, results),
            ModifiedAt = Instant(task, "modified", line, results),
            CompletedAt = Instant(task, "end", line, results),
            Due = due is { } d ? FieldText.LocalDate(d, zone) : null,
            Start = scheduled is { } s ? FieldText.LocalDate(s, zone) : null,
            Project = FieldText.OneLine(Text(task, "project")) ?? options.DefaultProject,
            Tags = List(task, "tags"),
            Notes = Annotations(task, line, results),
            Priority = FieldText.OneLine(Text(task, "priority")),
            Recurrence = FieldText.OneLine(Text(task, "recur")),
            ParentId = FieldText.OneLine(Text(task, "parent")),
            DependsOn = List(task, "depends"),
            IsRecurrenceTemplate = status == "recurring",
            Extra = extra,
        }));
        return results;
    }

    private static ItemStatus Unknown(List<ReadResult> results, int line, string status)
    {
        results.Add(ReadResult.Warn(line, "status", $"Unknown status '{status}'; the task was read as pending."));
        return ItemStatus.Open;
    }

    private static string? Text(JsonElement task, string name) =>
        task.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    private static DateTime? Instant(JsonElement task, string name, int line, List<ReadResult> results)
    {
        if (Text(task, name) is not { } value || value.Length == 0)
        {
            return null;
        }

        if (FieldText.TryBasicUtc(value, out var utc))
        {
            return utc;
        }

        results.Add(ReadResult.Warn(line, name, $"'{Short(value)}' is not a Taskwarrior date (YYYYMMDDTHHMMSSZ); the {name} date was left out."));
        return null;
    }

    // Tags and depends: an array of strings, or (Taskwarrior 2.5 and older for depends) one comma-separated string.
    private static IReadOnlyList<string> List(JsonElement task, string name)
    {
        if (!task.TryGetProperty(name, out var value))
        {
            return [];
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString()!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var list = new List<string>(value.GetArrayLength());
        foreach (var element in value.EnumerateArray())
        {
            if (element.ValueKind == JsonValueKind.String && FieldText.OneLine(element.GetString()) is { } item)
            {
                list.Add(item);
            }
        }

        return list;
    }

    private static List<ImportedNote> Annotations(JsonElement task, int line, List<ReadResult> results)
    {
        var notes = new List<ImportedNote>();
        if (!task.TryGetProperty("annotations", out var value) || value.ValueKind != JsonValueKind.Array)
        {
            return notes;
        }

        notes.Capacity = value.GetArrayLength();
        foreach (var annotation in value.EnumerateArray())
        {
            if (annotation.ValueKind == JsonValueKind.Object && Text(annotation, "description") is { Length: > 0 } note)
            {
                notes.Add(new ImportedNote(FieldText.Cap(note, line, "annotations", results), Instant(annotation, "entry", line, results)));
            }
        }

        return notes;
    }

    private static string Short(string value) => value.Length <= 30 ? value : value[..30] + "…";

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.');
    }
}
