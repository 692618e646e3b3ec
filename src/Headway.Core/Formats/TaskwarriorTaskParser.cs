using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Headway.Core.Formats;

/// <summary>
/// Parses Taskwarrior task objects one at a time, reusing its buffers, and maps each to an item (or issues).
/// </summary>
/// <remarks>
/// Each object is parsed from UTF-8 bytes with one forward pass of <see cref="Utf8JsonReader"/> (no document is
/// built): only the fields a task uses become strings, fields Headway ignores (urgency, id, mask...) are validated
/// and skipped, dates in Taskwarrior's fixed form are read straight from the bytes, and the dictionary of extra
/// fields is made only when the task has some. A task is mapped only once the whole object has been read without a
/// JSON error, so a malformed task yields exactly one issue, as with a document parser.
/// </remarks>
internal sealed class TaskwarriorTaskParser(ReadOptions options, SeenIds seen)
{
    /// <summary>The fields of a task object that Headway reads, by what they become.</summary>
    private enum Field
    {
        // Text fields (string or number), in slots 0–13.
        Uuid,
        Description,
        Status,
        Entry,
        Modified,
        End,
        Due,
        Wait,
        Scheduled,
        Until,
        Project,
        Priority,
        Recur,
        Parent,

        // Lists.
        Tags,
        Depends,
        Annotations,

        // Known to Taskwarrior and not kept: validated and skipped.
        Ignored,

        // A user-defined attribute: kept in Extra when its value is a string, number or boolean.
        Unknown,
    }

