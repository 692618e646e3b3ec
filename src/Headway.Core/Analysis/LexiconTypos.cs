using System.Collections.Frozen;

namespace Headway.Core.Analysis;

internal static partial class Lexicon
{
    private const int MinTypoLength = 4;
    private const int MinOmissionLength = 6;
    private const int Ambiguous = -2;

    /// <summary>
    /// The verb a misspelled word most likely stands for ("emial", "reserach", "calll", "pratice"), or -1. Only the
    /// typos that rarely make another English word count: two neighbouring letters swapped, a letter typed three
    /// times, or a letter left out of a verb of at least <see cref="MinOmissionLength"/> letters. Replaced letters and
    /// single extra letters are not guessed: "hiring" is not "hiking", "writer" is not "write". A word that could be two
    /// different verbs is left alone.
    /// </summary>
    public static int FindTypoVerb(ReadOnlySpan<char> word)
    {
        if (word.Length < MinTypoLength || word.Length > MaxWordLength)
        {
            return -1;
        }

        Span<char> lower = stackalloc char[MaxWordLength];
        lower = lower[..word.Length];
        word.ToLowerInvariant(lower);
        foreach (var c in lower)
        {
            if (!char.IsAsciiLetterLower(c))
            {
                return -1;
            }
        }

        // a letter left out: the word is one of a long verb's one-letter deletions
        var found = lower.Length + 1 >= MinOmissionLength && Typos.Deletions.TryGetValue(lower, out var omitted) && (omitted < 0 || IsBaseForm(omitted))
            ? omitted : -1;
        Span<char> shorter = stackalloc char[MaxWordLength];
        shorter = shorter[..(word.Length - 1)];
        for (var i = 0; i < lower.Length && found != Ambiguous; i++)
        {
            lower[..i].CopyTo(shorter);
            lower[(i + 1)..].CopyTo(shorter[i..]);

            // a letter typed three times ("calll"): dropping one gives the verb itself
            if (i >= 2 && lower[i] == lower[i - 1] && lower[i] == lower[i - 2] && Lookup.TryGetValue(shorter, out var extra) && IsTypoTarget(extra))
            {
                found = Merge(found, extra);
            }

            // two neighbours swapped ("emial"): both words lose a letter and meet
            if (Typos.Deletions.TryGetValue(shorter, out var near) && near >= 0 && IsSwap(lower, Entries[near].Key))
            {
                found = Merge(found, near);
            }
        }

        return found >= 0 ? found : -1;
    }

    /// <summary>An uninflected verb: a letter missing from "stated" or "pending" makes another inflected word.</summary>
    private static bool IsBaseForm(int index) =>
        Entries[index].Key is var key && !key.EndsWith("ing", StringComparison.Ordinal) && !key.EndsWith("ed", StringComparison.Ordinal);

    private static bool IsVerb(int index) => Entries[index] is { } e && (e.Verb != Act.None || e.Resolver != Resolver.None);

    /// <summary>
    /// A verb form a typo may stand for: not a third-person "-s" form, which a plural noun one letter away would hit
    /// ("weights" is not "weighs").
    /// </summary>
    private static bool IsTypoTarget(int index)
    {
        if (!IsVerb(index))
        {
            return false;
        }

        var key = Entries[index].Key;
        return !(key.EndsWith('s') && (Lookup.TryGetValue(key.AsSpan(0, key.Length - 1), out _)
            || key.EndsWith("es", StringComparison.Ordinal) && Lookup.TryGetValue(key.AsSpan(0, key.Length - 2), out _)));
    }

    private static int Merge(int found, int candidate)
    {
        if (found == -1 || found == candidate)
        {
            return candidate;
        }

        return found == Ambiguous || Entries[found].Verb != Entries[candidate].Verb || Entries[found].Resolver != Entries[candidate].Resolver
            ? Ambiguous : found;
    }

    private static bool IsSwap(ReadOnlySpan<char> typed, string verb)
    {
        if (typed.Length != verb.Length)
        {
            return false;
        }

        var i = 0;
        while (i < typed.Length && typed[i] == verb[i])
        {
            i++;
        }

        return i + 1 < typed.Length && typed[i] == verb[i + 1] && typed[i + 1] == verb[i] && typed[(i + 2)..].SequenceEqual(verb.AsSpan(i + 2));
    }

    /// <summary>Every one-letter deletion of every verb form of at least <see cref="MinTypoLength"/> letters, built once.</summary>
    private static class Typos
    {
        public static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Deletions = Build();

        private static FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Build()
        {
            var map = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var index = 0; index < Entries.Length; index++)
            {
                var key = Entries[index].Key;
                if (key.Length < MinTypoLength || !IsTypoTarget(index) || !IsLowerAscii(key))
                {
                    continue;
                }

                for (var i = 0; i < key.Length; i++)
                {
                    var deletion = string.Concat(key.AsSpan(0, i), key.AsSpan(i + 1));
                    if (Lookup.TryGetValue(deletion, out _))
                    {
                        // a real word is not a typo ("plan" is not a misspelled "plant")
                        continue;
                    }

                    map[deletion] = map.TryGetValue(deletion, out var existing) ? Merge(existing, index) : index;
                }
            }

            return map.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        }

        private static bool IsLowerAscii(string s)
        {
            foreach (var c in s)
            {
                if (!char.IsAsciiLetterLower(c))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
