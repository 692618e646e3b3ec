namespace Headway.Core.Formats;

/// <summary>
/// Reads todo.txt (github.com/todotxt/todo.txt): one task per line; <c>x</c> and a completion date for done tasks,
/// <c>(A)</c> priority, a creation date, <c>+project</c>, <c>@context</c> and <c>key:value</c> tags anywhere in the
/// text (<c>due:</c>, <c>t:</c> threshold, <c>rec:</c> recurrence, <c>pri:</c> the priority a done task had).
/// </summary>
internal static class TodoTxtReader
{
    public static IEnumerable<ReadResult> Read(TextReader text, ReadOptions options)
    {
        var lines = new LineReader(text);
        while (lines.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (LineReader.CheckEncoding(line, lines.Line) is { } encoding)
            {
                yield return encoding;
            }

            foreach (var result in Parse(line, lines.Line, options))
            {
                yield return result;
            }
        }
    }

    /// <summary>One todo.txt line → the item, after any issues about it.</summary>
    internal static List<ReadResult> Parse(string line, int number, ReadOptions options)
    {
        var results = new List<ReadResult>(1);
        var rest = line.AsSpan().Trim();
        var status = ItemStatus.Open;
        DateOnly? completed = null;
        DateOnly? created = null;
        string? priority = null;

        if (rest.StartsWith("x ", StringComparison.Ordinal))
        {
            status = ItemStatus.Done;
            rest = rest[2..].TrimStart();
            if (TakeDate(ref rest) is { } done)
            {
                completed = done;
                created = TakeDate(ref rest);
            }
        }
        else
        {
            if (rest.Length >= 4 && rest[0] == '(' && rest[1] is >= 'A' and <= 'Z' && rest[2] == ')' && rest[3] == ' ')
            {
                priority = rest[1].ToString();
                rest = rest[4..].TrimStart();
            }

            created = TakeDate(ref rest);
        }

        var words = new List<string>();
        var tags = new List<string>();
        var contexts = new List<string>();
        var extra = new Dictionary<string, string>(StringComparer.Ordinal);
        string? project = null;
        DateOnly? due = null;
        DateOnly? start = null;
        string? recurrence = null;
        foreach (var range in rest.Split(' '))
        {
            var word = rest[range];
            if (word.IsEmpty)
            {
                continue;
            }

            if (word.Length > 1 && word[0] == '+')
            {
                var name = word[1..].ToString();
                if (project is null)
                {
                    project = name;
                }
                else
                {
                    tags.Add(name);
                }

                continue;
            }

            if (word.Length > 1 && word[0] == '@')
            {
                contexts.Add(word[1..].ToString());
                continue;
            }

            var colon = word.IndexOf(':');
            if (colon > 0 && colon < word.Length - 1 && word[colon + 1] != '/' && word[..colon].IndexOfAny(':', '/') < 0)
            {
                var key = word[..colon].ToString();
                var value = word[(colon + 1)..].ToString();
                switch (key)
                {
                    case "due":
                        due = Date(value, number, "due", results);
                        break;
                    case "t":
                        start = Date(value, number, "t", results);
                        break;
                    case "rec":
                        recurrence = value;
                        break;
                    case "pri" when status == ItemStatus.Done && value.Length == 1:
                        priority = value;
                        break;
                    default:
                        extra[key] = value;
                        break;
                }

                continue;
            }

            words.Add(word.ToString());
        }

        var text = string.Join(' ', words);
        if (text.Length == 0)
        {
            // A line of tags only ("+garden @home"): its tags are its text.
            text = rest.ToString();
        }

        if (text.Length == 0)
        {
            // Nothing but the markers ("x 2026-11-25", "(A) 2026-11-20"): there is no task to keep (found by fuzzing).
            results.Add(ReadResult.Skip(number, "text", "The line has dates or a priority but no task text; it was skipped."));
            return results;
        }

        results.Add(ReadResult.Of(new ImportedItem
        {
            Line = number,
            Text = FieldText.Cap(text, number, "text", results),
            Status = status,
            CreatedAt = created is { } c ? c.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : null,
            CompletedAt = completed is { } d ? d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : null,
            Due = due,
            Start = start,
            Project = project ?? options.DefaultProject,
            Tags = tags,
            Contexts = contexts,
            Priority = priority,
            Recurrence = recurrence,
            Extra = extra,
        }));
        return results;
    }

    private static DateOnly? TakeDate(ref ReadOnlySpan<char> rest)
    {
        if (rest.Length >= 10 && (rest.Length == 10 || rest[10] == ' ') && FieldText.TryDate(rest[..10], out var date))
        {
            rest = rest[10..].TrimStart();
            return date;
        }

        return null;
    }

    private static DateOnly? Date(string value, int line, string key, List<ReadResult> results)
    {
        if (FieldText.TryDate(value, out var date))
        {
            return date;
        }

        results.Add(ReadResult.Warn(line, key, $"'{key}:{value}' is not a date (YYYY-MM-DD); it was left out."));
        return null;
    }
}
