namespace Headway.Core.Analysis;

internal enum TokenKind : byte
{
    Word,
    Number,
    Symbol,
}

[Flags]
internal enum TokenFlags : byte
{
    None = 0,
    SpaceBefore = 1,
    Possessive = 2,
    Capitalized = 4,
}

/// <summary>A slice of the action text; <see cref="Lex"/> indexes <see cref="Lexicon"/> or is -1.</summary>
internal struct Token
{
    public int Start;
    public int Length;
    public TokenKind Kind;
    public TokenFlags Flags;
    public int Lex;

    public readonly int End => Start + Length;

    public readonly bool SpaceBefore => (Flags & TokenFlags.SpaceBefore) != 0;
}

/// <summary>
/// Hand-written, single-pass scanner: linear in the scanned length, no allocation, no backtracking.
/// Words may hold inner apostrophes ("maya's") and dots between letters ("reverb.com"); numbers may hold
/// separators between digits ("1,000", "1.5", "5/10", "3:30").
/// </summary>
internal static class Tokenizer
{
    public static int Tokenize(ReadOnlySpan<char> s, Span<Token> dest)
    {
        var count = 0;
        var i = 0;
        var space = true;
        while (i < s.Length && count < dest.Length)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = true;
                i++;
                continue;
            }

            var start = i;
            TokenKind kind;
            if (char.IsAsciiDigit(c))
            {
                kind = TokenKind.Number;
                i++;
                while (i < s.Length)
                {
                    var d = s[i];
                    if (char.IsAsciiDigit(d))
                    {
                        i++;
                    }
                    else if (d is ',' or '.' or '/' or ':' && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1]))
                    {
                        i += 2;
                    }
                    else
                    {
                        break;
                    }
                }
            }
            else if (char.IsLetter(c))
            {
                kind = TokenKind.Word;
                i++;
                while (i < s.Length)
                {
                    var d = s[i];
                    if (char.IsLetterOrDigit(d) || IsMark(d))
                    {
                        i++;
                    }
                    else if (d is '\'' or '\u2019' or '.' && i + 1 < s.Length && char.IsLetter(s[i + 1]))
                    {
                        i += 2;
                    }
                    else
                    {
                        break;
                    }
                }
            }
            else
            {
                kind = TokenKind.Symbol;
                i++;
            }

            var flags = space ? TokenFlags.SpaceBefore : TokenFlags.None;
            var length = i - start;
            var lex = -1;
            if (kind == TokenKind.Word)
            {
                if (char.IsUpper(c))
                {
                    flags |= TokenFlags.Capitalized;
                }

                var word = s.Slice(start, length);
                if (word.Length > 2 && word[^1] is 's' or 'S' && word[^2] is '\'' or '\u2019')
                {
                    flags |= TokenFlags.Possessive;
                    lex = Lexicon.Find(word[..^2]);
                }
                else
                {
                    lex = Lexicon.Find(word);
                }
            }

            dest[count++] = new Token { Start = start, Length = length, Kind = kind, Flags = flags, Lex = lex };
            space = false;
        }

        return count;
    }

    private static bool IsMark(char c) =>
        char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark;
}
