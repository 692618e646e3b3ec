using System.Text;
using CsCheck;
using Headway.Core.Formats;
using Xunit;
using static Headway.Core.Tests.Formats.SampleFiles;

namespace Headway.Core.Tests.Formats;

public sealed class DetectionAndBadInputTests
{
    [Theory]
    [InlineData("taskwarrior-export.json", TaskFormat.Taskwarrior)]
    [InlineData("taskwarrior-lines.json", TaskFormat.Taskwarrior)]
    [InlineData("todo.txt", TaskFormat.TodoTxt)]
    [InlineData("todoist.csv", TaskFormat.Todoist)]
    [InlineData("ticktick-backup.csv", TaskFormat.TickTick)]
    [InlineData("tasks.ics", TaskFormat.ICalendar)]
    [InlineData("plain.txt", TaskFormat.PlainText)]
    public void Detect_TellsEachSampleFilesFormat(string file, TaskFormat expected)
    {
        using var reader = BacklogReader.OpenText(File.OpenRead(PathOf(file)));

        var (format, replay) = FormatDetector.Detect(reader);
        var (items, _) = Collect(BacklogReader.Read(replay, format));

        Assert.Equal(expected, format);
        Assert.NotEmpty(items);
    }

    [Theory]
    [InlineData("\uFEFF  \n[{\"description\":\"x\"}]", TaskFormat.Taskwarrior)]
    [InlineData("begin:vcalendar\r\n", TaskFormat.ICalendar)]
    [InlineData("\"TYPE\",\"CONTENT\",\"PRIORITY\"\n", TaskFormat.Todoist)]
    [InlineData("x 2026-11-01 pay rent\nbuy milk\n", TaskFormat.TodoTxt)]
    [InlineData("call the bank\nbuy milk\nemail Sam\n", TaskFormat.PlainText)]
    [InlineData("", TaskFormat.PlainText)]
    public void Detect_ByContent(string head, TaskFormat expected) => Assert.Equal(expected, FormatDetector.Detect(head));

    [Fact]
    public void Detect_ReplaysTheHead_WhenALineCrossesIt()
    {
        var longLine = new string('a', FormatDetector.HeadChars + 10);
        using var reader = new StringReader("first line\r\n" + longLine + "\r\nlast\n");

        var (_, replay) = FormatDetector.Detect(reader);

        Assert.Equal("first line", replay.ReadLine());
        Assert.Equal(longLine, replay.ReadLine());
        Assert.Equal("last", replay.ReadLine());
        Assert.Null(replay.ReadLine());
    }

    [Theory]
    [InlineData(TaskFormat.Taskwarrior, "{\"description\":\"write the intro\"}")]
    [InlineData(TaskFormat.TodoTxt, "(A) write the intro")]
    [InlineData(TaskFormat.PlainText, "write the intro")]
    [InlineData(TaskFormat.Todoist, "TYPE,CONTENT\r\ntask,write the intro")]
    [InlineData(TaskFormat.TickTick, "\"List Name\",\"Title\"\r\nInbox,write the intro")]
    [InlineData(TaskFormat.ICalendar, "BEGIN:VCALENDAR\r\nBEGIN:VTODO\r\nSUMMARY:write the intro\r\nEND:VTODO\r\nEND:VCALENDAR")]
    public void BomAndCrlf_AreHandledByEveryReader(TaskFormat format, string body)
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(body.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n")).ToArray();

        var (items, issues) = ReadBytes(bytes, format);

        Assert.Empty(issues);
        Assert.Equal("write the intro", Assert.Single(items).Text);
    }

