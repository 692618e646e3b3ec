namespace Headway.Core.Formats;

/// <summary>
/// Reads lines and counts them: LF, CRLF and CR all end a line, a leading BOM is dropped, and a line that holds
/// U+FFFD (what the decoder puts in place of invalid UTF-8) can be told apart. Lines pushed back are read again first,
/// so a reader can retry lines it took too eagerly (a CSV record with an unclosed quote).
/// </summary>
internal sealed class LineReader(TextReader reader)
{
    private readonly Stack<(int Line, string Text)> _pushedBack = new();

    /// <summary>The number of the line last returned (1-based; 0 before the first).</summary>
    public int Line { get; private set; }

    public string? ReadLine()
    {
        if (_pushedBack.TryPop(out var back))
        {
            Line = back.Line;
            return back.Text;
        }

        var text = reader.ReadLine();
        if (text is null)
        {
            return null;
        }

        Line++;
        return Line == 1 && text.StartsWith('\uFEFF') ? text[1..] : text;
    }

    /// <summary>Makes the given lines (in file order, numbered from <paramref name="firstLine"/>) the next ones read.</summary>
    public void PushBack(int firstLine, IReadOnlyList<string> lines)
    {
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            _pushedBack.Push((firstLine + i, lines[i]));
        }

        Line = firstLine - 1;
    }

    /// <summary>The issue to report when a line held invalid UTF-8 (now U+FFFD), or null.</summary>
    public static ReadResult? CheckEncoding(string text, int line) =>
        text.Contains('\uFFFD', StringComparison.Ordinal)
            ? ReadResult.Warn(line, null, "The line holds bytes that are not valid UTF-8; they were replaced by \uFFFD: save the file as UTF-8.")
            : null;
}
