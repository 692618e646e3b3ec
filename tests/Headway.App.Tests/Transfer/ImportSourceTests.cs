using Headway.App.Transfer;
using Headway.Core.Formats;

namespace Headway.App.Tests.Transfer;

/// <summary>Reading an import's input once: the head read for detection is given back exactly, line ends included.</summary>
public sealed class ImportSourceTests
{
    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Detect_GivesBackEveryLine_WhenALineEndStraddlesTheHead(string newline)
    {
        // The first line ends just before, exactly at, and just after the head's last character: with CRLF, one case
        // splits the line break between the head and the rest.
        for (var length = ImportSource.HeadChars - 2; length <= ImportSource.HeadChars; length++)
        {
            string[] lines = [new string('y', length), "call Sam", "", "write 500 words"];
            var (kind, format, reader) = ImportSource.Detect(new StringReader(string.Join(newline, lines) + newline), null, TaskFormat.PlainText);

            var read = new List<string>();
            while (reader.ReadLine() is { } line)
            {
                read.Add(line);
            }

            Assert.Equal((ImportKind.Backlog, TaskFormat.PlainText), (kind, format));
            Assert.Equal(lines, read);
        }
    }

    [Theory]
    [InlineData("{\"format\": \"headway\", \"version\": 1}", ImportKind.Headway)]
    [InlineData("\uFEFF{\n  \"format\" : \"headway\",\n  \"version\": 1}", ImportKind.Headway)]
    [InlineData("[{\"uuid\": \"a\", \"description\": \"format headway\"}]", ImportKind.Backlog)]
    [InlineData("{\"description\": \"x\", \"format\": \"headway\"}", ImportKind.Backlog)]
    public void Detect_TellsAHeadwayExportByItsFirstProperty(string head, ImportKind expected) =>
        Assert.Equal(expected, ImportSource.Detect(new StringReader(head), null, null).Kind);
}