    [Fact]
    public void InvalidUtf8_IsReplaced_AndReportedOnItsLine()
    {
        byte[] bytes = [.. "buy milk\ncall "u8, 0xC3, 0x28, 0xFF, .. " mom\n"u8];

        var (items, issues) = ReadBytes(bytes, TaskFormat.PlainText);

        Assert.Equal(2, items.Count);
        Assert.Contains('\uFFFD', items[1].Text);
        var issue = Assert.Single(issues);
        Assert.Equal((2, false), (issue.Line, issue.Skipped));
        Assert.Contains("UTF-8", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TaskFormat.PlainText)]
    [InlineData(TaskFormat.TodoTxt)]
    [InlineData(TaskFormat.Taskwarrior)]
    [InlineData(TaskFormat.Todoist)]
    public void TenMegabyteField_IsCut_WithAnIssue_AndTheNextItemIsRead(TaskFormat format)
    {
        var huge = "write " + new string('x', 10 * 1024 * 1024);
        var text = format switch
        {
            TaskFormat.Taskwarrior => $"{{\"description\":\"{huge}\"}}\n{{\"description\":\"next\"}}\n",
            TaskFormat.Todoist => $"TYPE,CONTENT\ntask,\"{huge}\"\ntask,next\n",
            _ => huge + "\nnext\n",
        };

        var (items, issues) = ReadText(text, format);

        Assert.Equal(2, items.Count);
        Assert.Equal(ReadOptions.MaxFieldChars, items[0].Text.Length);
        Assert.Equal("next", items[1].Text);
        Assert.False(Assert.Single(issues).Skipped);
    }

    [Fact]
    public void AMillionLines_StreamWithTheirLineNumbers()
    {
        var count = 0;
        var last = 0;
        using var reader = new MillionLines();
        foreach (var result in BacklogReader.Read(reader, TaskFormat.TodoTxt))
        {
            count++;
            last = result.Item!.Line;
        }

        Assert.Equal(1_000_000, count);
        Assert.Equal(1_000_000, last);
    }

    [Fact]
    public void RandomBytes_NeverThrow_InAnyFormat()
    {
        Gen.Byte.Array[0, 600].Sample(bytes =>
        {
            foreach (var format in Enum.GetValues<TaskFormat>())
            {
                var (items, issues) = ReadBytes(bytes, format);
                Assert.All(items, i => Assert.False(string.IsNullOrWhiteSpace(i.Text)));
                Assert.All(issues, i => Assert.True(i.Line >= 1));
            }

            using var reader = BacklogReader.OpenText(new MemoryStream(bytes));
            _ = FormatDetector.Detect(reader);

            // From a stream (bytes parsed without decoding where they can be): the same items and issues as from text.
            using var stream = new MemoryStream(bytes);
            var detected = FormatDetector.Detect(stream);
            Assert.Equal(0, stream.Position);
            var (streamItems, streamIssues) = Collect(BacklogReader.Read(stream, TaskFormat.Taskwarrior));
            var (textItems, textIssues) = ReadBytes(bytes, TaskFormat.Taskwarrior);
            Assert.Equal(textIssues, streamIssues);
            Assert.Equal(textItems.Select(i => (i.Line, i.Text, i.SourceId)), streamItems.Select(i => (i.Line, i.Text, i.SourceId)));
            Assert.Equal(FormatDetector.Detect(BacklogReader.OpenText(new MemoryStream(bytes))).Format, detected);
        }, iter: 300);
    }

    [Fact]
    public void RandomStructuredText_NeverThrows()
    {
        var piece = Gen.OneOf<string>("{", "}", "[", "]", "\"", ",", "\n", "\r\n", "\\", ":", ";", "BEGIN:VTODO", "END:VTODO", "SUMMARY:x",
            "BEGIN:VCALENDAR", "TYPE,CONTENT", "task,", "note,", "x ", "(A) ", "2026-11-01 ", "due:", " ", "description", "é", "\uFEFF");
        piece.Array[0, 80].Select(p => string.Concat(p)).Sample(text =>
        {
            foreach (var format in Enum.GetValues<TaskFormat>())
            {
                _ = ReadText(text, format);
            }
        }, iter: 500);
    }

    // Generates "task N +project" lines on the fly: a million lines without a million-line string in memory.
    private sealed class MillionLines : TextReader
    {
        private int _n;

        public override string? ReadLine() => _n++ < 1_000_000 ? $"(B) task {_n} +project @home" : null;
    }
}
