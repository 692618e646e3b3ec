using System.Globalization;
using System.Text;
using System.Text.Json;
using Headway.Core.Weeks;

namespace Headway.App.Transfer;

/// <summary>The formats <c>headway export</c> writes.</summary>
public enum ExportFormat
{
    /// <summary>The Headway JSON document: everything, read back losslessly by <c>import</c>.</summary>
    Json,

    /// <summary>iCalendar: a VTODO per action, a VEVENT per commitment.</summary>
    ICalendar,

    /// <summary>todo.txt: one line per open or done action.</summary>
    TodoTxt,
}

/// <summary>Writes an exported <see cref="HeadwayDocument"/> in one of the <see cref="ExportFormat"/>s.</summary>
public static class ExportWriters
{
    public static async Task WriteAsync(HeadwayDocument doc, ExportFormat format, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);
        switch (format)
        {
            case ExportFormat.Json:
                await using (var stream = new TextWriterStream(output))
                {
                    await JsonSerializer.SerializeAsync(stream, doc, TransferJsonContext.Default.HeadwayDocument, ct);
                }

                await output.WriteAsync('\n');
                break;
            case ExportFormat.ICalendar:
                WriteICalendar(doc, output);
                break;
            default:
                WriteTodoTxt(doc, output);
                break;
        }

        await output.FlushAsync(ct);
    }

    /// <summary>
    /// RFC 5545: CRLF line ends, lines folded at 75 octets (never inside a UTF-8 sequence), text escaped. Each action
    /// keeps the UID it was imported with, so a calendar that re-imports the file updates its own items.
    /// </summary>
    public static void WriteICalendar(HeadwayDocument doc, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var goals = doc.Goals.ToDictionary(g => g.Id, g => g.Title);
        var actions = doc.Actions.ToDictionary(a => a.Id, a => a.Text);
        Line(w, "BEGIN:VCALENDAR");
        Line(w, "VERSION:2.0");
        Line(w, "PRODID:-//Headway//Headway export//EN");
        Line(w, "CALSCALE:GREGORIAN");
        foreach (var a in doc.Actions)
        {
            Line(w, "BEGIN:VTODO");
            Line(w, "UID:" + Escape(a.Source == "ical" && a.SourceId is { } uid ? uid : $"action-{a.Id}@headway"));
            Line(w, "DTSTAMP:" + Instant(a.UpdatedAt));
            Line(w, "CREATED:" + Instant(a.CreatedAt));
            Line(w, "SUMMARY:" + Escape(a.Text));
            if (a.Result is { } result)
            {
                Line(w, "DESCRIPTION:" + Escape("Result: " + result));
            }

            if (a.Due is { } due)
            {
                Line(w, "DUE;VALUE=DATE:" + Date(due));
            }

            Line(w, "STATUS:" + a.Status switch { "done" => "COMPLETED", "dropped" => "CANCELLED", _ => "NEEDS-ACTION" });
            if (a.Status == "done" && a.CompletedAt is { } completed)
            {
                Line(w, "COMPLETED:" + Instant(completed));
            }

            var categories = new List<string>();
            if (a.GoalId is { } goal && goals.TryGetValue(goal, out var title))
            {
                categories.Add(title);
            }

            categories.AddRange(a.Labels.Select(l => l.TrimStart('+', '@')));
            if (categories.Count > 0)
            {
                Line(w, "CATEGORIES:" + string.Join(',', categories.Select(Escape)));
            }

            Line(w, "END:VTODO");
        }

        foreach (var c in doc.Commitments)
        {
            var what = c.GoalId is { } g && goals.TryGetValue(g, out var goal) ? goal
                : c.ActionId is { } a && actions.TryGetValue(a, out var action) ? action : "";
            Line(w, "BEGIN:VEVENT");
            Line(w, $"UID:commitment-{c.Id.ToString(CultureInfo.InvariantCulture)}@headway");
            Line(w, "DTSTAMP:" + Instant(c.CreatedAt));
            Line(w, "DTSTART;VALUE=DATE:" + Date(c.Due));
            Line(w, "DTEND;VALUE=DATE:" + Date(c.Due.AddDays(1)));
            Line(w, "SUMMARY:" + Escape(c.EventName is { } name ? $"{name} (commitment: {what})" : $"Commitment: {what}"));
            if (c.EventLink is { } link)
            {
                Line(w, "URL:" + link);
            }

            Line(w, "STATUS:" + (c.Status is "dropped" or "missed" ? "CANCELLED" : "CONFIRMED"));
            Line(w, "END:VEVENT");
        }

        Line(w, "END:VCALENDAR");
    }

    /// <summary>
    /// todo.txt: <c>x</c> and the completion date for done actions, the creation date, the text, the goal as a
    /// <c>+project</c>, labels, <c>due:</c>. Dropped actions are left out: todo.txt has no way to say "given up".
    /// Dates are in the user's time zone.
    /// </summary>
    public static void WriteTodoTxt(HeadwayDocument doc, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var zone = WeekCalendar.TryFindZone(doc.User.TimeZone, out var z) ? z : TimeZoneInfo.Utc;
        var projects = doc.Goals.ToDictionary(g => g.Id, g => Word(g.SourceKey ?? g.Title));
        var line = new StringBuilder();
        foreach (var a in doc.Actions)
        {
            if (a.Status == "dropped")
            {
                continue;
            }

            line.Clear();
            if (a.Status == "done")
            {
                line.Append("x ").Append(Date(LocalDate(a.CompletedAt ?? a.UpdatedAt, zone), "yyyy-MM-dd")).Append(' ');
            }

            line.Append(Date(LocalDate(a.CreatedAt, zone), "yyyy-MM-dd")).Append(' ').Append(a.Text);
            if (a.GoalId is { } goal && projects.TryGetValue(goal, out var project))
            {
                line.Append(" +").Append(project);
            }

            foreach (var label in a.Labels)
            {
                line.Append(' ').Append(label.StartsWith('+') || label.StartsWith('@') ? label[0] + Word(label[1..]) : "+" + Word(label));
            }

            if (a.Due is { } due)
            {
                line.Append(" due:").Append(Date(due, "yyyy-MM-dd"));
            }

            w.Write(line);
            w.Write('\n');
        }
    }

    // A todo.txt +project or @context is one word.
    private static string Word(string text) => string.Join('-', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static DateOnly LocalDate(DateTime utc, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));

    private static string Date(DateOnly date, string pattern = "yyyyMMdd") => date.ToString(pattern, CultureInfo.InvariantCulture);

    private static string Instant(DateTime utc) => utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\\' => sb.Append(@"\\"),
                ';' => sb.Append(@"\;"),
                ',' => sb.Append(@"\,"),
                '\n' => sb.Append(@"\n"),
                '\r' => sb,
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }

    // Folds a content line at 75 octets: each continuation starts with a space.
    private static void Line(TextWriter w, string line)
    {
        var octets = 0;
        var limit = 75;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            var width = char.IsHighSurrogate(c) && i + 1 < line.Length ? 4 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            if (octets + width > limit)
            {
                w.Write("\r\n ");
                octets = 0;
                limit = 74; // the leading space counts
            }

            w.Write(c);
            if (width == 4)
            {
                w.Write(line[++i]);
            }

            octets += width;
        }

        w.Write("\r\n");
    }
}
