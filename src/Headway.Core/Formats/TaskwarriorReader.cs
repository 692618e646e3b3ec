using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Headway.Core.Formats;

/// <summary>
/// Reads Taskwarrior's <c>task export</c>: a JSON array of task objects, or one object per line (JSON Lines), as the
/// task RFC describes them. Streams: each top-level object is cut out of the text by a brace counter that knows JSON
/// strings, then parsed on its own (<see cref="TaskwarriorTaskParser"/>), so memory holds one task at a time and a
/// malformed task costs only itself.
/// </summary>
/// <remarks>
/// A line that holds one whole object (what <c>task export</c> writes) is parsed as it is, without the brace counter.
/// From a file, such a line is parsed straight from the file's UTF-8 bytes, never decoded to a string: an export of
/// 50,000 tasks is 12 MB of UTF-8 but would be 26 MB of UTF-16 lines, made only to be encoded back for the parser.
/// Any other line (a task over several lines, invalid UTF-8, JSON the parser rejects) is decoded and read the careful
/// way, so the items, issues and line numbers are the same whichever way the file is read.
/// </remarks>
internal static class TaskwarriorReader
{
    public static IEnumerable<ReadResult> Read(TextReader text, ReadOptions options)
    {
        var lines = new LineReader(text);
        var cutter = new ObjectCutter(new TaskwarriorTaskParser(options, new SeenIds()));
        var results = new List<ReadResult>();
        while (lines.ReadLine() is { } line)
        {
            cutter.Line(line, lines.Line, results);
            foreach (var result in results)
            {
                yield return result;
            }

            results.Clear();
        }

        cutter.End(results);
        foreach (var result in results)
        {
            yield return result;
        }
    }

    /// <summary>Reads UTF-8 bytes (no byte order mark, or UTF-8's), decoding only the lines that need it.</summary>
    public static IEnumerable<ReadResult> Read(Stream utf8, ReadOptions options)
    {
        using var lines = new Utf8LineReader(utf8);
        var cutter = new ObjectCutter(new TaskwarriorTaskParser(options, new SeenIds()));
        var results = new List<ReadResult>();
        while (lines.TryReadLine(out var bytes))
        {
            if (!cutter.WholeLine(bytes, lines.Line, results))
            {
                cutter.Line(Decode(bytes, lines.Line), lines.Line, results);
            }

            foreach (var result in results)
            {
                yield return result;
            }

            results.Clear();
        }

        cutter.End(results);
        foreach (var result in results)
        {
            yield return result;
        }
    }

    // The line as a text reader would give it: invalid bytes as U+FFFD, a second byte order mark on line 1 dropped.
    private static string Decode(ReadOnlySpan<byte> bytes, int line)
    {
        var text = Encoding.UTF8.GetString(bytes);
        return line == 1 && text.StartsWith('\uFEFF') ? text[1..] : text;
    }

    /// <summary>
    /// Cuts top-level objects out of lines with a brace counter that knows JSON strings, and hands each to the parser.
    /// </summary>
    private sealed class ObjectCutter(TaskwarriorTaskParser parser)
    {
        private static readonly SearchValues<char> Structure = SearchValues.Create("\"{}[]");
        private static readonly SearchValues<char> StringEnd = SearchValues.Create("\"\\");

        private StringBuilder? _buffer;
        private int _depth;
        private bool _inString;
        private int _start;
        private bool _tooLong;
        private bool _multiLine;
        private int _strayReported;

        /// <summary>
        /// Reads a line of valid UTF-8 that holds one whole object, between objects, straight from its bytes; false
        /// (nothing added) when the line must be read the careful way, as text.
        /// </summary>
        public bool WholeLine(ReadOnlySpan<byte> line, int number, List<ReadResult> results)
        {
            if (_depth != 0 || LoneObject(line) is not (var from, > 0 and var length))
            {
                return false;
            }

            // Invalid bytes, or a U+FFFD already in the file, get the text path's warning on their line.
            return Utf8.IsValid(line) && line.IndexOf("\uFFFD"u8) < 0 && parser.TryParse(line.Slice(from, length), number, results);
        }

