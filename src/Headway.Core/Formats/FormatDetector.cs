namespace Headway.Core.Formats;

/// <summary>
/// Tells a backlog file's format from its first lines (docs/formats.md): <c>[</c> or <c>{</c> → Taskwarrior JSON;
/// <c>BEGIN:VCALENDAR</c> → iCalendar; a CSV header with <c>TYPE</c> and <c>CONTENT</c> → Todoist; a header with
/// <c>Folder Name</c>, <c>List Name</c> and <c>Title</c> (after TickTick's preamble) → TickTick; lines with todo.txt
/// markers (<c>x 2026-…</c>, <c>(A) </c>, a leading date, <c>+project</c>, <c>@context</c>, <c>due:</c>) → todo.txt;
/// anything else → plain text.
/// </summary>
public static class FormatDetector
{
    /// <summary>How much of the file is looked at, in characters.</summary>
    public const int HeadChars = 64 * 1024;

    private const int HeadLines = 50;

    /// <summary>The format of a file that starts with <paramref name="head"/>.</summary>
    public static TaskFormat Detect(string head)
    {
        var text = head.AsSpan().TrimStart('\uFEFF').TrimStart();
        if (text.IsEmpty)
        {
            return TaskFormat.PlainText;
        }

        if (text[0] is '[' or '{')
        {
            return TaskFormat.Taskwarrior;
        }

        if (text.StartsWith("BEGIN:VCALENDAR", StringComparison.OrdinalIgnoreCase))
        {
            return TaskFormat.ICalendar;
        }

        var lines = new List<string>(HeadLines);
        foreach (var range in text.Split('\n'))
        {
            var line = text[range].TrimEnd('\r');
            if (!line.IsWhiteSpace())
            {
                lines.Add(line.ToString());
            }

            if (lines.Count == HeadLines)
            {
                break;
            }
        }

        if (IsHeader(lines[0], "TYPE", "CONTENT"))
        {
            return TaskFormat.Todoist;
        }

        if (lines.Exists(l => IsHeader(l, "Folder Name", "List Name", "Title")))
        {
            return TaskFormat.TickTick;
        }

        var marked = lines.Count(HasTodoTxtMarker);
        return marked > 0 && marked * 5 >= lines.Count ? TaskFormat.TodoTxt : TaskFormat.PlainText;
    }

    /// <summary>
    /// Reads the head of <paramref name="reader"/>, detects the format, and returns a reader that starts again from the
    /// beginning (the head replayed, then the rest), so nothing is read twice from the source.
    /// </summary>
    public static (TaskFormat Format, TextReader Reader) Detect(TextReader reader)
    {
        var (head, replay) = ReadHead(reader);
        return (Detect(head), replay);
    }

    /// <summary>The format of a seekable stream, told from its head; the stream is moved back to where it was.</summary>
    public static TaskFormat Detect(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var position = stream.Position;
        using var reader = BacklogReader.OpenText(stream, leaveOpen: true);
        var (head, _) = ReadHead(reader);
        stream.Position = position;
        return Detect(head);
    }

    /// <summary>
    /// Reads the first <see cref="HeadChars"/> characters of <paramref name="reader"/> for detection, and returns them
    /// with a reader that starts again from the beginning (the head replayed, then the rest).
    /// </summary>
    public static (string Head, TextReader Replay) ReadHead(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var buffer = new char[HeadChars];
        var count = reader.ReadBlock(buffer, 0, buffer.Length);
        var head = new string(buffer, 0, count);
        return (head, new ReplayReader(head, reader));
    }

    // A CSV header naming all the given columns (quoted or not, any case).
    private static bool IsHeader(string line, params string[] names)
    {
        var fields = line.Split(',').Select(f => f.Trim().Trim('"').Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return names.All(fields.Contains);
    }

    internal static bool HasTodoTxtMarker(string line)
    {
        var l = line.AsSpan().Trim();
        if (l.Length >= 12 && l.StartsWith("x ", StringComparison.Ordinal) && FieldText.TryDate(l.Slice(2, 10), out _))
        {
            return true;
        }

        if (l.Length >= 4 && l[0] == '(' && l[1] is >= 'A' and <= 'Z' && l[2] == ')' && l[3] == ' ')
        {
            return true;
        }

        if (l.Length >= 11 && FieldText.TryDate(l[..10], out _) && l[10] == ' ')
        {
            return true;
        }

        foreach (var range in l.Split(' '))
        {
            var word = l[range];
            if (word.Length > 1 && word[0] is '+' or '@' && char.IsLetterOrDigit(word[1]))
            {
                return true;
            }

            if (word.StartsWith("due:", StringComparison.Ordinal) || word.StartsWith("t:", StringComparison.Ordinal)
                || word.StartsWith("rec:", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A reader that gives back an already-read head, then the rest of the source.</summary>
internal sealed class ReplayReader(string head, TextReader rest) : TextReader
{
    private int _position;

    public override int Peek() => _position < head.Length ? head[_position] : rest.Peek();

    public override int Read() => _position < head.Length ? head[_position++] : rest.Read();

    public override int Read(Span<char> buffer)
    {
        if (_position >= head.Length)
        {
            return rest.Read(buffer);
        }

        var n = Math.Min(buffer.Length, head.Length - _position);
        head.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override string? ReadLine()
    {
        if (_position >= head.Length)
        {
            return rest.ReadLine();
        }

        var remaining = head.AsSpan(_position);
        var end = remaining.IndexOfAny('\r', '\n');
        if (end >= 0 && !(remaining[end] == '\r' && end == remaining.Length - 1))
        {
            var line = remaining[..end].ToString();
            _position += end + (remaining[end] == '\r' && end + 1 < remaining.Length && remaining[end + 1] == '\n' ? 2 : 1);
            return line;
        }

        // The line runs past the head: its end is in the rest of the source.
        _position = head.Length;
        if (end >= 0)
        {
            // The head ends with '\r'; a '\n' starting the rest belongs to the same line break.
            if (rest.Peek() == '\n')
            {
                rest.Read();
            }

            return remaining[..end].ToString();
        }

        return string.Concat(remaining, rest.ReadLine());
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            rest.Dispose();
        }

        base.Dispose(disposing);
    }
}
