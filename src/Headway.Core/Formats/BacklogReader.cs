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
    /// A text reader over bytes: UTF-8 (a UTF-8 or UTF-16 byte order mark is honoured and dropped), with invalid bytes
    /// replaced by U+FFFD, which the readers report as an issue on their line.
    /// </summary>
    public static StreamReader OpenText(Stream stream) =>
        new(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
}