    private const int TextFields = (int)Field.Parent + 1;

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 16 };

    private readonly string?[] _text = new string?[TextFields];
    private readonly DateTime?[] _instant = new DateTime?[TextFields];
    private readonly RepeatedStrings _repeated = new();
    private byte[] _bytes = new byte[4096];
    private object? _tags;
    private object? _depends;
    private List<(string? Description, string? Entry)>? _annotations;
    private List<KeyValuePair<string, string>>? _extra;

    /// <summary>Parses one object and adds its item or issues to <paramref name="into"/>; invalid JSON is one issue.</summary>
    public void Parse(ReadOnlySpan<char> json, int line, List<ReadResult> into)
    {
        if (Load(Utf8(json), out var error))
        {
            Map(line, into);
        }
        else
        {
            into.Add(ReadResult.Skip(line + (int)(error!.LineNumber ?? 0), null, $"The task is not valid JSON ({FirstSentence(error.Message)})."));
        }
    }

    /// <summary>
    /// Parses one object and adds its item or issues to <paramref name="into"/>; false (and nothing added, nothing
    /// counted as seen) when it is not valid JSON.
    /// </summary>
    public bool TryParse(ReadOnlySpan<char> json, int line, List<ReadResult> into) => TryParse(Utf8(json), line, into);

    /// <inheritdoc cref="TryParse(ReadOnlySpan{char}, int, List{ReadResult})"/>
    public bool TryParse(ReadOnlySpan<byte> utf8, int line, List<ReadResult> into)
    {
        if (!Load(utf8, out _))
        {
            return false;
        }

        Map(line, into);
        return true;
    }

    private ReadOnlySpan<byte> Utf8(ReadOnlySpan<char> json)
    {
        var bytes = _bytes;
        if (Encoding.UTF8.GetMaxByteCount(json.Length) > bytes.Length)
        {
            var exact = Encoding.UTF8.GetByteCount(json);
            if (exact > bytes.Length)
            {
                bytes = new byte[exact];
                if (exact <= 1 << 20)
                {
                    // Keep buffers up to 1 MB for the next tasks; a larger one is dropped after use.
                    _bytes = bytes;
                }
            }
        }

        return bytes.AsSpan(0, Encoding.UTF8.GetBytes(json, bytes));
    }

    private bool Load(ReadOnlySpan<byte> utf8, out JsonException? error)
    {
        try
        {
            Load(utf8);
            error = null;
            return true;
        }
        catch (JsonException e)
        {
            error = e;
            return false;
        }
    }

    // Reads the whole object into the fields (the last of repeated names wins, as a document lookup would find).
    private void Load(ReadOnlySpan<byte> utf8)
    {
        Array.Clear(_text);
        Array.Clear(_instant);
        _tags = _depends = null;
        _annotations = null;
        _extra?.Clear();

        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = reader.ValueIsEscaped ? Identify(Encoding.UTF8.GetBytes(reader.GetString()!)) : Identify(reader.ValueSpan);
            var name = field == Field.Unknown ? reader.GetString()! : null;
            reader.Read();
            switch (field)
            {
                case < Field.Tags:
                    ReadText(ref reader, (int)field);
                    break;
                case Field.Tags:
                    _tags = ReadList(ref reader, _repeated);
                    break;
                case Field.Depends:
                    _depends = ReadList(ref reader, null);
                    break;
                case Field.Annotations:
                    _annotations = ReadAnnotations(ref reader);
                    break;
                case Field.Unknown when reader.TokenType is JsonTokenType.String or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False:
                    // A user-defined attribute (UDA): kept as text for a later export.
                    (_extra ??= []).Add(KeyValuePair.Create(name!, reader.TokenType == JsonTokenType.String ? reader.GetString()! : Raw(ref reader)));
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        // Anything after the object is an error, as it is for a document.
        _ = reader.Read();
    }

    private void ReadText(ref Utf8JsonReader reader, int slot)
    {
        _instant[slot] = null;
        _text[slot] = null;
        if (reader.TokenType == JsonTokenType.String)
        {
            if (slot is >= (int)Field.Entry and <= (int)Field.Until && !reader.ValueIsEscaped
                && FieldText.TryBasicUtc(reader.ValueSpan, out var utc))
            {
                _instant[slot] = utc;
            }
            else
            {
                _text[slot] = reader.ValueIsEscaped ? reader.GetString()
                    : slot == (int)Field.Status ? KnownStatus(reader.ValueSpan) ?? reader.GetString()
                    : slot is (int)Field.Project or (int)Field.Priority or (int)Field.Recur ? _repeated.Get(reader.ValueSpan)
                    : reader.GetString();
            }
        }
        else if (reader.TokenType == JsonTokenType.Number)
        {
            _text[slot] = Raw(ref reader);
        }
        else
        {
            reader.Skip();
        }
    }

    // Taskwarrior's statuses as shared strings: one fewer string per task.
    private static string? KnownStatus(ReadOnlySpan<byte> value) =>
        value.SequenceEqual("pending"u8) ? "pending"
        : value.SequenceEqual("completed"u8) ? "completed"
        : value.SequenceEqual("deleted"u8) ? "deleted"
        : value.SequenceEqual("waiting"u8) ? "waiting"
        : null;

    // Tags and depends: the comma-separated string, the array's strings (null where not a string), or null.
    private static object? ReadList(ref Utf8JsonReader reader, RepeatedStrings? repeated)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }

        var list = new List<string?>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                list.Add(repeated is not null && !reader.ValueIsEscaped ? repeated.Get(reader.ValueSpan) : reader.GetString());
            }
            else
            {
                reader.Skip();
            }
        }

        return list;
    }

    private static List<(string? Description, string? Entry)>? ReadAnnotations(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }

        var list = new List<(string?, string?)>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            string? description = null, entry = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isDescription = reader.ValueTextEquals("description"u8);
                var isEntry = !isDescription && reader.ValueTextEquals("entry"u8);
                reader.Read();
                if (isDescription || isEntry)
                {
                    var value = reader.TokenType switch
                    {
                        JsonTokenType.String => reader.GetString(),
                        JsonTokenType.Number => Raw(ref reader),
                        _ => null,
                    };
                    if (isDescription)
                    {
                        description = value;
                    }
                    else
                    {
                        entry = value;
                    }
                }

                reader.Skip();
            }

            list.Add((description, entry));
        }

        return list;
    }

    private static string Raw(ref Utf8JsonReader reader) => Encoding.UTF8.GetString(reader.ValueSpan);

    // Issues come before the item, as in every reader.
    private void Map(int line, List<ReadResult> results)
    {
        if (FieldText.OneLine(_text[(int)Field.Description]) is not { } text)
        {
            results.Add(ReadResult.Skip(line, "description", "The task has no description."));
            return;
        }

        var uuid = _text[(int)Field.Uuid];
        if (!seen.Add(uuid))
        {
            results.Add(SeenIds.Duplicate(line, "uuid", uuid!));
            return;
        }

        var status = _text[(int)Field.Status]?.ToLowerInvariant();
        var state = status switch
        {
            "completed" => ItemStatus.Done,
            "deleted" => ItemStatus.Dropped,
            null or "pending" or "waiting" or "recurring" => ItemStatus.Open,
            _ => Unknown(results, line, status),
        };

        Dictionary<string, string>? extra = null;
        if (_extra is { Count: > 0 })
        {
            extra = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, value) in _extra)
            {
                extra[name] = value;
            }
        }

        if (Instant(Field.Wait, line, results) is { } wait)
        {
            (extra ??= new(StringComparer.Ordinal))["wait"] = wait.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        }

        if (Instant(Field.Until, line, results) is { } until)
        {
            (extra ??= new(StringComparer.Ordinal))["until"] = until.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        }

        var zone = options.Zone;
        var due = Instant(Field.Due, line, results);
        var scheduled = Instant(Field.Scheduled, line, results);
        var item = new ImportedItem
        {
            Line = line,
            SourceId = uuid,
            Text = FieldText.Cap(text, line, "description", results),
            Status = state,
            CreatedAt = Instant(Field.Entry, line, results),
            ModifiedAt = Instant(Field.Modified, line, results),
            CompletedAt = Instant(Field.End, line, results),
            Due = due is { } d ? FieldText.LocalDate(d, zone) : null,
            Start = scheduled is { } s ? FieldText.LocalDate(s, zone) : null,
            Project = FieldText.OneLine(_text[(int)Field.Project]) ?? options.DefaultProject,
            Tags = List(_tags),
            Notes = _annotations is { } annotations ? Annotations(annotations, line, results) : [],
            Priority = FieldText.OneLine(_text[(int)Field.Priority]),
            Recurrence = FieldText.OneLine(_text[(int)Field.Recur]),
            ParentId = FieldText.OneLine(_text[(int)Field.Parent]),
            DependsOn = List(_depends),
            IsRecurrenceTemplate = status == "recurring",
            Extra = extra ?? ImportedItem.EmptyExtra,
        };
        results.Add(ReadResult.Of(item));
    }

    private DateTime? Instant(Field field, int line, List<ReadResult> results) =>
        _instant[(int)field] ?? ReadInstant(_text[(int)field], field switch
        {
            Field.Entry => "entry",
            Field.Modified => "modified",
            Field.End => "end",
            Field.Due => "due",
            Field.Wait => "wait",
            Field.Scheduled => "scheduled",
            _ => "until",
        }, line, results);

    // Tags and depends: an array of strings, or (Taskwarrior 2.5 and older for depends) one comma-separated string.
    private static IReadOnlyList<string> List(object? value)
    {
        if (value is string text)
        {
            return text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        if (value is not List<string?> strings)
        {
            return [];
        }

        var list = new List<string>(strings.Count);
        foreach (var s in strings)
        {
            if (FieldText.OneLine(s) is { } item)
            {
                list.Add(item);
            }
        }

        return list;
    }

    private static List<ImportedNote> Annotations(List<(string? Description, string? Entry)> annotations, int line, List<ReadResult> results)
    {
        var notes = new List<ImportedNote>(annotations.Count);
        foreach (var (description, entry) in annotations)
        {
            if (description is { Length: > 0 } note)
            {
                notes.Add(new ImportedNote(FieldText.Cap(note, line, "annotations", results), ReadInstant(entry, "entry", line, results)));
            }
        }

        return notes;
    }


    // The name as Taskwarrior writes it (unescaped UTF-8).
    private static Field Identify(ReadOnlySpan<byte> name) => name.Length switch
    {
        2 when name.SequenceEqual("id"u8) => Field.Ignored,
        3 when name.SequenceEqual("due"u8) => Field.Due,
        3 when name.SequenceEqual("end"u8) => Field.End,
        4 when name.SequenceEqual("uuid"u8) => Field.Uuid,
        4 when name.SequenceEqual("tags"u8) => Field.Tags,
        4 when name.SequenceEqual("wait"u8) => Field.Wait,
        4 when name.SequenceEqual("mask"u8) => Field.Ignored,
        5 when name.SequenceEqual("entry"u8) => Field.Entry,
        5 when name.SequenceEqual("until"u8) => Field.Until,
        5 when name.SequenceEqual("start"u8) => Field.Ignored,
        5 when name.SequenceEqual("recur"u8) => Field.Recur,
        5 when name.SequenceEqual("imask"u8) => Field.Ignored,
        6 when name.SequenceEqual("status"u8) => Field.Status,
        6 when name.SequenceEqual("parent"u8) => Field.Parent,
        7 when name.SequenceEqual("project"u8) => Field.Project,
        7 when name.SequenceEqual("urgency"u8) => Field.Ignored,
        7 when name.SequenceEqual("depends"u8) => Field.Depends,
        8 when name.SequenceEqual("modified"u8) => Field.Modified,
        8 when name.SequenceEqual("priority"u8) => Field.Priority,
        9 when name.SequenceEqual("scheduled"u8) => Field.Scheduled,
        11 when name.SequenceEqual("description"u8) => Field.Description,
        11 when name.SequenceEqual("annotations"u8) => Field.Annotations,
        _ => Field.Unknown,
    };

    private static ItemStatus Unknown(List<ReadResult> results, int line, string status)
    {
        results.Add(ReadResult.Warn(line, "status", $"Unknown status '{status}'; the task was read as pending."));
        return ItemStatus.Open;
    }

    private static DateTime? ReadInstant(string? value, string name, int line, List<ReadResult> results)
    {
        if (value is not { Length: > 0 })
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

    private static string Short(string value) => value.Length <= 30 ? value : value[..30] + "…";

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.');
    }
}
