using System.Text;

namespace Headway.Core.Analysis;

/// <summary>
/// Writes the meaningful rewrite of a passive action from its own words: the passive signal picks the template,
/// the verb's object ("Maya's latest post", "smart thermostats") fills it, with "my" turned into "your".
/// </summary>
internal static class Suggestions
{
    private const int MaxPhraseChars = 90;

    /// <summary>One builder per thread, reused for every phrase: suggestions are written on hot paths.</summary>
    [ThreadStatic]
    private static StringBuilder? _builder;

    private static StringBuilder Builder()
    {
        var sb = _builder ??= new StringBuilder(128);
        sb.Clear();
        return sb;
    }

    public static string Write(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, ReadOnlySpan<Hit> hits, Outcome? outcome)
    {
        var primary = -1;
        for (var i = 0; i < hits.Length; i++)
        {
            var h = hits[i];
            if (h.Code.IsMeaningfulSide())
            {
                continue;
            }

            if (primary < 0 || h.Weight > hits[primary].Weight)
            {
                primary = i;
            }
        }

        var when = "by Friday";
        foreach (ref readonly var h in hits)
        {
            if (h.Code == SignalCode.Deadline)
            {
                when = Text.Clean(text[h.From..Math.Min(h.To, h.From + 40)]);
            }
        }

        if (primary < 0)
        {
            return "Name one checkable result and a day for it, e.g. \"write 500 words by Friday\", and tell someone you'll do it.";
        }

        var hit = hits[primary];
        if (hit.ObjectStart < 0)
        {
            // a cue ("fancier", "try to") found apart from its verb: borrow the object of the clause's verb
            foreach (ref readonly var other in hits)
            {
                if (other.Clause == hit.Clause && other.ObjectStart >= 0)
                {
                    hit.ObjectStart = other.ObjectStart;
                    hit.ObjectEnd = other.ObjectEnd;
                    hit.ObjectHead = other.ObjectHead;
                    hit.Owner = other.Owner;
                    hit.Objects = other.Objects;
                    if (hit.Code == SignalCode.Intention)
                    {
                        hit.Verb = other.Verb;
                    }

                    break;
                }
            }
        }

        var w = new Writer(text, tokens);
        var verb = w.Lower(hit.From, hit.To);
        var phrase = hit.ObjectStart >= 0 ? w.Phrase(hit.ObjectStart, hit.ObjectEnd, headOnly: false) : string.Empty;
        var noun = hit.ObjectStart >= 0 ? w.Phrase(hit.ObjectStart, hit.ObjectHead + 1, headOnly: true) : string.Empty;
        var subject = phrase.Length > 0 ? phrase : "it";
        var thing = noun.Length > 0 ? noun : subject;

        switch (hit.Code)
        {
            case SignalCode.Consumption:
                if ((hit.Objects & ObjKind.Social) != 0 && hit.Owner >= 0 || verb is "like" or "likes" or "upvote" or "heart" or "favorite" or "retweet" or "repost")
                {
                    var owner = hit.Owner >= 0 ? w.Name(hit.Owner) : "the author";
                    return $"Comment on {subject} with one specific question, then DM {owner} to ask for 15 minutes {when}.";
                }

                if (verb.StartsWith("follow", StringComparison.Ordinal))
                {
                    return $"Follow {subject}, then send one message: a specific question or an invitation to a 15-minute call {when}.";
                }

                if (verb.StartsWith("bookmark", StringComparison.Ordinal) || verb.StartsWith("save", StringComparison.Ordinal)
                    || verb.StartsWith("pin", StringComparison.Ordinal) || verb.StartsWith("clip", StringComparison.Ordinal))
                {
                    return $"Pick one of {thing} and use it {when}: put it on your calendar, do it, and share the result with someone.";
                }

                if (verb.StartsWith("browse", StringComparison.Ordinal) || verb.StartsWith("scroll", StringComparison.Ordinal)
                    || verb.StartsWith("search", StringComparison.Ordinal) || verb.StartsWith("look", StringComparison.Ordinal)
                    || verb.StartsWith("explore", StringComparison.Ordinal) || verb.StartsWith("check", StringComparison.Ordinal))
                {
                    return $"Limit {Gerund(verb)} {subject} to 15 minutes, then act on what you found: make, book or send one thing {when}, or ask one person who knows for a recommendation.";
                }

                return $"Make it output: after you {verb} {subject}, write down 3 takeaways and put one into practice {when}, then share what you tried with a friend or in a post.";
            case SignalCode.Acquisition:
                if ((hit.Objects & ObjKind.Software) != 0 && (hit.Objects & ObjKind.Goods) == 0 || verb.StartsWith("download", StringComparison.Ordinal)
                    || verb.StartsWith("install", StringComparison.Ordinal) || verb.StartsWith("subscribe", StringComparison.Ordinal)
                    || verb.StartsWith("sign", StringComparison.Ordinal))
                {
                    return $"Skip {Gerund(verb)} {thing}: take the first real step with what you already have (one page made, one message sent, one session booked) {when}, and tell someone.";
                }

                if ((hit.Objects & ObjKind.Course) != 0)
                {
                    return $"Instead of buying {thing}, sign up for a class with a start date or ask someone who knows for an hour of help, and put it on your calendar {when}.";
                }

                return $"Hold off on {Gerund(verb)} {thing} and spend the time on the goal it serves: do one session of the real work {when} (with a friend if you can), and buy it only if you still need it after three sessions.";
            case SignalCode.Intention:
                if (verb.StartsWith("think", StringComparison.Ordinal) || verb.StartsWith("look", StringComparison.Ordinal)
                    || verb.StartsWith("consider", StringComparison.Ordinal) || verb.StartsWith("decide", StringComparison.Ordinal)
                    || verb.StartsWith("wonder", StringComparison.Ordinal) || verb.StartsWith("ponder", StringComparison.Ordinal))
                {
                    return $"Give {subject} 20 minutes, then decide: write the decision down and take its first step (send, book or submit one thing) {when}.";
                }

                var rest = w.Rest(hit.To);
                return rest.Length > 0
                    ? $"Replace the intention with a commitment: put \"{rest}\" on your calendar with a day and time, and ask a friend to join you or check that you did it."
                    : $"Name the one step you'd take, put it on your calendar with a day and time, and tell someone who will check {when}.";
            case SignalCode.Preparation:
                if (verb.StartsWith("research", StringComparison.Ordinal) || verb.StartsWith("compar", StringComparison.Ordinal)
                    || verb.StartsWith("investigat", StringComparison.Ordinal) || verb.StartsWith("look", StringComparison.Ordinal)
                    || verb.StartsWith("find", StringComparison.Ordinal) || verb.StartsWith("google", StringComparison.Ordinal)
                    || verb.StartsWith("analy", StringComparison.Ordinal))
                {
                    return $"Cap the research on {subject} at 30 minutes, then ask one person who has done it for advice and take the first real step {when}.";
                }

                if (hit.ObjectHead >= 0 && Lexicon.Get(tokens[hit.ObjectHead].Lex) is { } goal && goal.Is(ObjKind.Goal)
                    || verb.StartsWith("plan", StringComparison.Ordinal) || verb.StartsWith("make", StringComparison.Ordinal)
                    || verb.StartsWith("create", StringComparison.Ordinal) || verb.StartsWith("list", StringComparison.Ordinal)
                    || verb.StartsWith("map", StringComparison.Ordinal)
                    || verb.StartsWith("brainstorm", StringComparison.Ordinal) || verb.StartsWith("outline", StringComparison.Ordinal)
                    || verb.StartsWith("set", StringComparison.Ordinal) || verb.StartsWith("write", StringComparison.Ordinal))
                {
                    return $"Turn {subject} into one dated commitment: pick the most important item, put its first deadline on your calendar {when}, and tell someone who will check in.";
                }

                return $"Leave {thing} as is and use the time to produce: make or finish one thing with it (a page, a piece, a practice session) {when} and show it to someone.";
            case SignalCode.PassiveConnection:
                return $"Message {thing} with one specific question or an invitation to a 15-minute call {when}, and follow up in a week if you don't hear back.";
            case SignalCode.Polishing:
                thing = The(subject);
                return $"Call {thing} done as it is and put it in front of people: send it to 3 people or publish it {when}, and change only what they point out.";
            default:
                var what = hit.ObjectStart >= 0 ? w.Phrase(hit.Verb >= 0 ? hit.Verb : hit.ObjectStart, hit.ObjectEnd, headOnly: false) : verb;
                if (what.Length == 0)
                {
                    what = "this";
                }

                var amount = outcome is null ? "45 minutes or 500 words" : outcome.Phrase;
                return $"Turn \"{what}\" into one checkable step with a number and a day (e.g. {amount} {when}), and tell someone you'll do it.";
        }
    }

