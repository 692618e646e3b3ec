using System.Globalization;
using System.Text;
using Headway.App.Actions;
using Headway.App.Transfer;
using Headway.Core.Analysis;
using Headway.Core.Dates;
using Headway.Core.Formats;

namespace Headway.Fuzz;

/// <summary>One fuzz target: runs a parser on one input and throws on a crash or a broken promise.</summary>
internal delegate void FuzzTarget(ReadOnlySpan<byte> data);

/// <summary>
/// Every parser of user-supplied text, by the name fuzz/run uses. Besides "no exception, no hang", each target checks
/// the promises its parser's docs make (a score within 0–100, an item never empty, ...), so a quiet wrong answer is a
/// finding too.
/// </summary>
internal static class FuzzTargets
{
    public static IReadOnlyDictionary<string, FuzzTarget> All { get; } = new SortedDictionary<string, FuzzTarget>(StringComparer.Ordinal)
    {
        ["analyzer"] = Analyzer,
        ["outcome"] = Outcome,
        ["dates"] = Dates,
        ["quick-add"] = QuickAdd,
        ["taskwarrior"] = data => Backlog(data, TaskFormat.Taskwarrior),
        ["todotxt"] = data => Backlog(data, TaskFormat.TodoTxt),
        ["todoist"] = data => Backlog(data, TaskFormat.Todoist),
        ["ticktick"] = data => Backlog(data, TaskFormat.TickTick),
        ["ical"] = data => Backlog(data, TaskFormat.ICalendar),
        ["text"] = data => Backlog(data, TaskFormat.PlainText),
        ["detect"] = Detect,
        ["headway-json"] = HeadwayJson,
    };

    private static string Text(ReadOnlySpan<byte> data) => Encoding.UTF8.GetString(data);

    private static void Analyzer(ReadOnlySpan<byte> data) => CheckAnalysis(ActionAnalyzer.Analyze(Text(data)));

    private static void Outcome(ReadOnlySpan<byte> data)
    {
        if (OutcomeParser.Parse(Text(data)) is { } outcome)
        {
            CheckOutcome(outcome);
        }
    }

    // The first two bytes pick the day "today" is (within 2000–2179) and the first day of the week, so the relative
    // forms are tried against every weekday and week start; the rest is the date text.
    private static void Dates(ReadOnlySpan<byte> data)
    {
        var (today, firstDay, text) = Calendar(data);
        var parsed = DateExpression.Parse(text, today, firstDay);
        Require(parsed.IsOk || parsed.Error!.Message.Length > 0, "an error without a message");
        if (parsed.IsOk && !text.Trim().StartsWith(ToIso(parsed.Value)[..4], StringComparison.Ordinal))
        {
            // A relative date is never in the past and at most 3660 weeks ahead.
            Require(parsed.Value >= today && parsed.Value <= today.AddDays(7 * 3660), $"'{text}' gave {ToIso(parsed.Value)} from {ToIso(today)}");
        }
    }

    // What `headway add TEXT --outcome O` and the web's quick add do before saving: judge the text, read the outcome,
    // and take a due date from a deadline written in the text. Input: the action text, then optionally a line break
    // and the --outcome value.
    private static void QuickAdd(ReadOnlySpan<byte> data)
    {
        var (today, firstDay, text) = Calendar(data);
        var cut = text.IndexOf('\n', StringComparison.Ordinal);
        var (action, outcome) = cut < 0 ? (text, null) : (text[..cut], text[(cut + 1)..]);

        var analysis = ActionAnalyzer.Analyze(action.Trim());
        CheckAnalysis(analysis);
        var expected = AddAction.ParseOutcome(outcome);
        if (expected.IsOk && expected.Value is { } e)
        {
            Require(e.Phrase.Length > 0 && (e.Quantity is null) == (e.Unit is null), "an outcome with a quantity but no unit, or none at all");
        }

        if (AddAction.InferDue(analysis, today, firstDay) is { } due)
        {
            Require(analysis.Signals.Any(s => s.Code == SignalCode.Deadline), "a due date inferred without a deadline signal");
            Require(due >= today, $"a due date in the past ({ToIso(due)}, today {ToIso(today)}) inferred from '{action}'");
        }
    }

    private static void Backlog(ReadOnlySpan<byte> data, TaskFormat format)
    {
        using var reader = BacklogReader.OpenText(new MemoryStream(data.ToArray(), writable: false));
        CheckResults(BacklogReader.Read(reader, format));
    }

