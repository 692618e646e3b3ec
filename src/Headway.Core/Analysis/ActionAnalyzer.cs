namespace Headway.Core.Analysis;

/// <summary>
/// Tells progress from busy work: a pure, deterministic, culture-invariant function from one action text to a
/// verdict with its evidence, the stated outcome and, for passive actions, a meaningful rewrite.
/// </summary>
/// <remarks>
/// Thread-safe and allocation-light: the text is scanned once by hand (no regular expressions), the lexicon is a
/// frozen table, and working state lives on the stack. Only the first <see cref="MaxAnalyzedChars"/> characters are
/// read, so any input — megabytes long, malformed UTF-16, control characters — returns promptly.
/// </remarks>
public static class ActionAnalyzer
{
    /// <summary>How many characters of the text are analyzed; a to-do line is far shorter.</summary>
    public const int MaxAnalyzedChars = 1000;

    internal const int MaxTokens = 160;
    internal const int MaxHits = 24;
    internal const int MaxEvidenceChars = 80;

    /// <summary>Analyzes one action text. Never throws; null is treated as empty.</summary>
    public static ActionAnalysis Analyze(string text) => Analyze(text, suggest: true);

    /// <summary>
    /// The same analysis, optionally without writing the suggestion nor the signals' evidence texts (each signal then
    /// has an empty evidence): a backlog audit shows suggestions for its worst few items only and counts signals by
    /// code, and writing them for every line is about half of its analysis time.
    /// </summary>
    internal static ActionAnalysis Analyze(string text, bool suggest)
    {
        text ??= string.Empty;
        var scan = text.AsSpan(0, Math.Min(text.Length, MaxAnalyzedChars));
        // a token takes at least one character: size the buffer to the text, not to the maximum
        Span<Token> tokenBuffer = stackalloc Token[Math.Min(MaxTokens, scan.Length + 1)];
        var tokens = tokenBuffer[..Tokenizer.Tokenize(scan, tokenBuffer)];
        Span<Hit> hitBuffer = stackalloc Hit[MaxHits];
        var state = new Scanner(scan, tokens, hitBuffer);

        var outcome = OutcomeParser.Extract(scan, tokens, out var outcomeFrom, out var outcomeTo);
        state.Outcome = outcome;
        state.OutcomeFrom = outcomeFrom;
        state.OutcomeTo = outcomeTo;
        state.Run();
        if (outcome is not null)
        {
            state.Add(SignalCode.SpecificOutcome, outcomeFrom, outcomeTo, Weights.SpecificOutcome);
        }

        state.FindDeadline();
        var hits = state.Hits;
        var actions = 0;
        foreach (ref readonly var hit in hits)
        {
            if (hit.Code is not SignalCode.SpecificOutcome and not SignalCode.Deadline)
            {
                actions++;
            }
        }

        if (actions == 0 && outcome is null)
        {
            var (from, to) = Trimmed(scan);
            state.Add(SignalCode.Vague, from, Math.Min(to, from + MaxEvidenceChars), Weights.Vague);
            hits = state.Hits;
        }

        var score = Score(hits);
        var verdict = score >= 50 ? Verdict.Meaningful : Verdict.Passive;
        var signals = ToSignals(scan, hits, evidence: suggest);
        var suggestion = suggest && verdict == Verdict.Passive ? Suggestions.Write(scan, tokens, hits, outcome) : null;
        return new ActionAnalysis(text, verdict, score, outcome, signals, suggestion);
    }

    private static int Score(ReadOnlySpan<Hit> hits)
    {
        var meaningfulClauses = 0UL;
        foreach (ref readonly var hit in hits)
        {
            if (hit.Code.IsMeaningfulSide() && hit.Code is not SignalCode.SpecificOutcome and not SignalCode.Deadline)
            {
                meaningfulClauses |= 1UL << (hit.Clause & 63);
            }
        }

        var total = 50.0;
        foreach (ref readonly var hit in hits)
        {
            if (hit.Code.IsMeaningfulSide())
            {
                total += hit.Weight;
            }
            else
            {
                var otherClauseMeaningful = (meaningfulClauses & ~(1UL << (hit.Clause & 63))) != 0;
                total -= hit.Halvable && otherClauseMeaningful ? hit.Weight / 2.0 : hit.Weight;
            }
        }

        return (int)Math.Clamp(Math.Round(total, MidpointRounding.AwayFromZero), 0, 100);
    }