    /// <summary>"a fancier email signature" → "the email signature"; "your cover letter" stays.</summary>
    private static string The(string phrase)
    {
        foreach (var article in (ReadOnlySpan<string>)["a ", "an ", "the "])
        {
            if (phrase.StartsWith(article, StringComparison.OrdinalIgnoreCase))
            {
                return string.Concat("the ", phrase.AsSpan(article.Length));
            }
        }

        return phrase.StartsWith("your ", StringComparison.Ordinal) || phrase.Length == 0 ? (phrase.Length == 0 ? "it" : phrase) : "the " + phrase;
    }

    private static string Gerund(string verb)
    {
        var space = verb.IndexOf(' ', StringComparison.Ordinal);
        var head = space > 0 ? verb[..space] : verb;
        var tail = space > 0 ? verb[space..] : string.Empty;
        if (head.EndsWith("ing", StringComparison.Ordinal))
        {
            return verb;
        }

        if (head.EndsWith('s') && head.Length > 3 && !head.EndsWith("ss", StringComparison.Ordinal))
        {
            head = head[..^1];
        }

        head = head switch
        {
            "buy" or "bought" => "buying",
            "get" or "got" => "getting",
            "shop" => "shopping",
            _ when head.EndsWith('e') && !head.EndsWith("ee", StringComparison.Ordinal) => head[..^1] + "ing",
            _ => head + "ing",
        };
        return head + tail;
    }

