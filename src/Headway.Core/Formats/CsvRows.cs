using System.Globalization;
using System.Text;

namespace Headway.Core.Formats;

/// <summary>One CSV record: its first line and its fields (unquoted), or an issue about the input.</summary>
internal readonly record struct CsvRow(int Line, IReadOnlyList<string> Fields, ReadResult? Issue = null)
{
    public bool IsBlank => Fields.Count == 0 || (Fields.Count == 1 && Fields[0].Length == 0);

    public string Get(int index) => index >= 0 && index < Fields.Count ? Fields[index] : "";
}

/// <summary>
/// An RFC 4180 reader over lines, written here rather than taken from a CSV library for two reasons the formats
/// need: exact line numbers for every record (a quoted field may span lines), and recovery from an unclosed quote. A
/// record that runs past <see cref="ReadOptions.MaxRecordLines"/> lines or <see cref="ReadOptions.MaxRecordChars"/>
/// characters, or to the end of the file, inside quotes is reported, and reading resumes on the line after its start,
/// so one stray quote costs one record, not the rest of the file, and memory stays bounded.
/// Lenient where real exports are: a quote inside an unquoted field is kept as text, CR, LF and CRLF all end a line.
/// </summary>
internal static class CsvRows
{
    public static IEnumerable<CsvRow> Read(LineReader lines, char separator = ',')
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var taken = new List<string>();
        while (lines.ReadLine() is { } first)
        {
            var start = lines.Line;
            if (LineReader.CheckEncoding(first, start) is { } encoding)
            {
                yield return new CsvRow(start, [], encoding);
            }

            fields.Clear();
            field.Clear();
            taken.Clear();
            var line = first;
            var i = 0;
            var quoted = false;
            var inQuotes = false;
            var broken = false;
            while (true)
            {
                if (i == line.Length)
                {
                    if (!inQuotes)
                    {
                        fields.Add(field.ToString());
                        break;
                    }

                    // A line break inside quotes belongs to the field: carry on with the next line.
                    var next = lines.ReadLine();
                    if (next is null || taken.Count + 1 >= ReadOptions.MaxRecordLines || field.Length > ReadOptions.MaxRecordChars)
                    {
                        if (next is not null)
                        {
                            taken.Add(next);
                        }

                        broken = true;
                        break;
                    }

                    if (LineReader.CheckEncoding(next, lines.Line) is { } nextEncoding)
                    {
                        yield return new CsvRow(lines.Line, [], nextEncoding);
                    }

                    taken.Add(next);
                    field.Append('\n');
                    line = next;
                    i = 0;
                    continue;
                }

                var c = line[i++];
                if (inQuotes)
                {
                    if (c != '"')
                    {
                        field.Append(c);
                    }
                    else if (i < line.Length && line[i] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else if (c == separator)
                {
                    fields.Add(field.ToString());
                    field.Clear();
                    quoted = false;
                }
                else if (c == '"' && field.Length == 0 && !quoted)
                {
                    inQuotes = quoted = true;
                }
                else
                {
                    field.Append(c);
                }
            }

            if (broken)
            {
                lines.PushBack(start + 1, taken);
                yield return new CsvRow(start, [], ReadResult.Skip(start, null, "A quoted field is never closed: check the quotes in this record."));
                continue;
            }

            yield return new CsvRow(start, [.. fields]);
        }
    }

    /// <summary>The column index of each name, case-insensitive, trimmed (see <see cref="UnknownColumns"/>).</summary>
    public static Dictionary<string, int> Columns(IReadOnlyList<string> header)
    {
        var map = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            map.TryAdd(header[i].Trim().TrimStart('\uFEFF'), i);
        }

        return map;
    }

    public static int Index(this Dictionary<string, int> columns, string name) => columns.TryGetValue(name, out var i) ? i : -1;

    /// <summary>
    /// An issue naming the header's columns that are not among <paramref name="known"/> (case-insensitive; blank names
    /// aside), or null. Their values would be lost without a word, so an import refuses the file and an audit says so
    /// and reads on. The issue's field is the first unknown column.
    /// </summary>
    public static ReadResult? UnknownColumns(CsvRow header, string tool, IReadOnlyList<string> known)
    {
        var unknown = header.Fields
            .Select(f => f.Trim().TrimStart('\uFEFF').Trim())
            .Where(name => name.Length > 0 && !known.Contains(name, StringComparer.OrdinalIgnoreCase))
            .ToList();
        if (unknown.Count == 0)
        {
            return null;
        }

        const int Named = 5;
        var names = string.Join(", ", unknown.Take(Named).Select(n => $"'{Short(n)}'"))
            + (unknown.Count > Named ? string.Create(CultureInfo.InvariantCulture, $" and {unknown.Count - Named} more") : "");
        // The known columns in short (the message must stay one readable sentence); docs/formats.md lists them all.
        var reads = $"Headway reads the columns {tool} writes ({known[0]}, {known[1]}, {known[2]} … {known[^2]}, {known[^1]}) and no other";
        return ReadResult.Warn(header.Line, Short(unknown[0]), unknown.Count == 1
            ? $"Unknown column {names}: {reads}; it was ignored."
            : $"Unknown columns {names}: {reads}; they were ignored.");

        static string Short(string name) => name.Length <= 40 ? name : name[..40] + "…";
    }
}
