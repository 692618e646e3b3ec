using System.Globalization;

namespace Headway.Core.Formats;

/// <summary>
/// Reads Todoist's CSV export and import template: one project per file, columns <c>TYPE, CONTENT, DESCRIPTION,
/// PRIORITY, INDENT, AUTHOR, RESPONSIBLE, DATE, DATE_LANG, TIMEZONE, DURATION, DURATION_UNIT, DEADLINE, DEADLINE_LANG,
/// IS_COLLAPSED</c> (in any order; any other column is reported, once, on the header's line). <c>task</c> rows are items, <c>section</c> rows name the section of the tasks
/// below them, <c>note</c> rows attach to the task above, <c>meta</c> and blank rows are skipped. <c>INDENT</c> nests a
/// task under the task above it with a smaller indent; <c>@labels</c> in the content become tags.
/// </summary>
internal static class TodoistReader
{
    // Every column of Todoist's template and exports. DATE_LANG and DEADLINE_LANG (the language the dates were typed
    // in) and IS_COLLAPSED (a section folded in the app) carry nothing Headway keeps.
    private static readonly string[] Known =
    [
        "TYPE", "CONTENT", "DESCRIPTION", "PRIORITY", "INDENT", "AUTHOR", "RESPONSIBLE", "DATE", "DATE_LANG", "TIMEZONE",
        "DURATION", "DURATION_UNIT", "DEADLINE", "DEADLINE_LANG", "IS_COLLAPSED",
    ];

    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm",
        "MMM d yyyy", "MMM d, yyyy", "d MMM yyyy", "MMM d yyyy HH:mm",
    ];

    public static IEnumerable<ReadResult> Read(TextReader text, ReadOptions options)
    {
        var lines = new LineReader(text);
        Dictionary<string, int>? columns = null;
        int type = -1, content = -1, description = -1, priority = -1, indent = -1, author = -1, responsible = -1, date = -1,
            timezone = -1, duration = -1, durationUnit = -1, deadline = -1;
        string? section = null;
        ImportedItem? pending = null;
        List<ImportedNote>? notes = null;
        var parents = new int[8];

        foreach (var row in CsvRows.Read(lines))
        {
            if (row.Issue is { } issue)
            {
                yield return issue;
                continue;
            }

            if (row.IsBlank)
            {
                continue;
            }

            if (columns is null)
            {
                columns = CsvRows.Columns(row.Fields);
                type = columns.Index("TYPE");
                content = columns.Index("CONTENT");
                if (type < 0 || content < 0)
                {
                    yield return ReadResult.Skip(row.Line, null, "The first row is not a Todoist header: it needs the TYPE and CONTENT columns.");
                    yield break;
                }

                if (CsvRows.UnknownColumns(row, "Todoist", Known) is { } unknown)
                {
                    yield return unknown;
                }

                (description, priority, indent, author, responsible) =
                    (columns.Index("DESCRIPTION"), columns.Index("PRIORITY"), columns.Index("INDENT"), columns.Index("AUTHOR"), columns.Index("RESPONSIBLE"));
                (date, timezone, duration, durationUnit, deadline) =
                    (columns.Index("DATE"), columns.Index("TIMEZONE"), columns.Index("DURATION"), columns.Index("DURATION_UNIT"), columns.Index("DEADLINE"));
                continue;
            }

            var kind = row.Get(type).Trim().ToLowerInvariant();
            if (kind == "note")
            {
                if (pending is null)
                {
                    yield return ReadResult.Warn(row.Line, "CONTENT", "A note comes before any task; it was left out.");
                }
                else if (row.Get(content).Trim() is { Length: > 0 } note)
                {
                    var issues = new List<ReadResult>();
                    (notes ??= []).Add(new ImportedNote(FieldText.Cap(note, row.Line, "note", issues)));
                    foreach (var i in issues)
                    {
                        yield return i;
                    }
                }

                continue;
            }

            if (pending is not null && kind is "task" or "section")
            {
                yield return ReadResult.Of(notes is null ? pending : pending with { Notes = [.. pending.Notes, .. notes] });
                pending = null;
                notes = null;
            }

            if (kind == "section")
            {
                section = FieldText.OneLine(row.Get(content));
                continue;
            }

            if (kind != "task")
            {
                // meta rows (view_style) and anything newer: nothing to read.
                continue;
            }

            var results = new List<ReadResult>();
            var (words, tags) = SplitLabels(FieldText.OneLine(row.Get(content)));
            if (words is null)
            {
                yield return ReadResult.Skip(row.Line, "CONTENT", "The task has no content.");
                continue;
            }

            var level = int.TryParse(row.Get(indent), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? Math.Clamp(n, 1, parents.Length - 1) : 1;
            parents[level] = row.Line;
            var extra = new Dictionary<string, string>(StringComparer.Ordinal);
            Keep(extra, "author", row.Get(author));
            Keep(extra, "responsible", row.Get(responsible));
            Keep(extra, "duration", row.Get(duration));
            Keep(extra, "durationUnit", row.Get(durationUnit));
            Keep(extra, "timezone", row.Get(timezone));
            var (due, recurrence) = Date(row.Get(date), extra);
            var hardDeadline = Deadline(row.Get(deadline), row.Line, results);
            var itemNotes = row.Get(description).Trim() is { Length: > 0 } d ? new List<ImportedNote> { new(FieldText.Cap(d, row.Line, "DESCRIPTION", results)) } : [];
            var taskText = FieldText.Cap(words, row.Line, "CONTENT", results);
            foreach (var r in results)
            {
                yield return r;
            }

            pending = new ImportedItem
            {
                Line = row.Line,
                Text = taskText,
                Status = ItemStatus.Open,
                // The deadline is the firm date; DATE is when the user plans to do it.
                Due = hardDeadline ?? due,
                Start = hardDeadline is null ? null : due,
                Project = options.DefaultProject,
                Section = section,
                Tags = tags,
                Notes = itemNotes,
                Priority = FieldText.OneLine(row.Get(priority)),
                Recurrence = recurrence,
                ParentLine = level > 1 && parents[level - 1] > 0 ? parents[level - 1] : null,
                Extra = extra,
            };
        }

        if (pending is not null)
        {
            yield return ReadResult.Of(notes is null ? pending : pending with { Notes = [.. pending.Notes, .. notes] });
        }

        if (columns is null)
        {
            yield return ReadResult.Skip(1, null, "The file is empty: a Todoist CSV starts with a header row (TYPE,CONTENT,…).");
        }
    }

    private static (string? Text, List<string> Tags) SplitLabels(string? content)
    {
        var tags = new List<string>();
        if (content is null)
        {
            return (null, tags);
        }

        var words = new List<string>();
        foreach (var word in content.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Length > 1 && word[0] == '@' && char.IsLetterOrDigit(word[1]))
            {
                tags.Add(word[1..]);
            }
            else
            {
                words.Add(word);
            }
        }

        return (words.Count > 0 ? string.Join(' ', words) : content, tags);
    }

    private static void Keep(Dictionary<string, string> extra, string key, string value)
    {
        if (FieldText.OneLine(value) is { } v)
        {
            extra[key] = v;
        }
    }

    // DATE is what the user typed: a date, a date and time, or words ("every monday", "tomorrow"). Words that repeat
    // are the recurrence; other words are kept as they are, since they only mean something on the day they were typed.
    private static (DateOnly? Due, string? Recurrence) Date(string value, Dictionary<string, string> extra)
    {
        var text = value.Trim();
        if (text.Length == 0)
        {
            return (null, null);
        }

        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            return (DateOnly.FromDateTime(parsed), null);
        }

        extra["date"] = text;
        return text.StartsWith("every", StringComparison.OrdinalIgnoreCase) || text.StartsWith("ev ", StringComparison.OrdinalIgnoreCase)
            ? (null, text)
            : (null, null);
    }

    private static DateOnly? Deadline(string value, int line, List<ReadResult> results)
    {
        var text = value.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            return DateOnly.FromDateTime(parsed);
        }

        results.Add(ReadResult.Warn(line, "DEADLINE", $"'{(text.Length > 30 ? text[..30] + "…" : text)}' is not a date; the deadline was left out."));
        return null;
    }
}
