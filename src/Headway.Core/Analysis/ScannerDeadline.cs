namespace Headway.Core.Analysis;

internal ref partial struct Scanner
{
    /// <summary>Adds the first firm date or time: "by fri", "before march 1", "tonight", "at 3pm", "dec 14".</summary>
    public void FindDeadline()
    {
        var n = _tokens.Length;
        for (var i = 0; i < n; i++)
        {
            var t = _tokens[i];
            if (t.Kind == TokenKind.Number)
            {
                if (Outcome is not null && t.Start >= OutcomeFrom && t.Start < OutcomeTo)
                {
                    // the amount itself ("3 pm roles") is not a time
                    continue;
                }

                var s = Span(i);
                if (s.Contains('/') && !SymbolIs(i - 1, '$'))
                {
                    var from = Is(i - 1, WordClass.DeadlinePrep) ? i - 1 : i;
                    AddDeadline(from, i);
                    return;
                }

                if (WordIs(i + 1, "pm") || WordIs(i + 1, "am") || s.Contains(':') && WordIs(i - 1, "at"))
                {
                    var from = WordIs(i - 1, "at") || Is(i - 1, WordClass.DeadlinePrep) ? i - 1 : i;
                    AddDeadline(from, WordIs(i + 1, "pm") || WordIs(i + 1, "am") ? i + 1 : i);
                    return;
                }

                continue;
            }

            const WordClass DateWords = WordClass.DeadlinePrep | WordClass.Weekday | WordClass.WeakWeekday | WordClass.Month
                | WordClass.TimeWord | WordClass.DateLead;
            if (t.Kind != TokenKind.Word || Entry(i) is not { } e || !e.Is(DateWords))
            {
                continue;
            }

            if (WordIs(i, "every") || WordIs(i, "each"))
            {
                // recurring ("every morning") is a habit, not a deadline
                i++;
                continue;
            }

            if (e.Is(WordClass.DeadlinePrep) && i + 1 < n)
            {
                var k = i + 1;
                while (k < n && (WordIs(k, "the") || WordIs(k, "next") || WordIs(k, "this") || WordIs(k, "end") || WordIs(k, "of")
                    || WordIs(k, "mid") || WordIs(k, "early") || WordIs(k, "late")))
                {
                    k++;
                }

                var end = DateAt(k, afterPreposition: true);
                if (end >= 0 && !WordIs(i, "no"))
                {
                    AddDeadline(i, end);
                    return;
                }

                continue;
            }

            if ((WordIs(i, "this") || WordIs(i, "next")) && Entry(i + 1) is { } w
                && (w.Is(WordClass.Weekday) || w.Is(WordClass.WeakWeekday) || WordIs(i + 1, "week") || WordIs(i + 1, "weekend") || WordIs(i + 1, "month")))
            {
                AddDeadline(i, i + 1);
                return;
            }

            if (WordIs(i, "in") && Entry(i + 1) is { } m && m.Is(WordClass.Month) && !WordIs(i + 1, "may"))
            {
                AddDeadline(i, DateAt(i + 1, afterPreposition: true));
                return;
            }

            var date = DateAt(i, afterPreposition: false);
            if (date >= 0)
            {
                AddDeadline(i, date);
                return;
            }
        }
    }

    /// <summary>If a date or day starts at <paramref name="i"/>, the index of its last token; else -1.</summary>
    private readonly int DateAt(int i, bool afterPreposition)
    {
        if (i >= _tokens.Length)
        {
            return -1;
        }

        var t = _tokens[i];
        if (t.Kind == TokenKind.Number)
        {
            if (!afterPreposition)
            {
                return -1;
            }

            var s = Span(i);
            if (s.Contains('/'))
            {
                return i;
            }

            if (IsWord(i + 1) && !_tokens[i + 1].SpaceBefore && (WordIs(i + 1, "st") || WordIs(i + 1, "nd") || WordIs(i + 1, "rd")
                || WordIs(i + 1, "th") || WordIs(i + 1, "pm") || WordIs(i + 1, "am")))
            {
                return i + 1;
            }

            if (WordIs(i + 1, "pm") || WordIs(i + 1, "am"))
            {
                return i + 1;
            }

            if (Entry(i + 1) is { } m && m.Is(WordClass.Month))
            {
                return i + 1;
            }

            return -1;
        }

        if (Entry(i) is not { } e || t.Kind != TokenKind.Word)
        {
            return -1;
        }

        if (e.Is(WordClass.Weekday))
        {
            var end = i;
            if (WordIs(i + 1, "night") || WordIs(i + 1, "morning") || WordIs(i + 1, "evening") || WordIs(i + 1, "afternoon"))
            {
                end = i + 1;
            }

            return end;
        }

        if (e.Is(WordClass.WeakWeekday))
        {
            var last = i + 1 >= _tokens.Length || _tokens[i + 1].Kind == TokenKind.Symbol;
            return afterPreposition || last || WordIs(i - 1, "for") || WordIs(i - 1, "this") || WordIs(i - 1, "next") ? i : -1;
        }

        if (e.Is(WordClass.Month))
        {
            if (_tokens.Length > i + 1 && _tokens[i + 1].Kind == TokenKind.Number && !Span(i + 1).Contains('/'))
            {
                var end = i + 1;
                if (IsWord(i + 2) && !_tokens[i + 2].SpaceBefore && (WordIs(i + 2, "st") || WordIs(i + 2, "nd") || WordIs(i + 2, "rd") || WordIs(i + 2, "th")))
                {
                    end = i + 2;
                }

                return end;
            }

            return afterPreposition && !WordIs(i, "may") && !WordIs(i, "mar") ? i : -1;
        }

        if (WordIs(i, "today") || WordIs(i, "tonight") || WordIs(i, "tomorrow") || WordIs(i, "tmrw") || WordIs(i, "tmr")
            || WordIs(i, "tmw") || WordIs(i, "2moro") || WordIs(i, "eod") || WordIs(i, "eow") || WordIs(i, "eom") || WordIs(i, "cob")
            || WordIs(i, "noon") || WordIs(i, "midnight") || WordIs(i, "tmrws"))
        {
            return i;
        }

        if (afterPreposition && (WordIs(i, "week") || WordIs(i, "weekend") || WordIs(i, "month") || WordIs(i, "day") || WordIs(i, "year")
            || WordIs(i, "morning") || WordIs(i, "evening")))
        {
            return i;
        }

        return -1;
    }

    private void AddDeadline(int from, int to)
    {
        if (to < from)
        {
            return;
        }

        Add(SignalCode.Deadline, _tokens[from].Start, _tokens[to].End, Weights.Deadline);
    }
}