    private static Signal[] ToSignals(ReadOnlySpan<char> text, Span<Hit> hits, bool evidence)
    {
        // Insertion sort by position: a handful of hits, and stable for equal starts.
        for (var i = 1; i < hits.Length; i++)
        {
            var current = hits[i];
            var j = i - 1;
            while (j >= 0 && hits[j].From > current.From)
            {
                hits[j + 1] = hits[j];
                j--;
            }

            hits[j + 1] = current;
        }

        var signals = new Signal[hits.Length];
        for (var i = 0; i < hits.Length; i++)
        {
            var hit = hits[i];
            var length = Math.Min(hit.To - hit.From, MaxEvidenceChars);
            signals[i] = evidence && length > 0 ? new Signal(hit.Code, Text.Clean(text.Slice(hit.From, length))) : WithoutEvidence[(int)hit.Code];
        }

        return signals;
    }

    // Signals are immutable: those without evidence (every signal of an audit's analysis) are shared, not made per call.
    private static readonly Signal[] WithoutEvidence = [.. Enum.GetValues<SignalCode>().Select(code => new Signal(code, string.Empty))];

    private static (int From, int To) Trimmed(ReadOnlySpan<char> text)
    {
        var from = 0;
        var to = text.Length;
        while (from < to && char.IsWhiteSpace(text[from]))
        {
            from++;
        }

        while (to > from && char.IsWhiteSpace(text[to - 1]))
        {
            to--;
        }

        return (from, to);
    }
}

/// <summary>How much each signal moves the score away from the midpoint of 50.</summary>
internal static class Weights
{
    public const int SpecificOutcome = 15;
    public const int Deadline = 8;
    public const int Vague = 35;
    public const int WeakCompletion = 15;
    public const int WeakCreation = 20;

    public static int Of(Act act) => act switch
    {
        Act.Creation => 30,
        Act.Outreach => 35,
        Act.Exposure => 35,
        Act.Commitment => 35,
        Act.Practice => 30,
        Act.Completion => 25,
        Act.Consumption => 45,
        Act.Acquisition => 45,
        Act.Intention => 45,
        Act.Preparation => 40,
        Act.PassiveConnection => 45,
        Act.Polishing => 40,
        Act.Vague => Vague,
        _ => 0,
    };

    public static SignalCode Code(Act act) => act switch
    {
        Act.Creation => SignalCode.Creation,
        Act.Outreach => SignalCode.Outreach,
        Act.Exposure => SignalCode.Exposure,
        Act.Commitment => SignalCode.Commitment,
        Act.Practice => SignalCode.Practice,
        Act.Completion => SignalCode.Completion,
        Act.Consumption => SignalCode.Consumption,
        Act.Acquisition => SignalCode.Acquisition,
        Act.Intention => SignalCode.Intention,
        Act.Preparation => SignalCode.Preparation,
        Act.PassiveConnection => SignalCode.PassiveConnection,
        Act.Polishing => SignalCode.Polishing,
        _ => SignalCode.Vague,
    };
}

/// <summary>Small text helpers that never throw on malformed input.</summary>
internal static class Text
{
    /// <summary>A string copy of the slice with a lone surrogate at either cut edge dropped.</summary>
    public static string Clean(ReadOnlySpan<char> s) => CleanSpan(s).ToString();

    /// <summary>The slice with a lone surrogate at either cut edge dropped.</summary>
    public static ReadOnlySpan<char> CleanSpan(ReadOnlySpan<char> s)
    {
        if (!s.IsEmpty && char.IsHighSurrogate(s[^1]))
        {
            s = s[..^1];
        }

        if (!s.IsEmpty && char.IsLowSurrogate(s[0]))
        {
            s = s[1..];
        }

        return s;
    }
}
