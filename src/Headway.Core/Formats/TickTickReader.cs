using System.Globalization;

namespace Headway.Core.Formats;

/// <summary>
/// Reads TickTick's CSV backup: a few preamble records (<c>"Date: …"</c>, <c>"Version: …"</c>, a multi-line
/// <c>"Status: …"</c> legend), then the header <c>Folder Name, List Name, Title, Kind, Tags, Content, Is Check list,
/// Start Date, Due Date, Reminder, Repeat, Priority, Status, Created Time, Completed Time, Order, Timezone, Is All Day,
/// Is Floating, Column Name, Column Order, View Mode, taskId, parentId</c> (newer backups add <c>projectKind</c>) and one
/// task per record. Columns are found by name, so older and newer backups with more or fewer columns read the same; a
/// column no TickTick backup has is reported, once, on the header's line.
/// Status 0 is open, 1 and 2 (archived) are done, −1 ("won't do") is dropped; notes (Kind NOTE) are not tasks and are
/// skipped.
/// </summary>
internal static class TickTickReader
{
    // Every column of TickTick's backups, older and newer. Is Check list, Reminder, Order, Is Floating, Column Order,
    // View Mode, projectKind and Progress carry nothing Headway keeps.
    private static readonly string[] Known =
    [
        "Folder Name", "List Name", "Title", "Kind", "Tags", "Content", "Is Check list", "Start Date", "Due Date", "Reminder",
        "Repeat", "Priority", "Status", "Created Time", "Completed Time", "Order", "Timezone", "Is All Day", "Is Floating",
        "Column Name", "Column Order", "View Mode", "taskId", "parentId", "projectKind", "Progress",
    ];

    public static IEnumerable<ReadResult> Read(TextReader text, ReadOptions options)
    {
        var lines = new LineReader(text);
        var seen = new SeenIds();
        Dictionary<string, int>? columns = null;
        int folder = -1, list = -1, title = -1, kind = -1, tags = -1, content = -1, start = -1, due = -1, repeat = -1,
            priority = -1, status = -1, created = -1, completed = -1, timezone = -1, allDay = -1, column = -1, id = -1, parent = -1;

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
                var candidate = CsvRows.Columns(row.Fields);
                if (candidate.ContainsKey("Title") && candidate.ContainsKey("List Name"))
                {
                    if (CsvRows.UnknownColumns(row, "TickTick", Known) is { } unknown)
                    {
                        yield return unknown;
                    }

                    columns = candidate;
                    (folder, list, title, kind, tags, content) = (columns.Index("Folder Name"), columns.Index("List Name"), columns.Index("Title"),
                        columns.Index("Kind"), columns.Index("Tags"), columns.Index("Content"));
                    (start, due, repeat, priority, status, created) = (columns.Index("Start Date"), columns.Index("Due Date"), columns.Index("Repeat"),
                        columns.Index("Priority"), columns.Index("Status"), columns.Index("Created Time"));
                    (completed, timezone, allDay, column, id, parent) = (columns.Index("Completed Time"), columns.Index("Timezone"),
                        columns.Index("Is All Day"), columns.Index("Column Name"), columns.Index("taskId"), columns.Index("parentId"));
                }

                // Anything before the header is the backup's preamble.
                continue;
            }

            if (row.Get(kind).Trim().Equals("NOTE", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (FieldText.OneLine(row.Get(title)) is not { } name)
            {
                yield return ReadResult.Skip(row.Line, "Title", "The task has no title.");
                continue;
            }

            var taskId = FieldText.OneLine(row.Get(id));
            if (!seen.Add(taskId))
            {
                yield return SeenIds.Duplicate(row.Line, "taskId", taskId!);
                continue;
            }

            var results = new List<ReadResult>();
            var zone = FieldText.FindZone(row.Get(timezone)) ?? options.Zone;
            var extra = new Dictionary<string, string>(StringComparer.Ordinal);
            if (FieldText.OneLine(row.Get(folder)) is { } folderName)
            {
                extra["folder"] = folderName;
            }

            var state = row.Get(status).Trim() switch
            {
                "" or "0" => ItemStatus.Open,
                "1" or "2" => ItemStatus.Done,
                "-1" => ItemStatus.Dropped,
                var other => Unknown(results, row.Line, other),
            };
            var dueAt = Instant(row.Get(due), "Due Date", row.Line, results);
            var startAt = Instant(row.Get(start), "Start Date", row.Line, results);
            var item = new ImportedItem
            {
                Line = row.Line,
                SourceId = taskId,
                Text = FieldText.Cap(name, row.Line, "Title", results),
                Status = state,
                CreatedAt = Instant(row.Get(created), "Created Time", row.Line, results),
                CompletedAt = Instant(row.Get(completed), "Completed Time", row.Line, results),
                // An all-day date is stored as the instant of local midnight: the zone of the row gives the date back.
                Due = dueAt is { } d ? FieldText.LocalDate(d, zone) : null,
                Start = startAt is { } s ? FieldText.LocalDate(s, zone) : null,
                Project = FieldText.OneLine(row.Get(list)) ?? options.DefaultProject,
                Section = FieldText.OneLine(row.Get(column)),
                Tags = row.Get(tags).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Notes = row.Get(content).Trim() is { Length: > 0 } note ? [new ImportedNote(FieldText.Cap(note, row.Line, "Content", results))] : [],
                Priority = FieldText.OneLine(row.Get(priority)),
                Recurrence = FieldText.OneLine(row.Get(repeat)),
                ParentId = FieldText.OneLine(row.Get(parent)),
                Extra = extra,
            };
            if (FieldText.OneLine(row.Get(allDay)) is { } isAllDay)
            {
                extra["allDay"] = isAllDay.ToLowerInvariant();
            }

            foreach (var r in results)
            {
                yield return r;
            }

            yield return ReadResult.Of(item);
        }

        if (columns is null)
        {
            yield return ReadResult.Skip(Math.Max(1, lines.Line), null,
                "No TickTick header was found: a backup has a row starting \"Folder Name\",\"List Name\",\"Title\".");
        }
    }

    private static ItemStatus Unknown(List<ReadResult> results, int line, string status)
    {
        results.Add(ReadResult.Warn(line, "Status", $"Unknown status '{(status.Length > 20 ? status[..20] : status)}'; the task was read as open."));
        return ItemStatus.Open;
    }

    /// <summary>TickTick's <c>2026-11-26T10:00:00+0000</c> (an offset without a colon), or ISO 8601.</summary>
    internal static DateTime? Instant(string value, string field, int line, List<ReadResult> results)
    {
        var text = value.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.fffK"],
                CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            || TryCompactOffset(text, out at))
        {
            return at.UtcDateTime;
        }

        results.Add(ReadResult.Warn(line, field, $"'{(text.Length > 30 ? text[..30] + "…" : text)}' is not a date and time; the {field} was left out."));
        return null;
    }

    private static bool TryCompactOffset(string text, out DateTimeOffset at)
    {
        // "+0000" → "+00:00", which .NET's offset specifiers read.
        if (text.Length > 5 && text[^5] is '+' or '-' && !text.AsSpan()[^4..].ContainsAnyExceptInRange('0', '9'))
        {
            var withColon = string.Concat(text.AsSpan(0, text.Length - 2), ":", text.AsSpan(text.Length - 2));
            return DateTimeOffset.TryParseExact(withColon, ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.fffzzz"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out at);
        }

        at = default;
        return false;
    }
}
