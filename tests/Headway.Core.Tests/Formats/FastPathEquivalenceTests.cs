using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Headway.Core.Audits;
using Headway.Core.Formats;
using Xunit;

namespace Headway.Core.Tests.Formats;

/// <summary>
/// The fast paths give exactly what the plain ones did: the byte-level Taskwarrior reader against the document-based
/// <see cref="ReferenceTaskwarriorReader"/> on generated and damaged exports, and the audit judged on several cores
/// against the audit built one item at a time.
/// </summary>
public sealed class FastPathEquivalenceTests
{
    private static readonly string[] Names =
    [
        "uuid", "description", "status", "entry", "modified", "end", "due", "wait", "scheduled", "until", "start", "project",
        "tags", "priority", "annotations", "depends", "recur", "parent", "urgency", "id", "mask", "imask",
        "descr\\u0069ption", "st\\u0061tus", "estimate", "customer", "flag", "\\u00fcda", "entryx",
    ];

    private static readonly string[] Strings =
    [
        "write 1,000 words for chapter 4", "watch 3 tutorials", "", "   ", "line\\nbreak\\tand tab", "quote \\\" inside",
        "caf\\u00e9 \\ud83d\\ude00", "é unescaped ünïcode", "20251126T101010Z", "20250230T101010Z", "2025-11-26T10:10:10Z",
        "2025-11-26", "20251126T101010", "garbage date", "completed", "deleted", "pending", "waiting", "recurring", "Weird",
        "a, b,,c", "Novel", "inbox", "H", "{braces} [brackets]", "back\\\\slash", "\\/solidus",
    ];

    [Fact]
    public void FastReader_GivesTheReferenceReadersResults_OnGeneratedAndDamagedExports()
    {
        var random = new Random(20261126);
        for (var file = 0; file < 400; file++)
        {
            var text = Export(random, random.Next(1, 12));
            if (file % 3 == 1)
            {
                text = Damage(random, text);
            }

            var expected = Describe(ReferenceTaskwarriorReader.Read(new StringReader(text), ReadOptions.Default));
            var actual = Describe(BacklogReader.Read(new StringReader(text), TaskFormat.Taskwarrior));
            Assert.True(expected.SequenceEqual(actual), $"Differs on:\n{text}\nexpected:\n{string.Join('\n', expected)}\nactual:\n{string.Join('\n', actual)}");
        }
    }

