namespace Headway.Core.Analysis;

/// <summary>
/// The clause-by-clause pass: finds each clause's head verb, reads its particle and object, and turns them into
/// signals. Lives on the stack for one call.
/// </summary>
internal ref partial struct Scanner
{
    private readonly ReadOnlySpan<char> _text;
    private readonly Span<Token> _tokens;
    private readonly Span<Hit> _hits;
    private int _count;
    private int _clause;
    private bool _afterTopic;
    private int _clauseEnd;

    public Outcome? Outcome;
    public int OutcomeFrom;
    public int OutcomeTo;

    public Scanner(ReadOnlySpan<char> text, Span<Token> tokens, Span<Hit> hits)
    {
        _text = text;
        _tokens = tokens;
        _hits = hits;
        _count = 0;
        _clause = 0;
        _afterTopic = false;
        _clauseEnd = 0;
        Outcome = null;
        OutcomeFrom = 0;
        OutcomeTo = 0;
    }

    public readonly Span<Hit> Hits => _hits[.._count];

    public void Add(SignalCode code, int from, int to, int weight) => Add(new Hit
    {
        Code = code,
        From = from,
        To = Math.Max(from, to),
        Weight = weight,
        Clause = _clause,
        Verb = -1,
        ObjectStart = -1,
        ObjectEnd = -1,
        ObjectHead = -1,
        Owner = -1,
    });

    private void Add(Hit hit)
    {
        if (_count < _hits.Length)
        {
            _hits[_count++] = hit;
        }
    }

    private readonly bool Has(SignalCode code)
    {
        for (var i = 0; i < _count; i++)
        {
            if (_hits[i].Code == code)
            {
                return true;
            }
        }

        return false;
    }

    public void Run()
    {
        var n = _tokens.Length;
        var i = 0;
        var atHead = true;
        while (i < n)
        {
            if (atHead)
            {
                atHead = false;
                i = Clause(i);
                _clause++;

                // every token before the clause's end was already found to be no boundary
                i = Math.Max(i, _clauseEnd);
                continue;
            }

            if (IsBoundary(i))
            {
                atHead = true;
            }
            else if (IsInfinitiveTo(i))
            {
                atHead = true;
            }

            i++;
        }
    }

    // ----- token helpers -------------------------------------------------------------------------------------

    private readonly ReadOnlySpan<char> Span(int i) => _text.Slice(_tokens[i].Start, _tokens[i].Length);

    private readonly LexEntry? Entry(int i) => i >= 0 && i < _tokens.Length ? Lexicon.Get(_tokens[i].Lex) : null;

    private readonly bool IsWord(int i) => i >= 0 && i < _tokens.Length && _tokens[i].Kind == TokenKind.Word;

    private readonly bool WordIs(int i, string word) =>
        IsWord(i) && Span(i).Equals(word, StringComparison.OrdinalIgnoreCase);

    private readonly bool SymbolIs(int i, char c) =>
        i >= 0 && i < _tokens.Length && _tokens[i].Kind == TokenKind.Symbol && _text[_tokens[i].Start] == c;

    private readonly bool Is(int i, WordClass c) => Entry(i)?.Is(c) == true;

    /// <summary>The next token index, stepping over a hyphen that joins two words ("follow-up").</summary>
    private readonly int Next(int i)
    {
        var j = i + 1;
        if (SymbolIs(j, '-') && !_tokens[j].SpaceBefore && j + 1 < _tokens.Length && !_tokens[j + 1].SpaceBefore)
        {
            return j + 1;
        }

        return j;
    }

    private readonly bool IsBoundary(int i)
    {
        var t = _tokens[i];
        if (t.Kind == TokenKind.Symbol)
        {
            var c = _text[t.Start];
            switch (c)
            {
                case ',' or ';' or '!' or '?' or '(' or ')' or '|' or '&' or '+' or '\u2022' or '>' or '\u2192':
                    return true;
                case '.':
                    // "Dr. Kim", "mrs. garcia": the dot of a title abbreviation does not end the clause.
                    return t.SpaceBefore || !IsTitle(i - 1);
                case ':':
                    return !WordIs(i - 1, "re");
                case '-' or '\u2013' or '\u2014':
                    return t.SpaceBefore;
                case '/':
                    return !WordIs(i - 1, "w") && !WordIs(i - 1, "and") && t.SpaceBefore;
                default:
                    return false;
            }
        }

        if (t.Kind == TokenKind.Word)
        {
            var e = Entry(i);
            if (e is not null && e.Is(WordClass.Conjunction) && !WordIs(i, "or") && !WordIs(i, "so") && !WordIs(i, "while"))
            {
                // "and" joins clauses only when a verb follows ("finish 1 page and post it"), not nouns ("me and Mike").
                var next = i + 1;
                if (WordIs(i, "and") || WordIs(i, "plus") || WordIs(i, "but"))
                {
                    while (WordIs(next, "then") || WordIs(next, "also"))
                    {
                        next++;
                    }

                    var ne = Entry(next);
                    return ne is not null && (ne.Verb != Act.None || ne.Resolver != Resolver.None || ne.Is(WordClass.IntentionCue))
                        && !ne.Is(WordClass.Determiner);
                }

                return true;
            }
        }

        return false;
    }

    /// <summary>"Dr", "mrs", "St": a title or abbreviation whose dot is not a full stop.</summary>
    private readonly bool IsTitle(int i) =>
        WordIs(i, "dr") || WordIs(i, "mr") || WordIs(i, "mrs") || WordIs(i, "ms") || WordIs(i, "prof") || WordIs(i, "st")
        || WordIs(i, "mt") || WordIs(i, "jr") || WordIs(i, "sr") || WordIs(i, "vs") || WordIs(i, "approx") || WordIs(i, "dept");

    /// <summary>"to do list": the noun, not an infinitive.</summary>
    private readonly bool IsToDoList(int i) =>
        WordIs(i, "to") && WordIs(i + 1, "do") && (WordIs(i + 2, "list") || WordIs(i + 2, "lists"));

    private readonly bool IsInfinitiveTo(int i)
    {
        if (!WordIs(i, "to") || IsToDoList(i) || WordIs(i - 1, "how") || WordIs(i - 1, "what") || WordIs(i - 1, "where") || WordIs(i - 1, "when")
            || WordIs(i - 1, "why") || WordIs(i - 1, "whether") || Is(i - 1, WordClass.IntentionCue) || WordIs(i - 1, "going")
            || WordIs(i - 1, "have") || WordIs(i - 1, "has") || WordIs(i - 1, "got") || WordIs(i - 1, "need") || WordIs(i - 1, "needs"))
        {
            // "a book on how to write" names a topic, not a second action
            return false;
        }

        var e = Entry(i + 1);
        return e is not null && (e.Verb != Act.None || e.Resolver != Resolver.None)
            && !e.Is(WordClass.Determiner) && !e.Is(WordClass.Pronoun) && e.Activity == Act.None
            && !e.Is(ObjKind.Person) && !e.Is(ObjKind.Platform) && !e.Is(ObjKind.Event) && !e.Is(ObjKind.Venue);
    }

    private readonly int ClauseEnd(int from)
    {
        var i = from;
        while (i < _tokens.Length && !IsBoundary(i) && !IsInfinitiveTo(i))
        {
            i++;
        }

        return i;
    }
}
