namespace Headway.Core.Formats;

/// <summary>
/// Reads plain text: one action per non-empty line. A leading list marker (<c>-</c>, <c>*</c>, <c>•</c>, <c>1.</c>)
/// is dropped, and a Markdown checkbox says whether the item is done (<c>- [x]</c>) or open (<c>- [ ]</c>).
/// </summary>
internal static class PlainTextReader
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

            var rest = StripMarker(line.AsSpan().Trim(), out var done);
            if (rest.IsEmpty)
            {
                continue;
            }

            var issues = new List<ReadResult>();
            var item = new ImportedItem
            {
                Line = lines.Line,
                Text = FieldText.Cap(rest.ToString(), lines.Line, "text", issues),
                Status = done ? ItemStatus.Done : ItemStatus.Open,
                Project = options.DefaultProject,
            };
            foreach (var issue in issues)
            {
                yield return issue;
            }

            yield return ReadResult.Of(item);
        }
    }

    private static ReadOnlySpan<char> StripMarker(ReadOnlySpan<char> line, out bool done)
    {
        done = false;
        if (line.Length >= 2 && line[0] is '-' or '*' or '+' or '•' && line[1] == ' ')
        {
            line = line[2..].TrimStart();
        }
        else
        {
            var digits = 0;
            while (digits < line.Length && digits < 4 && char.IsAsciiDigit(line[digits]))
            {
                digits++;
            }

            if (digits > 0 && digits + 1 < line.Length && line[digits] is '.' or ')' && line[digits + 1] == ' ')
            {
                line = line[(digits + 2)..].TrimStart();
            }
        }

        if (line.Length >= 3 && line[0] == '[' && line[2] == ']' && line[1] is ' ' or 'x' or 'X')
        {
            done = line[1] != ' ';
            line = line[3..].TrimStart();
        }

        return line;
    }
}