    private readonly ref struct Writer(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens)
    {
        private readonly ReadOnlySpan<char> _text = text;
        private readonly ReadOnlySpan<Token> _tokens = tokens;

        public string Lower(int from, int to)
        {
            var length = Math.Min(to - from, 40);
            if (length <= 0)
            {
                return string.Empty;
            }

            var clean = Text.CleanSpan(_text.Slice(from, length));
            Span<char> lower = stackalloc char[clean.Length];
            clean.ToLowerInvariant(lower);
            return lower.ToString();
        }

        public string Name(int i)
        {
            var t = _tokens[i];
            var s = _text.Slice(t.Start, t.Length);
            if ((t.Flags & TokenFlags.Possessive) != 0)
            {
                s = s[..^2];
            }

            return s.Equals("her", StringComparison.OrdinalIgnoreCase) ? "her"
                : s.Equals("his", StringComparison.OrdinalIgnoreCase) ? "him"
                : s.Equals("their", StringComparison.OrdinalIgnoreCase) ? "them"
                : s.Equals("my", StringComparison.OrdinalIgnoreCase) ? "the author"
                : Text.Clean(s);
        }

        /// <summary>The words from <paramref name="from"/> to <paramref name="to"/>, without dates or polish cues, in the second person.</summary>
        public string Phrase(int from, int to, bool headOnly)
        {
            if (from < 0 || from >= _tokens.Length)
            {
                return string.Empty;
            }

            to = Math.Min(to, _tokens.Length);
            var sb = Builder();
            var previousEnd = -1;
            for (var i = from; i < to; i++)
            {
                var t = _tokens[i];
                var e = Lexicon.Get(t.Lex);
                if (e is not null && (e.Is(WordClass.Weekday) || e.Is(WordClass.DeadlinePrep) && IsDateAhead(i) || WordIs(i, "again")
                    || IsDateWord(i) || (WordIs(i, "one") && WordIs(i + 1, "more"))))
                {
                    break;
                }

                if (e is not null && e.Is(WordClass.PolishCue) && !e.Is(ObjKind.Work) && (WordIs(i, "fancier") || WordIs(i, "prettier")
                    || WordIs(i, "nicer") || WordIs(i, "cooler") || WordIs(i, "sleeker") || WordIs(i, "slicker") || WordIs(i, "shinier")
                    || WordIs(i, "perfect") || WordIs(i, "perfectly")))
                {
                    continue;
                }

                if (t.Kind == TokenKind.Symbol && _text[t.Start] is ',' or ';' or '.' or '!' or '?' or '(' or ')')
                {
                    break;
                }

                if (headOnly && t.Kind == TokenKind.Symbol && _text[t.Start] is '\'' or '"')
                {
                    continue;
                }

                if (previousEnd >= 0 && t.SpaceBefore)
                {
                    sb.Append(' ');
                }

                sb.Append(Reflect(i));
                previousEnd = t.End;
                if (sb.Length > MaxPhraseChars)
                {
                    break;
                }
            }

            return Trimmed(sb);
        }

        /// <summary>The action after an intention cue, minus "i'm going to": "work out this week".</summary>
        public string Rest(int fromChar)
        {
            var i = 0;
            while (i < _tokens.Length && _tokens[i].Start < fromChar)
            {
                i++;
            }

            while (i < _tokens.Length && (Lexicon.Get(_tokens[i].Lex) is { } e && (e.Is(WordClass.Pronoun) || e.Is(WordClass.Filler))
                || WordIs(i, "going") || WordIs(i, "to") || WordIs(i, "that") || WordIs(i, "will") || _tokens[i].Kind == TokenKind.Symbol))
            {
                i++;
            }

            var sb = Builder();
            for (var k = i; k < _tokens.Length && sb.Length < MaxPhraseChars; k++)
            {
                if (k > i && _tokens[k].SpaceBefore)
                {
                    sb.Append(' ');
                }

                sb.Append(Reflect(k));
            }

            return Trimmed(sb).TrimEnd('.', '!', ',', ';');
        }

        private bool IsDateAhead(int i) =>
            i + 1 < _tokens.Length && (Lexicon.Get(_tokens[i + 1].Lex) is { } e && (e.Is(WordClass.Weekday) || e.Is(WordClass.Month)
                || e.Is(WordClass.TimeWord) || WordIs(i + 1, "next") || WordIs(i + 1, "this") || WordIs(i + 1, "the") && i + 2 < _tokens.Length
                && _tokens[i + 2].Kind == TokenKind.Number) || _tokens[i + 1].Kind == TokenKind.Number);

        private bool IsDateWord(int i) =>
            WordIs(i, "today") || WordIs(i, "tonight") || WordIs(i, "tomorrow") || WordIs(i, "tmrw") || WordIs(i, "eod")
            || (WordIs(i, "this") || WordIs(i, "next")) && (WordIs(i + 1, "week") || WordIs(i + 1, "weekend") || WordIs(i + 1, "month"));

        private bool WordIs(int i, string w) =>
            i >= 0 && i < _tokens.Length && _tokens[i].Kind == TokenKind.Word
            && _text.Slice(_tokens[i].Start, _tokens[i].Length).Equals(w, StringComparison.OrdinalIgnoreCase);

        /// <summary>The builder's text without leading or trailing white space, as one string.</summary>
        private static string Trimmed(StringBuilder sb)
        {
            var from = 0;
            var to = sb.Length;
            while (from < to && char.IsWhiteSpace(sb[from]))
            {
                from++;
            }

            while (to > from && char.IsWhiteSpace(sb[to - 1]))
            {
                to--;
            }

            return sb.ToString(from, to - from);
        }

        /// <summary>The word at <paramref name="i"/> in the second person ("my" → "your"), without copying it.</summary>
        private ReadOnlySpan<char> Reflect(int i)
        {
            var t = _tokens[i];
            var s = _text.Slice(t.Start, t.Length);
            var inCompound = !t.SpaceBefore && i > 0 && (_tokens[i - 1].Kind == TokenKind.Symbol && _text[_tokens[i - 1].Start] == '-'
                || _tokens[i - 1].Kind == TokenKind.Number);
            if (t.Kind == TokenKind.Word && !inCompound)
            {
                Span<char> lower = stackalloc char[Math.Min(s.Length, 12)];
                if (s.Length <= 12)
                {
                    s.ToLowerInvariant(lower);
                    lower.Replace('\u2019', '\'');
                    var swapped = lower switch
                    {
                        "my" => "your",
                        "me" => "you",
                        "i" => "you",
                        "myself" => "yourself",
                        "mine" => "yours",
                        "i'm" or "im" => "you're",
                        "i'll" => "you'll",
                        "i've" => "you've",
                        "i'd" => "you'd",
                        "our" => "your",
                        "ours" => "yours",
                        "we" => "you",
                        "us" => "you",
                        "am" => "are",
                        _ => null,
                    };
                    if (swapped is not null)
                    {
                        return swapped;
                    }
                }
            }

            return Text.CleanSpan(s);
        }
    }
}
