using System.Globalization;
using System.Text;

namespace Headway.Core.Formats;

/// <summary>
/// Reads the VTODO components of an iCalendar file (RFC 5545): <c>UID, SUMMARY, DESCRIPTION, DUE, DTSTART, STATUS,
/// COMPLETED, CREATED, LAST-MODIFIED, CATEGORIES, PRIORITY, RRULE, RELATED-TO</c>; the calendar's
/// <c>X-WR-CALNAME</c> is the project. Lines are unfolded, text values unescaped, dates read as DATE or DATE-TIME
/// (UTC with <c>Z</c>, in the <c>TZID</c> zone, or floating in the reader's zone). Events, alarms and other components
/// are skipped.
/// </summary>
/// <remarks>
/// Written here rather than with Ical.Net: Ical.Net 5.2.4 builds its serializers by reflection
/// (<c>Activator.CreateInstance</c>, <c>Type.GetMethods</c>), which Native AOT publishing reports as trim warnings
/// (IL2070, IL2072, IL2075, IL2087) that cannot be fixed from outside the library; and it loads a whole calendar into
/// memory, while this reader holds one VTODO at a time.
/// </remarks>
internal static class ICalendarReader
{
    private sealed class Todo(int line)
    {
        public int Line { get; } = line;

        public int Lines { get; set; }

        public List<(string Name, string Params, string Value, int Line)> Properties { get; } = [];
    }

    public static IEnumerable<ReadResult> Read(TextReader text, ReadOptions options)
    {
        var lines = new LineReader(text);
        var seen = new SeenIds();
        var calendarName = options.DefaultProject;
        Todo? todo = null;
        var nested = 0;
        var sawCalendar = false;
        foreach (var (line, content, issue) in Unfold(lines))
        {
            if (issue is { } i)
            {
                yield return i;
                continue;
            }

            var colon = NameEnd(content);
            if (colon < 0 || content[colon] != ':' && content.IndexOf(':', colon) < 0)
            {
                if (todo is not null)
                {
                    yield return ReadResult.Warn(line, null, "The line is not an iCalendar property (NAME:VALUE); it was skipped.");
                }

                continue;
            }

            var name = content[..colon].ToUpperInvariant();
            var (parameters, value) = SplitParams(content, colon);
            if (name == "BEGIN")
            {
                var component = value.Trim().ToUpperInvariant();
                sawCalendar |= component == "VCALENDAR";
                if (component == "VTODO")
                {
                    if (todo is not null)
                    {
                        yield return ReadResult.Skip(todo.Line, null, "The VTODO has no END:VTODO before the next one; it was skipped.");
                    }

                    todo = new Todo(line);
                    nested = 0;
                }
                else if (todo is not null)
                {
                    nested++;
                }

                continue;
            }

            if (name == "END")
            {
                var component = value.Trim().ToUpperInvariant();
                if (todo is not null && nested > 0)
                {
                    nested--;
                }
                else if (todo is not null && component == "VTODO")
                {
                    foreach (var result in Map(todo, calendarName, options, seen))
                    {
                        yield return result;
                    }

                    todo = null;
                }

                continue;
            }

            if (todo is null)
            {
                if (name == "X-WR-CALNAME" && FieldText.OneLine(Unescape(value)) is { } calendar)
                {
                    calendarName = calendar;
                }

                continue;
            }

            if (nested > 0)
            {
                continue;
            }

            if (++todo.Lines > ReadOptions.MaxRecordLines)
            {
                yield return ReadResult.Skip(todo.Line, null, "The VTODO runs over 10,000 lines without END:VTODO; it was skipped.");
                todo = null;
                continue;
            }

            todo.Properties.Add((name, parameters, value, line));
        }

        if (todo is not null)
        {
            yield return ReadResult.Skip(todo.Line, null, "The file ends inside a VTODO (no END:VTODO); it was skipped.");
        }

        if (!sawCalendar)
        {
            yield return ReadResult.Skip(1, null, "The file has no BEGIN:VCALENDAR: it is not an iCalendar file.");
        }
    }