    // What import and audit do with a file of unknown kind: tell the format from its head, then read it all.
    private static void Detect(ReadOnlySpan<byte> data)
    {
        using var stream = BacklogReader.OpenText(new MemoryStream(data.ToArray(), writable: false));
        var (kind, format, reader) = ImportSource.Detect(stream, null, null);
        if (kind == ImportKind.Headway)
        {
            ReadDocument(reader);
            return;
        }

        var items = ImportSource.ReadItems(reader, format, Headway.Core.Formats.ReadOptions.Default, "fuzz.txt");
        Require(items.IsOk ? items.Value.TrueForAll(i => i.Text.Length > 0) : items.Error!.Message.StartsWith("Nothing was imported", StringComparison.Ordinal),
            "an import error that does not say nothing was imported");
    }

    private static void HeadwayJson(ReadOnlySpan<byte> data)
    {
        using var reader = BacklogReader.OpenText(new MemoryStream(data.ToArray(), writable: false));
        ReadDocument(reader);
    }

    private static void ReadDocument(TextReader reader)
    {
        var doc = ImportSource.ReadDocumentAsync(reader, "fuzz.json", CancellationToken.None).GetAwaiter().GetResult();
        if (doc.IsOk)
        {
            _ = RestoreData.Validate(doc.Value);
        }
        else
        {
            Require(doc.Error!.Message.StartsWith("Nothing was imported", StringComparison.Ordinal), $"an unclear error: {doc.Error.Message}");
        }
    }

    private static void CheckResults(IEnumerable<ReadResult> results)
    {
        foreach (var r in results)
        {
            Require((r.Item is null) != (r.Issue is null), "a result with both or neither of item and issue");
            if (r.Item is { } item)
            {
                Require(item.Line >= 1, $"an item on line {item.Line}");
                Require(item.Text.Length > 0 && item.Text.Trim().Length > 0, $"an empty item on line {item.Line}");
                Require(item.Text.Length <= Headway.Core.Formats.ReadOptions.MaxFieldChars, $"an item of {item.Text.Length} characters");
            }
            else
            {
                Require(r.Issue!.Line >= 1 && r.Issue.Message.Length > 0, $"an issue on line {r.Issue.Line} saying '{r.Issue.Message}'");
            }
        }
    }

    private static void CheckAnalysis(ActionAnalysis a)
    {
        Require(a.Score is >= 0 and <= 100, $"score {a.Score}");
        Require((a.Verdict == Verdict.Meaningful) == (a.Score >= 50), $"verdict {a.Verdict} with score {a.Score}");
        Require((a.Suggestion is null) == (a.Verdict == Verdict.Meaningful), "a suggestion that does not match the verdict");
        Require(a.Suggestion is null || a.Suggestion.Trim().Length > 0, "an empty suggestion");
        // Blank text is refused before analysis everywhere (TextRules); any other text's signals quote its words.
        foreach (var s in a.Signals)
        {
            Require(Enum.IsDefined(s.Code) && (s.Evidence.Trim().Length > 0 || a.Text.Trim().Length == 0), $"signal {s.Code} without evidence");
        }

        if (a.Outcome is { } outcome)
        {
            CheckOutcome(outcome);
        }
    }

    private static void CheckOutcome(Outcome o)
    {
        Require(double.IsFinite(o.Quantity) && o.Quantity >= 0, $"quantity {o.Quantity.ToString(CultureInfo.InvariantCulture)}");
        Require(o.Unit.Length > 0 && string.Equals(o.Unit, o.Unit.ToLowerInvariant(), StringComparison.Ordinal), $"unit '{o.Unit}'");
        Require(o.Phrase.Trim().Length > 0, "an empty outcome phrase");
    }

    private static (DateOnly Today, DayOfWeek FirstDay, string Text) Calendar(ReadOnlySpan<byte> data)
    {
        if (data.Length < 2)
        {
            return (new DateOnly(2026, 11, 26), DayOfWeek.Monday, Text(data));
        }

        var today = new DateOnly(2000, 1, 1).AddDays((data[0] | (data[1] & 0x3f) << 8) * 4);
        var firstDay = (data[1] >> 6) switch { 0 => DayOfWeek.Sunday, 1 => DayOfWeek.Monday, 2 => DayOfWeek.Tuesday, _ => DayOfWeek.Saturday };
        return (today, firstDay, Text(data[2..]));
    }

    private static string ToIso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Require(bool condition, string broken)
    {
        if (!condition)
        {
            throw new FuzzFindingException(broken);
        }
    }
}

/// <summary>A parser broke a promise without throwing: the fuzzer reports it like a crash.</summary>
internal sealed class FuzzFindingException(string message) : Exception(message);
