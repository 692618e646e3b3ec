using Headway.Core.Formats;

namespace Headway.Core.Tests.Formats;

/// <summary>Reads the sample files in Data/formats, or text given inline, into items and issues.</summary>
internal static class SampleFiles
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Data", "formats", name);

    public static (List<ImportedItem> Items, List<ReadIssue> Issues) ReadFile(string name, TaskFormat format, ReadOptions? options = null)
    {
        using var reader = BacklogReader.OpenText(File.OpenRead(PathOf(name)));
        return Collect(BacklogReader.Read(reader, format, options));
    }

    public static (List<ImportedItem> Items, List<ReadIssue> Issues) ReadText(string text, TaskFormat format, ReadOptions? options = null)
    {
        using var reader = new StringReader(text);
        return Collect(BacklogReader.Read(reader, format, options));
    }

    public static (List<ImportedItem> Items, List<ReadIssue> Issues) ReadBytes(byte[] bytes, TaskFormat format)
    {
        using var reader = BacklogReader.OpenText(new MemoryStream(bytes));
        return Collect(BacklogReader.Read(reader, format));
    }

    public static (List<ImportedItem> Items, List<ReadIssue> Issues) Collect(IEnumerable<ReadResult> results)
    {
        var items = new List<ImportedItem>();
        var issues = new List<ReadIssue>();
        foreach (var r in results)
        {
            if (r.Item is { } item)
            {
                items.Add(item);
            }
            else
            {
                issues.Add(r.Issue!);
            }
        }

        return (items, issues);
    }

    public static DateTime Utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0) => new(y, mo, d, h, mi, s, DateTimeKind.Utc);
}
