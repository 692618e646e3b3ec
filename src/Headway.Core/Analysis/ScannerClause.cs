namespace Headway.Core.Analysis;

internal ref partial struct Scanner
{
    private const int MaxObjectWords = 7;

    /// <summary>Reads one clause starting at <paramref name="start"/>; returns where scanning continues.</summary>
    private int Clause(int start)
    {
        var n = _tokens.Length;
        var end = ClauseEnd(start);
        _clauseEnd = end;
        var j = start;
        var suppressed = false;
        var firstClause = _clause == 0 || _afterTopic;
        _afterTopic = false;
        while (j < end)
        {
            var t = _tokens[j];
            if (t.Kind == TokenKind.Symbol || t.Kind == TokenKind.Number && (SymbolIs(j + 1, '.') || SymbolIs(j + 1, ')')) && j == start)
            {
                // bullets, checkboxes, list numbers
                j++;
                continue;
            }

            if (t.Kind != TokenKind.Word)
            {
                break;
            }

            var e = Entry(j);
            if (e is null)
            {
                break;
            }

            if (e.Is(WordClass.Negation))
            {
                if (e.Is(WordClass.NoFollowUp) && WordIs(j + 1, "follow") || WordIs(j + 1, "followup") || WordIs(j + 1, "follow-up"))
                {
                    var to = WordIs(Next(j + 1), "up") ? Next(j + 1) : j + 1;
                    AddAt(SignalCode.PassiveConnection, j, to, Weights.Of(Act.PassiveConnection), halvable: false);
                    return Math.Max(to + 1, start + 1);
                }

                suppressed = true;
                j++;
                continue;
            }

            if (TryIntention(ref j, end))
            {
                continue;
            }

            if (e.Verb != Act.None || e.Resolver != Resolver.None)
            {
                // "going to call", "need to email", "have to submit": tense and obligation, not intention.
                if ((WordIs(j, "going") || WordIs(j, "have") || WordIs(j, "has") || WordIs(j, "got")) && WordIs(j + 1, "to")
                    && Entry(j + 2) is { } v && (v.Verb != Act.None || v.Resolver != Resolver.None) && !v.Is(WordClass.Determiner))
                {
                    j += 2;
                    continue;
                }

                break;
            }

            if (e.Is(WordClass.Filler) || e.Is(WordClass.Pronoun) && !e.Is(WordClass.Reflexive) || e.Is(WordClass.Weekday)
                || e.Is(WordClass.TimeWord) || WordIs(j, "to") || WordIs(j, "and") || WordIs(j, "then"))
            {
                j++;
                continue;
            }

            break;
        }

        if (j >= end)
        {
            return Math.Max(end, start + 1);
        }

        if (suppressed)
        {
            return Math.Max(j + 1, start + 1);
        }

        if (_tokens[j].Kind == TokenKind.Word && _tokens[j].Lex < 0 && !IsNameLabel(j))
        {
            // "calll the bank", "emial prof", "reserach grad programs": a misspelled head verb is still that verb
            var typo = Lexicon.FindTypoVerb(Span(j));
            if (typo >= 0)
            {
                _tokens[j].Lex = typo;
            }
        }

        var head = Entry(j);
        if (_tokens[j].Kind == TokenKind.Word && head is not null && (head.Verb != Act.None || head.Resolver != Resolver.None))
        {
            Verb(j, end);
            return Math.Max(j + 1, start + 1);
        }

        if (firstClause)
        {
            NounHead(j, end);
        }

        return Math.Max(j + 1, start + 1);
    }

    /// <summary>"try to", "want to", "maybe", "someday", "tell myself" (the last is handled with the verb).</summary>
    private bool TryIntention(ref int j, int end)
    {
        var e = Entry(j)!;
        if (!e.Is(WordClass.IntentionCue))
        {
            return false;
        }

        var strong = WordIs(j, "maybe") || WordIs(j, "someday") || WordIs(j, "eventually") || WordIs(j, "hopefully")
            || WordIs(j, "perhaps") || WordIs(j, "possibly") || WordIs(j, "probably") || WordIs(j, "ideally")
            || WordIs(j, "wanna") || WordIs(j, "gonna") || WordIs(j, "would") || WordIs(j, "could") || WordIs(j, "might");
        if (WordIs(j, "gonna"))
        {
            // "gonna" is future tense, not a hedge.
            j++;
            return true;
        }

        if (strong)
        {
            var to = WordIs(j + 1, "to") || WordIs(j + 1, "like") && WordIs(j + 2, "to") ? (WordIs(j + 1, "to") ? j + 1 : j + 2) : j;
            AddAt(SignalCode.Intention, j, to, Weights.Of(Act.Intention), halvable: false);
            j = to + 1;
            return true;
        }

        if (WordIs(j + 1, "to") && j + 2 < end)
        {
            AddAt(SignalCode.Intention, j, j + 1, Weights.Of(Act.Intention), halvable: false);
            j += 2;
            return true;
        }

        return false;
    }

    private void AddAt(SignalCode code, int fromToken, int toToken, int weight, bool halvable) =>
        Add(NewHit(code, fromToken, toToken, weight, halvable));

    /// <summary>A clause with no verb at its head: "gym 30 min", "mtg w/ Sam re: budget", "dentist", "taxes".</summary>
    private void NounHead(int j, int end)
    {
        if (_tokens[j].Kind == TokenKind.Number && Span(j) is "1:1")
        {
            // "1:1 w/ manager re promo": a one-on-one meeting
            var meeting = NewHit(SignalCode.Commitment, j, j, Weights.Of(Act.Commitment), halvable: false);
            FillObject(ref meeting, j + 1, end);
            Add(meeting);
            return;
        }

        if (WordIs(j, "f") && SymbolIs(j + 1, '/') && WordIs(j + 2, "u"))
        {
            // "f/u w/ recruiter": follow up
            var followUp = NewHit(SignalCode.Outreach, j, j + 2, Weights.Of(Act.Outreach), halvable: false);
            FillObject(ref followUp, j + 3, end);
            Add(followUp);
            return;
        }

        for (var i = j; i < end; i++)
        {
            if (WordIs(i, "due"))
            {
                // "hw 4 due fri", "essay due mon", "taxes due apr 15": a deliverable with its deadline is work to finish
                for (var k = j; k < i; k++)
                {
                    if (Entry(k) is { } d && (d.Is(ObjKind.Work) || d.Is(ObjKind.Document) || WordIs(k, "taxes")))
                    {
                        var due = NewHit(SignalCode.Completion, k, k, Weights.Of(Act.Completion), halvable: false);
                        FillObject(ref due, k + 1, end);
                        Add(due);
                        return;
                    }
                }

                break;
            }
        }

        for (var i = j; i < end; i++)
        {
            var e = Entry(i);
            if (e is not null && e.Activity != Act.None)
            {
                var act = e.Activity;
                if (act == Act.Vague && Outcome is not null)
                {
                    continue;
                }

                var hit = NewHit(Weights.Code(act), i, i, Weights.Of(act), act.IsPassive());
                FillObject(ref hit, i + 1, end);
                Add(hit);
                return;
            }
        }

        var words = 0;
        for (var i = j; i < end; i++)
        {
            if (_tokens[i].Kind == TokenKind.Word)
            {
                words++;
            }
        }

        var first = Entry(j);
        var unknownVerbLike = _tokens[j].Kind == TokenKind.Word && (first is null || first.Classes == WordClass.None && first.Objects == ObjKind.None && first.NumRole == NumRole.None && first.Unit is null)
            && (_tokens[j].Flags & TokenFlags.Capitalized) == 0 && (_tokens[j].Flags & TokenFlags.Possessive) == 0;
        if (unknownVerbLike && words >= 2)
        {
            // An unknown word leading a multi-word to-do is almost always an action verb ("mow the lawn",
            // "repot the fern"): doing a concrete task, weakly.
            var hit = NewHit(SignalCode.Completion, j, j, Weights.WeakCompletion, halvable: false);
            FillObject(ref hit, j + 1, end);
            Add(hit);
        }
        else if (IsTopic(j, end))
        {
            // "Jen: ask her for a referral", "Mom - call sun": a name or topic heading the line, not a vague action
            _afterTopic = true;
        }
        else if (Outcome is null)
        {
            var last = end - 1;
            while (last > j && _tokens[last].Kind != TokenKind.Word)
            {
                last--;
            }

            var hit = NewHit(SignalCode.Vague, j, last, Weights.Vague, halvable: false);
            hit.ObjectStart = j;
            hit.ObjectEnd = end;
            hit.ObjectHead = last;
            Add(hit);
        }
    }

    /// <summary>A capitalized word directly followed by ':' or a dash or its possessive: a name, not a misspelled verb.</summary>
    private readonly bool IsNameLabel(int j) =>
        (_tokens[j].Flags & TokenFlags.Capitalized) != 0
        && ((_tokens[j].Flags & TokenFlags.Possessive) != 0 || SymbolIs(j + 1, ':') || SymbolIs(j + 1, '-') || SymbolIs(j + 1, '\u2013')
            || SymbolIs(j + 1, '\u2014'));

    /// <summary>A short heading before ':' or a spaced dash with more to come: "Jen:", "Sam re: budget -", "Lisa bday -".</summary>
    private readonly bool IsTopic(int j, int end)
    {
        if (end + 1 >= _tokens.Length || !(SymbolIs(end, ':') || _tokens[end].SpaceBefore && (SymbolIs(end, '-') || SymbolIs(end, '\u2013') || SymbolIs(end, '\u2014'))))
        {
            return false;
        }

        var words = 0;
        for (var i = j; i < end; i++)
        {
            if (_tokens[i].Kind == TokenKind.Word)
            {
                words++;
            }
        }

        return words <= 3;
    }

    private readonly Hit NewHit(SignalCode code, int fromToken, int toToken, int weight, bool halvable) => new()
    {
        Code = code,
        From = _tokens[fromToken].Start,
        To = _tokens[toToken].End,
        Weight = weight,
        Clause = _clause,
        Halvable = halvable,
        Verb = fromToken,
        ObjectStart = -1,
        ObjectEnd = -1,
        ObjectHead = -1,
        Owner = -1,
    };

    /// <summary>
    /// Finds the object phrase after a verb: skips leading prepositions ("to the gym", "up for the 5K"), then reads
    /// words up to the next preposition, conjunction, date or punctuation. The head is the last noun read.
    /// </summary>
    private readonly void FillObject(ref Hit hit, int from, int end)
    {
        var i = from;
        var skipped = 0;
        while (i < end && skipped < 3 && IsWord(i) && (Is(i, WordClass.Preposition) || IsParticle(i)))
        {
            i = SymbolIs(i + 1, '/') && WordIs(i, "w") ? i + 2 : Next(i);
            skipped++;
        }

        hit.ObjectStart = i;
        var head = -1;
        var words = 0;
        var kinds = ObjKind.None;
        while (i < end && words < MaxObjectWords)
        {
            var t = _tokens[i];
            var e = Entry(i);
            if (t.Kind == TokenKind.Symbol)
            {
                var c = _text[t.Start];
                if (c is '\'' or '"' or '\u2018' or '\u201C' or '\u201D' or '$' or '#' || c == '-' && !t.SpaceBefore || c == '.' && !t.SpaceBefore && IsTitle(i - 1))
                {
                    i++;
                    continue;
                }

                break;
            }

            if (t.Kind == TokenKind.Word && e is not null)
            {
                var stop = e.Is(WordClass.Preposition) && !(WordIs(i, "of") && head >= 0 && Is(head, WordClass.Quantifier)) && !IsToDoList(i)
                    || e.Is(WordClass.Conjunction) || e.Is(WordClass.TimeWord) && !e.Is(ObjKind.Event) || e.Is(WordClass.Weekday) || e.Is(WordClass.WeakWeekday)
                    || e.Is(WordClass.Relative) || e.Is(WordClass.DeadlinePrep) && !WordIs(i, "no")
                    || e.Is(WordClass.Pronoun) && words > 0;
                if (stop)
                {
                    break;
                }

                if ((t.Flags & TokenFlags.Possessive) != 0 && hit.Owner < 0)
                {
                    hit.Owner = i;
                }

                if (!e.Is(WordClass.Determiner) && !(e.Is(WordClass.Pronoun) && !e.Is(WordClass.Reflexive)) || words == 0 && e.Is(WordClass.Pronoun))
                {
                    head = i;
                }
            }
            else if (t.Kind == TokenKind.Word)
            {
                if ((t.Flags & TokenFlags.Possessive) != 0 && hit.Owner < 0)
                {
                    hit.Owner = i;
                }

                head = i;
            }

            if (t.Kind == TokenKind.Word)
            {
                words++;
                if (e is not null)
                {
                    kinds |= e.Objects;
                }
            }

            i++;
        }

        hit.ObjectHead = head;
        var tail = i;
        while (tail < end)
        {
            if (Entry(tail) is { } te)
            {
                kinds |= te.Objects;
            }

            tail++;
        }

        hit.ObjectEnd = end;
        hit.Objects = kinds;
    }

    private readonly bool IsParticle(int i) =>
        WordIs(i, "up") || WordIs(i, "out") || WordIs(i, "into") || WordIs(i, "through") || WordIs(i, "over")
        || WordIs(i, "down") || WordIs(i, "off") || WordIs(i, "back") || WordIs(i, "around") || WordIs(i, "away");
}

internal static class ActExtensions
{
    public static bool IsPassive(this Act act) => act >= Act.Consumption;
}
