using System.Collections.Frozen;

namespace Headway.Core.Analysis;

/// <summary>
/// Finds the measurable amount an action states: digits ("1,000", "1.5"), number words ("a thousand", "thirty",
/// "a couple", "half an hour"), <c>k</c> suffixes ("5k words"; "a 5K" race is 5 km), percentages and money, with
/// the unit normalized to a lowercase plural noun. Dates, times, ordinals, labels and names ("by 5/10", "at 3pm",
/// "10th", "ch 7", "401k", "Q3") are not outcomes.
/// </summary>
public static class OutcomeParser
{
    private const int MaxUnitWords = 5;
    private const int MaxPhraseChars = 80;

    // Compounds whose head noun alone would lose the meaning ("10 case studies" are not 10 studies).
    private static readonly FrozenSet<string> Compounds = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "case study", "case studies", "blog post", "blog posts", "cover letter", "cover letters", "thank you notes",
        "thank-you notes", "job applications", "job application", "short story", "short stories", "op ed", "op eds",
        "phone calls", "phone call", "cold emails", "cold email", "info interviews", "informational interviews",
        "coffee chats", "coffee chat", "flash cards", "practice problems", "practice tests", "practice test");

    private static readonly FrozenSet<double> RetirementPlans = FrozenSet.Create<double>(401, 403, 457, 529);

    /// <summary>
    /// Parses a stated outcome on its own, e.g. "1000 words", "30 min", "2 hrs", "$150", "a 5K"; null when the text
    /// states no amount with a unit.
    /// </summary>
    public static Outcome? Parse(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var scan = text.AsSpan(0, Math.Min(text.Length, ActionAnalyzer.MaxAnalyzedChars));
        Span<Token> buffer = stackalloc Token[ActionAnalyzer.MaxTokens];
        var tokens = buffer[..Tokenizer.Tokenize(scan, buffer)];
        return Extract(scan, tokens, out _, out _);
    }

    internal static Outcome? Extract(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, out int from, out int to)
    {
        var reader = new Reader(text, tokens);
        for (var i = 0; i < tokens.Length; i++)
        {
            if (reader.TryAt(i, out var quantity, out var unit, out var first, out var last))
            {
                from = tokens[first].Start;
                to = Math.Min(tokens[last].End, from + MaxPhraseChars);
                return new Outcome(quantity, unit, Text.Clean(text[from..to]));
            }
        }

        from = to = 0;
        return null;
    }

    private readonly ref struct Reader(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens)
    {
        private readonly ReadOnlySpan<char> _text = text;
        private readonly ReadOnlySpan<Token> _tokens = tokens;

        private ReadOnlySpan<char> Span(int i) => _text.Slice(_tokens[i].Start, _tokens[i].Length);

        private LexEntry? Entry(int i) => i >= 0 && i < _tokens.Length ? Lexicon.Get(_tokens[i].Lex) : null;

        private bool IsWord(int i) => i >= 0 && i < _tokens.Length && _tokens[i].Kind == TokenKind.Word;

        private bool WordIs(int i, string w) => IsWord(i) && Span(i).Equals(w, StringComparison.OrdinalIgnoreCase);

        private bool Is(int i, WordClass c) => Entry(i)?.Is(c) == true;

        private bool SymbolIs(int i, char c) =>
            i >= 0 && i < _tokens.Length && _tokens[i].Kind == TokenKind.Symbol && _text[_tokens[i].Start] == c;

        private bool IsAcronym(int i)
        {
            if (!IsWord(i) || _tokens[i].Length < 2 || Entry(i) is not null)
            {
                return false;
            }

            foreach (var c in Span(i))
            {
                if (!char.IsUpper(c))
                {
                    return false;
                }
            }

            return true;
        }

        private bool Attached(int i) => i >= 0 && i < _tokens.Length && !_tokens[i].SpaceBefore;

        public bool TryAt(int i, out double quantity, out string unit, out int first, out int last)
        {
            quantity = 0;
            unit = string.Empty;
            first = last = i;
            var t = _tokens[i];
            if (t.Kind == TokenKind.Symbol)
            {
                return TryMoney(i, out quantity, out unit, out last);
            }

            if (t.Kind == TokenKind.Number)
            {
                return TryDigits(i, out quantity, out unit, out first, out last);
            }

            return TryWords(i, out quantity, out unit, out last);
        }

        private bool TryMoney(int i, out double quantity, out string unit, out int last)
        {
            quantity = 0;
            last = i;
            var c = _text[_tokens[i].Start];
            unit = c switch
            {
                '$' => "usd",
                '\u20AC' => "eur",
                '\u00A3' => "gbp",
                _ => string.Empty,
            };
            if (unit.Length == 0 || i + 1 >= _tokens.Length || _tokens[i + 1].Kind != TokenKind.Number)
            {
                return false;
            }

            quantity = ParseDigits(Span(i + 1));
            if (double.IsNaN(quantity))
            {
                return false;
            }

            last = i + 1;
            if (IsWord(i + 2) && Attached(i + 2) && (WordIs(i + 2, "k") || WordIs(i + 2, "m") || WordIs(i + 2, "mm")))
            {
                quantity *= WordIs(i + 2, "k") ? 1000 : 1_000_000;
                last = i + 2;
            }

            return true;
        }

        private bool TryDigits(int i, out double quantity, out string unit, out int first, out int last)
        {
            unit = string.Empty;
            first = last = i;
            quantity = ParseDigits(Span(i));
            if (double.IsNaN(quantity) || SymbolIs(i - 1, '$') || SymbolIs(i - 1, '\u20AC') || SymbolIs(i - 1, '\u00A3')
                || SymbolIs(i - 1, '#'))
            {
                return false;
            }

            // labels and names: "ch 7", "week 3", "Q3", "v1", "route 66", "HSK 2"
            if (IsAcronym(i - 1) || Is(i - 1, WordClass.LabelNoun) && !Is(i - 1, WordClass.Determiner) || Is(i - 1, WordClass.Month) || Is(i + 1, WordClass.Month)
                || WordIs(i - 1, "at") || SymbolIs(i - 1, '@'))
            {
                return false;
            }

            var j = i + 1;
            if (IsWord(j) && Attached(j))
            {
                if (WordIs(j, "st") || WordIs(j, "nd") || WordIs(j, "rd") || WordIs(j, "th") || (WordIs(j, "am") || WordIs(j, "pm")) && !IsCountedAfterPm(j)
                    || WordIs(j, "a") || WordIs(j, "p"))
                {
                    return false;
                }

                if (WordIs(j, "k"))
                {
                    return TryThousands(i, j, quantity, out quantity, out unit, out last);
                }

                if (WordIs(j, "b") && RetirementPlans.Contains(quantity))
                {
                    return false;
                }
            }

            if ((WordIs(j, "am") || WordIs(j, "pm")) && !IsCountedAfterPm(j) || WordIs(j, "o'clock"))
            {
                return false;
            }

            if (SymbolIs(j, '%'))
            {
                unit = "percent";
                last = j;
                return true;
            }

            if (SymbolIs(j, '-') && Attached(j) && IsWord(j + 1) && Attached(j + 1))
            {
                j++;
            }

            // "2 and a half hours"
            if (WordIs(j, "and") && WordIs(j + 1, "a") && WordIs(j + 2, "half"))
            {
                quantity += 0.5;
                j += 3;
            }

            if (!TryUnit(j, out unit, out last, out var kind))
            {
                return false;
            }

            var isYear = quantity is >= 1900 and <= 2100 && Span(i).Length == 4;
            if (isYear && kind == UnitKind.None)
            {
                return false;
            }

            // "in 3 weeks" is a date, not an amount of work
            if (WordIs(i - 1, "in") && unit is "days" or "weeks" or "months" or "years")
            {
                return false;
            }

            last = AndAHalf(last, ref quantity);
            return true;
        }

        /// <summary>
        /// "3 pm roles", "2 PM jobs": "pm" names a job (product manager) when a plain plural noun follows it; "3 pm tues",
        /// "at 3pm", "3 pm" are times.
        /// </summary>
        private bool IsCountedAfterPm(int pm)
        {
            var next = pm + 1;
            if (!WordIs(pm, "pm") || !IsWord(next) || _tokens[next].Length < 4 || !_tokens[next].SpaceBefore)
            {
                return false;
            }

            var e = Entry(next);
            var noun = Span(next);
            return noun[^1] is 's' or 'S' && (e is null || e.Classes == WordClass.None && e.Verb == Act.None && e.Unit is null);
        }

        /// <summary>"5k words" is 5,000 words; "a 5K", "the Turkey Trot 5K", "run a 10k" are race distances in km.</summary>
        private bool TryThousands(int i, int k, double value, out double quantity, out string unit, out int last)
        {
            quantity = value;
            unit = string.Empty;
            last = k;
            if (RetirementPlans.Contains(value))
            {
                return false;
            }

            if (TryUnit(k + 1, out var next, out var unitLast, out _) && next is not "races" and not "runs" and not "walks"
                and not "km" and not "trots" and not "fun runs")
            {
                if (Entry(unitLast)?.Unit is null && Span(unitLast)[^1] is not 's' and not 'S')
                {
                    // "a couch to 5k app", "the 5k plan": a singular noun after the k names a thing, it counts nothing
                    return false;
                }

                quantity = value * 1000;
                unit = next;
                last = unitLast;
                return true;
            }

            if (value <= 100)
            {
                unit = "km";
                return true;
            }

            return false;
        }

        private bool TryWords(int i, out double quantity, out string unit, out int last)
        {
            quantity = 0;
            unit = string.Empty;
            last = i;
            var e = Entry(i);
            if (e is null || e.NumRole == NumRole.None)
            {
                return false;
            }

            var j = i;
            double total = 0, current = 0;
            var any = false;
            if (e.NumRole == NumRole.Article)
            {
                var next = Entry(i + 1);
                if (next is null)
                {
                    return false;
                }

                if (next.NumRole is NumRole.Hundred or NumRole.Thousand or NumRole.Million or NumRole.Dozen or NumRole.Couple)
                {
                    current = 1;
                    j = i + 1;
                }
                else if (next.UnitKind is UnitKind.Duration or UnitKind.Distance && next.Unit is not null && !WordIs(i + 1, "m")
                    && !WordIs(i + 1, "h") && !WordIs(i + 1, "k") && !WordIs(i + 1, "mi") && !WordIs(i + 1, "s"))
                {
                    quantity = 1;
                    unit = next.Unit;
                    last = AndAHalf(i + 1, ref quantity);
                    return true;
                }
                else
                {
                    return false;
                }
            }

            if (Entry(j)?.NumRole == NumRole.Half)
            {
                // "half an hour", "half a mile", "half hour"
                var k = WordIs(j + 1, "an") || WordIs(j + 1, "a") ? j + 2 : j + 1;
                if (Entry(k) is { UnitKind: UnitKind.Duration or UnitKind.Distance, Unit: { } halfUnit })
                {
                    quantity = 0.5;
                    unit = halfUnit;
                    last = k;
                    return true;
                }

                return false;
            }

            while (j < _tokens.Length && Entry(j) is { } w && w.NumRole != NumRole.None && w.NumRole != NumRole.Article && w.NumRole != NumRole.Half)
            {
                switch (w.NumRole)
                {
                    case NumRole.Ones or NumRole.Tens:
                        current += w.Number;
                        break;
                    case NumRole.Hundred:
                        current = (current == 0 ? 1 : current) * 100;
                        break;
                    case NumRole.Thousand or NumRole.Million:
                        total += (current == 0 ? 1 : current) * w.Number;
                        current = 0;
                        break;
                    case NumRole.Dozen:
                        current = (current == 0 ? 1 : current) * 12;
                        break;
                    case NumRole.Couple:
                        current = 2;
                        break;
                    default:
                        break;
                }

                any = true;
                j++;
                if (SymbolIs(j, '-') && Attached(j) && Entry(j + 1)?.NumRole is NumRole.Ones)
                {
                    j++;
                }
                else if (WordIs(j, "and") && Entry(j + 1)?.NumRole is NumRole.Ones or NumRole.Tens)
                {
                    j++;
                }
            }

            if (!any)
            {
                return false;
            }

            quantity = total + current;
            if (WordIs(j, "of"))
            {
                j++;
            }

            if (SymbolIs(j, '-') && Attached(j))
            {
                j++;
            }

            if (WordIs(j, "and") && WordIs(j + 1, "a") && WordIs(j + 2, "half"))
            {
                quantity += 0.5;
                j += 3;
            }

            // "one more time", "one day", "one thing": idioms, not amounts
            if (quantity == 1 && (Entry(j)?.Is(WordClass.NotUnit) == true || WordIs(j, "day") || WordIs(j, "week")))
            {
                return false;
            }

            if (!TryUnit(j, out unit, out last, out _))
            {
                return false;
            }

            last = AndAHalf(last, ref quantity);
            return true;
        }

        private int AndAHalf(int last, ref double quantity)
        {
            if (WordIs(last + 1, "and") && WordIs(last + 2, "a") && WordIs(last + 3, "half"))
            {
                quantity += 0.5;
                return last + 3;
            }

            return last;
        }

        /// <summary>
        /// Reads the counted noun after a number: a known unit right away ("30 min", "10-minute talk"), else the head
        /// of the noun phrase ("3 budgeting templates" → templates, "10 case studies" → case studies).
        /// </summary>
        private bool TryUnit(int j, out string unit, out int last, out UnitKind kind)
        {
            unit = string.Empty;
            last = j;
            kind = UnitKind.None;
            var head = -1;
            var words = 0;
            var k = j;
            while (k < _tokens.Length && words < MaxUnitWords)
            {
                var t = _tokens[k];
                if (t.Kind == TokenKind.Symbol)
                {
                    if (_text[t.Start] == '-' && Attached(k) && Attached(k + 1) && IsWord(k + 1) && words > 0)
                    {
                        k++;
                        continue;
                    }

                    break;
                }

                if (t.Kind != TokenKind.Word)
                {
                    break;
                }

                var e = Entry(k);
                if (e is not null)
                {
                    if (e.Unit is not null && (words == 0 || !e.Is(WordClass.NotUnit)) && !(WordIs(k, "x") && words > 0)
                        && !(e.UnitKind == UnitKind.Duration && words > 0 && Span(k).Length <= 2))
                    {
                        unit = e.Unit;
                        kind = e.UnitKind;
                        last = k;
                        return true;
                    }

                    if (e.Is(WordClass.Preposition) || e.Is(WordClass.Conjunction) || e.Is(WordClass.Determiner) && !e.Is(WordClass.NotUnit)
                        || e.Is(WordClass.Pronoun) || e.Is(WordClass.TimeWord) || e.Is(WordClass.Weekday) || e.Is(WordClass.WeakWeekday) || e.Is(WordClass.Month)
                        || e.Is(WordClass.Relative) || e.Is(WordClass.DeadlinePrep))
                    {
                        break;
                    }
                }

                if ((t.Flags & TokenFlags.Possessive) != 0)
                {
                    break;
                }

                head = k;
                words++;
                k++;
            }

            // a trailing gerund is the next verb, not the noun: "email 3 recruiters asking for..."
            while (head > j && Span(head).EndsWith("ing", StringComparison.OrdinalIgnoreCase) && Span(head).Length > 4)
            {
                head = PreviousWord(head, j);
            }

            if (head < 0)
            {
                return false;
            }

            var headEntry = Entry(head);
            if (headEntry is not null && headEntry.Is(WordClass.NotUnit))
            {
                return false;
            }

            last = head;
            var prev = PreviousWord(head, j);
            if (prev >= 0)
            {
                var pair = string.Concat(Span(prev), " ", Span(head));
                if (Compounds.Contains(pair))
                {
                    unit = Normalize(pair);
                    return true;
                }
            }

            unit = Normalize(Span(head).ToString());
            return unit.Length > 0;
        }

        private int PreviousWord(int i, int floor)
        {
            var k = i - 1;
            while (k >= floor && !IsWord(k))
            {
                k--;
            }

            return k >= floor ? k : -1;
        }
    }

    private static string Normalize(string noun)
    {
        var lower = noun.ToLowerInvariant().Replace('\u2019', '\'');
        if (lower.Contains(' ', StringComparison.Ordinal))
        {
            var space = lower.LastIndexOf(' ');
            var tail = lower[(space + 1)..];
            return Pluralizer.LooksPlural(tail) ? lower : string.Concat(lower.AsSpan(0, space + 1), Pluralizer.Pluralize(tail));
        }

        foreach (var ch in lower)
        {
            if (!char.IsLetter(ch) && ch != '-' && ch != '\'')
            {
                return string.Empty;
            }
        }

        return Pluralizer.LooksPlural(lower) ? lower : Pluralizer.Pluralize(lower);
    }

    /// <summary>Digits with thousands separators or a decimal point; NaN for dates, times and ranges.</summary>
    internal static double ParseDigits(ReadOnlySpan<char> s)
    {
        double whole = 0;
        double fraction = 0;
        double scale = 1;
        var inFraction = false;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiDigit(c))
            {
                if (inFraction)
                {
                    scale /= 10;
                    fraction += (c - '0') * scale;
                }
                else
                {
                    whole = whole * 10 + (c - '0');
                }
            }
            else if (c == ',' && !inFraction && IsThousandsGroup(s, i))
            {
                continue;
            }
            else if ((c == '.' || c == ',') && !inFraction)
            {
                inFraction = true;
            }
            else
            {
                return double.NaN;
            }
        }

        return whole + fraction;
    }

    private static bool IsThousandsGroup(ReadOnlySpan<char> s, int comma)
    {
        var digits = 0;
        var i = comma + 1;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            digits++;
            i++;
        }

        return digits == 3;
    }
}