    // RFC 5545 3.1: a line that starts with a space or tab continues the one before. Lines are read one ahead.
    private static IEnumerable<(int Line, string Content, ReadResult? Issue)> Unfold(LineReader lines)
    {
        var current = new StringBuilder();
        var start = 0;
        var tooLong = false;
        while (lines.ReadLine() is { } line)
        {
            if (LineReader.CheckEncoding(line, lines.Line) is { } encoding)
            {
                yield return (lines.Line, "", encoding);
            }

            if (line.Length > 0 && line[0] is ' ' or '\t' && start > 0)
            {
                if (current.Length + line.Length > ReadOptions.MaxRecordChars)
                {
                    if (!tooLong)
                    {
                        tooLong = true;
                        yield return (start, "", ReadResult.Warn(start, null, "A property is longer than 16 MB; the rest of it was left out."));
                    }

                    continue;
                }

                current.Append(line, 1, line.Length - 1);
                continue;
            }

            if (start > 0)
            {
                yield return (start, current.ToString(), null);
            }

            current.Clear().Append(line);
            start = lines.Line;
            tooLong = false;
        }

        if (start > 0)
        {
            yield return (start, current.ToString(), null);
        }
    }

    // The property name ends at the first ';' or ':'.
    private static int NameEnd(string content)
    {
        for (var i = 0; i < content.Length; i++)
        {
            if (content[i] is ';' or ':')
            {
                return i > 0 ? i : -1;
            }
        }

        return -1;
    }

    // Parameters run to the first ':' outside double quotes; the value is the rest.
    private static (string Params, string Value) SplitParams(string content, int nameEnd)
    {
        var quoted = false;
        for (var i = nameEnd; i < content.Length; i++)
        {
            if (content[i] == '"')
            {
                quoted = !quoted;
            }
            else if (content[i] == ':' && !quoted)
            {
                return (content[nameEnd..i], content[(i + 1)..]);
            }
        }

        return (content[nameEnd..], "");
    }

    private static string? Param(string parameters, string name)
    {
        foreach (var part in parameters.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && part.AsSpan(0, eq).Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return part[(eq + 1)..].Trim().Trim('"');
            }
        }