    [Fact]
    public void FastReader_GivesTheReferenceReadersResults_OnTheSampleFilesAndEdgeCases()
    {
        string[] texts =
        [
            File.ReadAllText(SampleFiles.PathOf("taskwarrior-export.json")),
            File.ReadAllText(SampleFiles.PathOf("taskwarrior-lines.json")),
            "[{\"description\":\"a\",\"description\":5,\"tags\":[\"x\"],\"tags\":\"y,z\"}]",
            "{\"description\":\"deep\",\"x\":" + new string('[', 20) + new string(']', 20) + "}",
            "{\"description\":\"trailing\",}",
            "{\"description\":\"" + new string('w', ReadOptions.MaxFieldChars + 5) + "\",\"annotations\":[{\"description\":\"" + new string('n', ReadOptions.MaxFieldChars + 1) + "\",\"entry\":\"bad\"}]}",
            "{\"description\":\"a\"}{\"description\":\"b\"} x {\"description\":\"c\"",
            "{\"description\":\"a\",\"wait\":\"20251126T101010Z\",\"until\":20251126,\"uda\":true,\"n\":-1.50e3,\"o\":{\"k\":1},\"z\":null}",
            "{\"description\":\"unterminated\n\"}",
            "{\"description\":\"a\", // comment\n}",
            "{\"description\":\"a\",\"annotations\":[1,\"x\",{\"entry\":\"20251126T101010Z\",\"description\":\"n\",\"description\":\"\"},{\"description\":7}]}",
        ];
        foreach (var text in texts)
        {
            var expected = Describe(ReferenceTaskwarriorReader.Read(new StringReader(text), ReadOptions.Default));
            var actual = Describe(BacklogReader.Read(new StringReader(text), TaskFormat.Taskwarrior));
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void ByteReader_GivesTheReferenceReadersResults_WhateverTheLineBreaksBytesAndReadSizes()
    {
        var random = new Random(20261127);
        string[] breaks = ["\n", "\r\n", "\r"];
        for (var file = 0; file < 400; file++)
        {
            var text = Export(random, random.Next(1, 12));
            if (file % 3 == 1)
            {
                text = Damage(random, text);
            }

            var lineBreak = breaks[random.Next(breaks.Length)];
            var bytes = Encoding.UTF8.GetBytes(text.ReplaceLineEndings(lineBreak)).ToList();
            if (random.Next(4) == 0)
            {
                bytes.InsertRange(0, Encoding.UTF8.Preamble.ToArray());
            }

            if (random.Next(4) == 0)
            {
                // Bytes that are not UTF-8: a stray continuation byte, a cut sequence, an overlong form.
                byte[][] invalid = [[0x80], [0xE2, 0x82], [0xC0, 0xAF], [0xFF]];
                bytes.InsertRange(random.Next(bytes.Count + 1), invalid[random.Next(invalid.Length)]);
            }

            AssertSameAsText([.. bytes], readSize: random.Next(3) switch { 0 => 1, 1 => random.Next(2, 64), _ => 1 << 20 });
        }
    }

    [Fact]
    public void ByteReader_GivesTheReferenceReadersResults_OnLinesAcrossItsBufferAndOnTheEdgeCases()
    {
        // A line break that straddles the reader's 64 KB buffer, at every offset around its end.
        for (var shift = -4; shift <= 4; shift++)
        {
            foreach (var lineBreak in new[] { "\r\n", "\r", "\n" })
            {
                var first = "{\"description\":\"" + new string('w', (1 << 16) - 20 + shift) + "\"}";
                AssertSameAsText(Encoding.UTF8.GetBytes(first + lineBreak + "{\"description\":\"second\"}" + lineBreak + lineBreak + "{\"description\":\"third\"}"), readSize: 1 << 20);
            }
        }

        string[] texts =
        [
            "",
            "\uFEFF\uFEFF{\"description\":\"two byte order marks\"}",
            "\u00A0{\"description\":\"no-break space before\"}\u2003\n{\"description\":\"x\"}",
            "{\"description\":\"already \uFFFD in the file\"}",
            "{\"description\":\"a\"}\r",
            "[\r\n{\"description\":\"a\",\r\n\"project\":\"P\"}\r\n]",
            "{\"description\":\"" + new string('w', 200_000) + "\"}\n{\"description\":\"after a long line\"}",
            "{\"description\":\"caf\u00e9 \ud83d\ude00\",\"project\":\"\u00dcber\",\"tags\":[\"\u00fc\",\"\u00fc\",\"a\\u0062\"]}",
        ];
        foreach (var text in texts)
        {
            AssertSameAsText(Encoding.UTF8.GetBytes(text), readSize: 1 << 20);
            AssertSameAsText(Encoding.UTF8.GetBytes(text), readSize: 3);
        }

        // UTF-16 with its byte order mark is read as text, as a text reader decodes it.
        AssertSameAsText([.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes("{\"description\":\"utf-16\"}\n")], readSize: 1 << 20);
    }

    private static void AssertSameAsText(byte[] bytes, int readSize)
    {
        using var text = BacklogReader.OpenText(new MemoryStream(bytes));
        var expected = Describe(ReferenceTaskwarriorReader.Read(text, ReadOptions.Default));
        using var stream = new TrickleStream(bytes, readSize);
        var actual = Describe(BacklogReader.Read(stream, TaskFormat.Taskwarrior));
        Assert.True(expected.SequenceEqual(actual),
            $"Differs on:\n{Convert.ToHexString(bytes.AsSpan(0, Math.Min(bytes.Length, 400)))}\nexpected:\n{string.Join('\n', expected)}\nactual:\n{string.Join('\n', actual)}");
    }

    /// <summary>A seekable stream that gives at most a few bytes per read, as a slow device or a pipe might.</summary>
    private sealed class TrickleStream(byte[] bytes, int readSize) : MemoryStream(bytes, writable: false)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, readSize));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, readSize)]);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(0)]
    public void Audit_JudgedOnSeveralCores_IsTheSequentialAudit(int workers)
    {
        var export = AuditExport(3_000);
        var now = new DateTime(2026, 11, 26, 10, 0, 0, DateTimeKind.Utc);

        var sequential = new AuditCalculator(now, top: 25);
        foreach (var result in BacklogReader.Read(new StringReader(export), TaskFormat.Taskwarrior))
        {
            sequential.Add(result);
        }

        var parallel = new AuditCalculator(now, top: 25);
        var batches = 0;
        parallel.AddAll(BacklogReader.Read(new StringReader(export), TaskFormat.Taskwarrior), () => batches++, workers, TestContext.Current.CancellationToken);

        var expected = Json(sequential.Build());
        Assert.Equal(expected, Json(parallel.Build()));
        Assert.Contains("\"Items\":2", expected, StringComparison.Ordinal);
        Assert.True(batches >= 3_000 / AuditCalculator.BatchSize, $"{batches} batches");
    }

    // Tasks with the labelled examples' texts, projects, statuses (some recurring templates), dates, a few duplicate
    // ids and a few malformed tasks.
    private static string AuditExport(int count)
    {
        var texts = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "actions-public.tsv"))
            .Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')[3]).ToArray();
        string?[] projects = ["Novel", "Job hunt", "Fitness", "Inbox", "Home", null, null];
        var random = new Random(42);
        var start = new DateTime(2025, 11, 26, 0, 0, 0, DateTimeKind.Utc);
        var text = new StringBuilder("[\n");
        for (var i = 0; i < count; i++)
        {
            if (i % 997 == 500)
            {
                text.Append("{\"description\": \"broken\" \"uuid\": 1},\n");
                continue;
            }

            var entry = start.AddMinutes(random.Next(0, 365 * 24 * 60));
            var status = (i % 3, i % 50, i % 101) switch
            {
                (0, _, _) => "completed",
                (_, 1, _) => "deleted",
                (_, _, 7) => "recurring",
                _ => "pending",
            };
            var uuid = i % 613 == 5 ? "dup" : i.ToString(CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{{\"uuid\":\"{uuid}\",\"description\":{JsonSerializer.Serialize(texts[i % texts.Length])},\"entry\":\"{entry:yyyyMMdd'T'HHmmss'Z'}\",\"status\":\"{status}\"");
            if (projects[i % projects.Length] is { } project)
            {
                text.Append(CultureInfo.InvariantCulture, $",\"project\":\"{project}\"");
            }

            text.Append(i < count - 1 ? "},\n" : "}\n");
        }

        return text.Append("]\n").ToString();
    }

    private static readonly JsonSerializerOptions Reflection = new() { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    private static string Json(BacklogAudit audit) => JsonSerializer.Serialize(audit, Reflection);

    private static string Export(Random random, int tasks)
    {
        var text = new StringBuilder();
        var array = random.Next(2) == 0;
        if (array)
        {
            text.Append("[\n");
        }

        for (var t = 0; t < tasks; t++)
        {
            var pretty = random.Next(4) == 0;
            text.Append('{');
            var properties = random.Next(0, 9);
            for (var p = 0; p < properties; p++)
            {
                if (p > 0)
                {
                    text.Append(',');
                }

                if (pretty)
                {
                    text.Append("\n  ");
                }

                var name = p == 0 && random.Next(5) > 0 ? "description" : Names[random.Next(Names.Length)];
                text.Append('"').Append(name).Append("\":").Append(Value(random, name, 0));
            }

            text.Append(pretty ? "\n}" : "}");
            text.Append(array && t < tasks - 1 ? ",\n" : "\n");
        }

        if (array)
        {
            text.Append("]\n");
        }

        return text.ToString();
    }

    private static string Value(Random random, string name, int depth)
    {
        var kind = random.Next(10);
        if (name is "tags" or "depends" && kind < 6)
        {
            return "[" + string.Join(',', Enumerable.Range(0, random.Next(4)).Select(_ => random.Next(5) == 0 ? "3" : Quoted(random))) + "]";
        }

        if (name == "annotations" && kind < 7)
        {
            return "[" + string.Join(',', Enumerable.Range(0, random.Next(3)).Select(_ =>
                random.Next(6) == 0 ? "\"x\"" : $"{{\"entry\":{Value(random, "entry", depth + 1)},\"description\":{Value(random, "d", depth + 1)}}}")) + "]";
        }

        if (name == "uuid" && kind < 8)
        {
            return $"\"u{random.Next(6)}\"";
        }

        return kind switch
        {
            < 6 => Quoted(random),
            6 => random.Next(3) switch { 0 => "42", 1 => "-1.5e3", _ => "20251126" },
            7 => random.Next(3) switch { 0 => "true", 1 => "false", _ => "null" },
            8 when depth < 3 => "[" + Value(random, "x", depth + 1) + "," + Value(random, "x", depth + 1) + "]",
            _ when depth < 3 => $"{{\"k\":{Value(random, "x", depth + 1)}}}",
            _ => "0",
        };
    }

    private static string Quoted(Random random) => '"' + Strings[random.Next(Strings.Length)] + '"';

    private static string Damage(Random random, string text)
    {
        var at = random.Next(text.Length);
        return random.Next(2) == 0
            ? text.Remove(at, 1)
            : text.Insert(at, "{}[]\",:x\\\n"[random.Next(10)].ToString());
    }

    private static List<string> Describe(IEnumerable<ReadResult> results)
    {
        var lines = new List<string>();
        foreach (var result in results)
        {
            if (result.Issue is { } issue)
            {
                lines.Add(issue.ToString());
                continue;
            }

            var i = result.Item!;
            lines.Add(string.Join(" | ",
                i.Line, i.SourceId, i.Text, i.Status, Instant(i.CreatedAt), Instant(i.ModifiedAt), Instant(i.CompletedAt), i.Due, i.Start,
                i.Project, i.Section, string.Join('\u0001', i.Tags), string.Join('\u0001', i.Contexts),
                string.Join('\u0001', i.Notes.Select(n => $"{n.Text}@{Instant(n.At)}")), i.Priority, i.Recurrence, i.ParentId, i.ParentLine,
                string.Join('\u0001', i.DependsOn), i.IsRecurrenceTemplate, string.Join('\u0001', i.Extra.Select(e => $"{e.Key}={e.Value}"))));
        }

        return lines;
    }

    private static string? Instant(DateTime? at) => at?.ToString("O", CultureInfo.InvariantCulture) + at?.Kind;
}
