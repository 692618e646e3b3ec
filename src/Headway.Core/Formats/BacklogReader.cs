using System.Text;

namespace Headway.Core.Formats;

/// <summary>
/// Reads another tool's backlog file into <see cref="ImportedItem"/>s, lazily: items and issues come out as the file is
/// read, so memory stays flat whatever its size. A bad record yields a <see cref="ReadIssue"/> with its line and the
/// reading goes on. Culture-invariant; no I/O beyond the given reader.
/// </summary>
public static class BacklogReader
{
    /// <summary>Reads <paramref name="reader"/> as <paramref name="format"/>.</summary>
    public static IEnumerable<ReadResult> Read(TextReader reader, TaskFormat format, ReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var o = options ?? ReadOptions.Default;
        return format switch
        {
            TaskFormat.Taskwarrior => TaskwarriorReader.Read(reader, o),
            TaskFormat.TodoTxt => TodoTxtReader.Read(reader, o),
            TaskFormat.Todoist => TodoistReader.Read(reader, o),
            TaskFormat.TickTick => TickTickReader.Read(reader, o),
            TaskFormat.ICalendar => ICalendarReader.Read(reader, o),
            _ => PlainTextReader.Read(reader, o),
        };
    }

    /// <summary>
    /// Reads <paramref name="stream"/> (UTF-8, or UTF-16 with its byte order mark, as <see cref="OpenText"/> reads it)
    /// as <paramref name="format"/>, from its current position; the caller keeps ownership of the stream. A seekable
    /// UTF-8 Taskwarrior export is parsed straight from its bytes (<see cref="TaskwarriorReader"/> says why).
    /// </summary>
    public static IEnumerable<ReadResult> Read(Stream stream, TaskFormat format, ReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var o = options ?? ReadOptions.Default;
        return format == TaskFormat.Taskwarrior && IsUtf8(stream)
            ? TaskwarriorReader.Read(stream, o)
            : Read(OpenText(stream, leaveOpen: true), format, o);
    }

    // No UTF-16 or UTF-32 byte order mark, which a text reader would honour. Looked at only where the stream can seek
    // back; otherwise the text reader decides.
    private static bool IsUtf8(Stream stream)
    {
        if (!stream.CanSeek)
        {
            return false;
        }

        Span<byte> head = stackalloc byte[4];
        var position = stream.Position;
        head = head[..stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false)];
        stream.Position = position;
        return !(head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
            || head.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]));
    }

    /// <summary>
    /// A text reader over bytes: UTF-8 (a UTF-8 or UTF-16 byte order mark is honoured and dropped), with invalid bytes
    /// replaced by U+FFFD, which the readers report as an issue on their line.
    /// </summary>
    public static StreamReader OpenText(Stream stream, bool leaveOpen = false) =>
        new(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: true,
            bufferSize: 1 << 16, leaveOpen);
}