        public void Line(string line, int number, List<ReadResult> results)
        {
            if (LineReader.CheckEncoding(line, number) is { } encoding)
            {
                results.Add(encoding);
            }

            // The usual line, one whole task object (task export writes one per line): parsed as it is, without the
            // brace counter. A line the parser rejects is read again the careful way below, so issues are the same.
            if (_depth == 0 && LoneObject(line) is (var objectFrom, > 0 and var objectLength)
                && parser.TryParse(line.AsSpan(objectFrom, objectLength), number, results))
            {
                return;
            }

            var from = 0;
            var i = 0;
            while (i < line.Length)
            {
                if (_depth == 0)
                {
                    var c = line[i];
                    if (c == '{')
                    {
                        _depth = 1;
                        _start = number;
                        from = i;
                        _buffer?.Clear();
                        _multiLine = false;
                        _tooLong = false;
                    }
                    else if (!char.IsWhiteSpace(c) && c is not ('[' or ']' or ',') && _strayReported != number)
                    {
                        _strayReported = number;
                        results.Add(ReadResult.Skip(number, null, $"Unexpected '{c}' outside a task object: each task must be a JSON object."));
                    }

                    i++;
                    continue;
                }

                if (_inString)
                {
                    // Jump to the closing quote or the next escape (which takes the character after it).
                    var k = line.AsSpan(i).IndexOfAny(StringEnd);
                    if (k < 0)
                    {
                        i = line.Length;
                        break;
                    }

                    i += k;
                    if (line[i] == '\\')
                    {
                        i += 2;
                    }
                    else
                    {
                        _inString = false;
                        i++;
                    }

                    continue;
                }

                var n = line.AsSpan(i).IndexOfAny(Structure);
                if (n < 0)
                {
                    i = line.Length;
                    break;
                }

                i += n;
                var s = line[i++];
                if (s == '"')
                {
                    _inString = true;
                }
                else if (s is '{' or '[')
                {
                    _depth++;
                }
                else if (--_depth == 0)
                {
                    if (!_tooLong)
                    {
                        if (_multiLine)
                        {
                            _buffer!.Append(line, from, i - from);
                            parser.Parse(_buffer.ToString(), _start, results);
                        }
                        else
                        {
                            parser.Parse(line.AsSpan(from, i - from), _start, results);
                        }
                    }

                    _buffer?.Clear();
                    _multiLine = false;
                }
            }

            if (_depth == 0)
            {
                return;
            }

            if (_inString)
            {
                // JSON strings never hold a raw line break: the task is malformed. Start afresh on the next line.
                results.Add(ReadResult.Skip(_start, null, "The task object has an unterminated string: check the quotes on this line."));
                _depth = 0;
                _inString = false;
                _buffer?.Clear();
                _multiLine = false;
                return;
            }

            if (!_tooLong)
            {
                _buffer ??= new StringBuilder();
                _buffer.Append(line, from, line.Length - from).Append('\n');
                _multiLine = true;
                if (_buffer.Length > ReadOptions.MaxRecordChars)
                {
                    _tooLong = true;
                    _buffer.Clear();
                    results.Add(ReadResult.Skip(_start, null, "The task object is larger than 16 MB; it was skipped."));
                }
            }
        }

        public void End(List<ReadResult> results)
        {
            if (_depth > 0)
            {
                results.Add(ReadResult.Skip(_start, null, "The file ends inside a task object: the last task is cut off."));
            }
        }

        // Where a line holds one object between characters the brace counter passes over ('[', ']', ',' and white
        // space), or a length of 0. For valid JSON the counter would cut out exactly this object.
        private static (int From, int Length) LoneObject(ReadOnlySpan<char> line) =>
            LoneObject(line, '{', '}', static c => c is '[' or ']' or ',' || char.IsWhiteSpace(c));

        // The same for UTF-8. Only ASCII white space is passed over: a line with other white space at either end is
        // read as text, where char.IsWhiteSpace decides as above.
        private static (int From, int Length) LoneObject(ReadOnlySpan<byte> line) =>
            LoneObject(line, (byte)'{', (byte)'}', static b => b is (byte)'[' or (byte)']' or (byte)',' or (byte)' ' or (>= 9 and <= 13));

        private static (int From, int Length) LoneObject<T>(ReadOnlySpan<T> line, T open, T close, Func<T, bool> between)
            where T : IEquatable<T>
        {
            var from = 0;
            while (from < line.Length && between(line[from]))
            {
                from++;
            }

            var to = line.Length;
            while (to > from && between(line[to - 1]))
            {
                to--;
            }

            return to - from >= 2 && line[from].Equals(open) && line[to - 1].Equals(close) ? (from, to - from) : (0, 0);
        }
    }
}
