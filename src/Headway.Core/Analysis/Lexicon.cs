using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;

namespace Headway.Core.Analysis;

/// <summary>
/// The analyzer's word knowledge: action verbs (with their inflections generated once), object nouns, function
/// words, number words and units. Built once into a frozen, read-only table; looked up by span without allocating.
/// </summary>
internal static partial class Lexicon
{
    private const int MaxWordLength = 40;

    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Lookup;

    /// <summary>
    /// The fast path for plain ASCII words: an open-addressing table of the lowercase keys, hashed while the word is
    /// lowercased, so one pass over the word does both. Slots hold entry index + 1 (0 is empty) and the full hash,
    /// so a probe rarely touches a key that does not match.
    /// </summary>
    private static readonly int[] Slots;
    private static readonly int[] SlotHashes;
    private static readonly string[] LowerKeys;
    private static readonly int SlotMask;

    public static readonly ImmutableArray<LexEntry> Entries;

    static Lexicon()
    {
        var builder = new Builder();
        AddVerbs(builder);
        AddNouns(builder);
        AddFunctionWords(builder);
        AddNumbersAndUnits(builder);
        (Entries, var index) = builder.Build();
        Lookup = index.GetAlternateLookup<ReadOnlySpan<char>>();
        var size = 1;
        while (size < index.Count * 3)
        {
            size <<= 1;
        }

        Slots = new int[size];
        SlotHashes = new int[size];
        LowerKeys = new string[Entries.Length];
        SlotMask = size - 1;
        foreach (var (key, value) in index)
        {
            if (!Ascii.IsValid(key))
            {
                continue;
            }

            var lower = key.ToLowerInvariant();
            LowerKeys[value] = lower;
            var hash = Hash(lower);
            var slot = hash & SlotMask;
            while (Slots[slot] != 0)
            {
                slot = (slot + 1) & SlotMask;
            }

            Slots[slot] = value + 1;
            SlotHashes[slot] = hash;
        }
    }

    /// <summary>The entry index for a word (case-insensitive), or -1.</summary>
    public static int Find(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty || word.Length > MaxWordLength)
        {
            return -1;
        }

        Span<char> buffer = stackalloc char[MaxWordLength];
        var h = unchecked((int)2166136261);
        var ascii = true;
        for (var c = 0; c < word.Length; c++)
        {
            var ch = word[c];
            if (ch > 0x7F)
            {
                ascii = false;
                break;
            }

            ch = ch is >= 'A' and <= 'Z' ? (char)(ch | 0x20) : ch;
            buffer[c] = ch;
            h = unchecked((h ^ ch) * 16777619);
        }

        if (ascii)
        {
            var lower = buffer[..word.Length];
            var slot = h & SlotMask;
            while (Slots[slot] is var s and not 0)
            {
                if (SlotHashes[slot] == h && lower.SequenceEqual(LowerKeys[s - 1]))
                {
                    return s - 1;
                }

                slot = (slot + 1) & SlotMask;
            }

            return -1;
        }

        if (word.Contains('\u2019'))
        {
            word.CopyTo(buffer);
            buffer = buffer[..word.Length];
            buffer.Replace('\u2019', '\'');
            return Lookup.TryGetValue(buffer, out var j) ? j : -1;
        }