        return null;
    }

    /// <summary>RFC 5545 3.3.11: <c>\\</c>, <c>\;</c>, <c>\,</c>, <c>\n</c> / <c>\N</c>.</summary>
    internal static string Unescape(string value)
    {
        if (!value.Contains('\\', StringComparison.Ordinal))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\\' && i + 1 < value.Length)
            {
                var next = value[++i];
                builder.Append(next is 'n' or 'N' ? '\n' : next);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    // CATEGORIES: comma-separated, with "\," an escaped comma inside one category.
    private static IEnumerable<string> SplitList(string value)
    {
        var part = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                var next = value[++i];
                part.Append(next is 'n' or 'N' ? ' ' : next);
            }
            else if (value[i] == ',')
            {
                if (FieldText.OneLine(part.ToString()) is { } item)
                {
                    yield return item;
                }

                part.Clear();
            }
            else
            {
                part.Append(value[i]);
            }
        }

        if (FieldText.OneLine(part.ToString()) is { } last)
        {
            yield return last;
        }
    }

    private static List<ReadResult> Map(Todo todo, string? calendarName, ReadOptions options, SeenIds seen)
    {
        var results = new List<ReadResult>();
        string? uid = null, summary = null, status = null, priority = null, recurrence = null, parent = null;
        DateTime? created = null, modified = null, completed = null;
        DateOnly? due = null, start = null;
        var notes = new List<ImportedNote>();
        var tags = new List<string>();
        var extra = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, parameters, value, at) in todo.Properties)
        {
            switch (name)
            {
                case "UID":
                    uid = FieldText.OneLine(value);
                    break;
                case "SUMMARY":
                    summary = FieldText.OneLine(Unescape(value));
                    break;
                case "DESCRIPTION" when Unescape(value).Trim() is { Length: > 0 } description:
                    notes.Add(new ImportedNote(FieldText.Cap(description, at, "DESCRIPTION", results)));
                    break;
                case "STATUS":
                    status = value.Trim().ToUpperInvariant();
                    break;
                case "PRIORITY":
                    priority = FieldText.OneLine(value);
                    break;
                case "RRULE":
                    recurrence = FieldText.OneLine(value);
                    break;
                case "RELATED-TO" when (Param(parameters, "RELTYPE") ?? "PARENT").Equals("PARENT", StringComparison.OrdinalIgnoreCase):
                    parent = FieldText.OneLine(value);
                    break;
                case "CATEGORIES":
                    tags.AddRange(SplitList(value));
                    break;
                case "CREATED":
                    created = Instant(value, parameters, name, at, options, results);
                    break;
                case "LAST-MODIFIED":
                    modified = Instant(value, parameters, name, at, options, results);
                    break;
                case "COMPLETED":
                    completed = Instant(value, parameters, name, at, options, results);
                    break;
                case "DUE":
                    due = Date(value, parameters, name, at, options, results);
                    break;
                case "DTSTART":
                    start = Date(value, parameters, name, at, options, results);
                    break;
                case "PERCENT-COMPLETE" or "CLASS" or "LOCATION" or "URL":
                    extra[name.ToLowerInvariant()] = Unescape(value).Trim();
                    break;
                default:
                    break;
            }
        }

        if (summary is null)
        {
            results.Add(ReadResult.Skip(todo.Line, "SUMMARY", "The VTODO has no SUMMARY."));
            return results;
        }

        if (!seen.Add(uid))
        {
            results.Add(SeenIds.Duplicate(todo.Line, "UID", uid!));
            return results;
        }

        var state = status switch
        {
            "COMPLETED" => ItemStatus.Done,
            "CANCELLED" => ItemStatus.Dropped,
            _ when completed is not null => ItemStatus.Done,
            _ => ItemStatus.Open,
        };
        results.Add(ReadResult.Of(new ImportedItem
        {
            Line = todo.Line,
            SourceId = uid,
            Text = FieldText.Cap(summary, todo.Line, "SUMMARY", results),
            Status = state,
            CreatedAt = created,
            ModifiedAt = modified,
            CompletedAt = completed,
            Due = due,
            Start = start,
            Project = calendarName,
            Tags = tags,
            Notes = notes,
            Priority = priority is null or "0" ? null : priority,
            Recurrence = recurrence,
            ParentId = parent,
            Extra = extra,
        }));
        return results;
    }

    private static DateOnly? Date(string value, string parameters, string field, int line, ReadOptions options, List<ReadResult> results)
    {
        var text = value.Trim();
        if (text.Length == 8 && DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        if (Instant(value, parameters, field, line, options, results) is { } utc)
        {
            var zone = FieldText.FindZone(Param(parameters, "TZID")) ?? options.Zone;
            return FieldText.LocalDate(utc, zone);
        }

        return null;
    }

    private static DateTime? Instant(string value, string parameters, string field, int line, ReadOptions options, List<ReadResult> results)
    {
        var text = value.Trim();
        if (text.EndsWith('Z') && FieldText.TryBasicUtc(text, out var utc))
        {
            return utc;
        }

        if (DateTime.TryParseExact(text, ["yyyyMMdd'T'HHmmss", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            var tzid = Param(parameters, "TZID");
            var zone = FieldText.FindZone(tzid);
            if (tzid is not null && zone is null)
            {
                results.Add(ReadResult.Warn(line, field, $"The time zone '{tzid}' is unknown; the {field} time was read in {options.Zone.Id}."));
            }

            return FieldText.ToUtc(local, zone ?? options.Zone);
        }

        results.Add(ReadResult.Warn(line, field, $"'{(text.Length > 30 ? text[..30] + "…" : text)}' is not an iCalendar date or date-time; the {field} was left out."));
        return null;
    }
}