        return Lookup.TryGetValue(word, out var i) ? i : -1;
    }

    private static int Hash(ReadOnlySpan<char> lower)
    {
        var h = unchecked((int)2166136261);
        foreach (var ch in lower)
        {
            h = unchecked((h ^ ch) * 16777619);
        }

        return h;
    }

    public static LexEntry? Get(int index) => index >= 0 ? Entries[index] : null;

    private sealed class Draft
    {
        public Act Verb;
        public Resolver Resolver;
        public WordClass Classes;
        public ObjKind Objects;
        public Act Activity;
        public NumRole NumRole;
        public double Number = double.NaN;
        public string? Unit;
        public UnitKind UnitKind;
    }

    private sealed class Builder
    {
        private readonly Dictionary<string, Draft> _drafts = new(StringComparer.OrdinalIgnoreCase);

        private Draft At(string key)
        {
            if (!_drafts.TryGetValue(key, out var d))
            {
                d = new Draft();
                _drafts[key] = d;
            }

            return d;
        }

        /// <summary>Action verbs given as base forms; -s, -ing and -ed forms are generated.</summary>
        public void Verbs(Act act, string words, Resolver resolver = Resolver.None)
        {
            foreach (var word in Split(words))
            {
                foreach (var form in Inflections(word))
                {
                    var d = At(form);
                    if (d.Verb == Act.None && d.Resolver == Resolver.None)
                    {
                        d.Verb = act;
                        d.Resolver = resolver;
                    }
                }
            }
        }

        /// <summary>Extra verb forms that inflection rules miss (wrote, bought, sent...).</summary>
        public void Forms(string baseForm, string forms)
        {
            var source = At(baseForm);
            foreach (var form in Split(forms))
            {
                var d = At(form);
                if (d.Verb == Act.None && d.Resolver == Resolver.None)
                {
                    d.Verb = source.Verb;
                    d.Resolver = source.Resolver;
                }
            }
        }

        /// <summary>Object nouns given in the singular; plurals are generated.</summary>
        public void Nouns(ObjKind kind, string words, Act activity = Act.None)
        {
            foreach (var word in Split(words))
            {
                foreach (var form in new[] { word, Pluralizer.Pluralize(word) })
                {
                    var d = At(form);
                    d.Objects |= kind;
                    if (activity != Act.None && d.Activity == Act.None)
                    {
                        d.Activity = activity;
                    }
                }
            }
        }

        public void Words(WordClass classes, string words)
        {
            foreach (var word in Split(words))
            {
                At(word).Classes |= classes;
            }
        }

        public void Number(NumRole role, double value, string words)
        {
            foreach (var word in Split(words))
            {
                var d = At(word);
                d.NumRole = role;
                d.Number = value;
            }
        }

        public void Unit(string unit, UnitKind kind, string forms)
        {
            foreach (var form in Split(forms))
            {
                var d = At(form);
                d.Unit = unit;
                d.UnitKind = kind;
            }
        }

        public (ImmutableArray<LexEntry>, FrozenDictionary<string, int>) Build()
        {
            var entries = ImmutableArray.CreateBuilder<LexEntry>(_drafts.Count);
            var index = new Dictionary<string, int>(_drafts.Count, StringComparer.OrdinalIgnoreCase);
            foreach (var (key, d) in _drafts)
            {
                index[key] = entries.Count;
                entries.Add(new LexEntry(key, d.Verb, d.Resolver, d.Classes, d.Objects, d.Activity,
                    d.NumRole, d.Number, d.Unit, d.UnitKind));
            }

            return (entries.MoveToImmutable(), index.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase));
        }

        private static string[] Split(string words) =>
            words.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        private static IEnumerable<string> Inflections(string word)
        {
            yield return word;
            var last = word[^1];
            var beforeLast = word.Length > 1 ? word[^2] : ' ';
            var endsInConsonantY = last == 'y' && !IsVowel(beforeLast);
            if (endsInConsonantY)
            {
                yield return string.Concat(word.AsSpan(0, word.Length - 1), "ies");
                yield return string.Concat(word.AsSpan(0, word.Length - 1), "ied");
            }
            else if (word.EndsWith('s') || word.EndsWith('x') || word.EndsWith('z') || word.EndsWith("ch", StringComparison.Ordinal)
                || word.EndsWith("sh", StringComparison.Ordinal) || word.EndsWith('o'))
            {
                yield return word + "es";
            }
            else
            {
                yield return word + "s";
            }

            if (last == 'e' && beforeLast is not 'e' and not 'y' and not 'o')
            {
                var stem = word[..^1];
                yield return stem + "ing";
                yield return stem + "ed";
            }
            else
            {
                yield return word + "ing";
                yield return endsInConsonantY ? word[..^1] + "ied" : word + "ed";
                if (word.Length >= 3 && !IsVowel(last) && last is not 'w' and not 'x' and not 'y'
                    && IsVowel(beforeLast) && !IsVowel(word[^3]))
                {
                    yield return word + last + "ing";
                    yield return word + last + "ed";
                }
            }
        }

        private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
    }
}
