namespace Headway.Core.Partners;

/// <summary>What a partner says to the person they hold accountable.</summary>
public enum NoteKind
{
    /// <summary>A few words about a goal or an outcome.</summary>
    Comment,
    /// <summary>Encouragement: "well done", "keep going".</summary>
    Cheer,
    /// <summary>A reminder that something is waiting: "how is chapter 4 going?".</summary>
    Nudge,
    /// <summary>The partner confirms that an outcome was really delivered.</summary>
    Verify,
}

/// <summary>The rules of a partner's note: which kinds need words, which need an outcome, how long a note may be.</summary>
public static class NoteRules
{
    /// <summary>Longest note accepted.</summary>
    public const int MaxBodyLength = 2000;

    /// <summary>Lowercase name, as stored and shown.</summary>
    public static string Name(this NoteKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>Reads "comment", "cheer", "nudge" or "verify" (any case).</summary>
    public static bool TryParse(string? text, out NoteKind kind)
    {
        kind = default;
        return text is not null
            && !int.TryParse(text, out _)
            && Enum.TryParse(text.Trim(), ignoreCase: true, out kind)
            && Enum.IsDefined(kind);
    }

    /// <summary>
    /// Checks a note before it is stored: a comment needs words; a verification needs the outcome it confirms; every
    /// body is plain text of at most <see cref="MaxBodyLength"/> characters. Returns the trimmed body.
    /// </summary>
    public static Result<string?> Check(NoteKind kind, string? body, bool aboutAnOutcome)
    {
        var text = string.IsNullOrWhiteSpace(body) ? null : body.Trim();
        if (kind == NoteKind.Comment && text is null)
        {
            return Error.Invalid("A comment needs a few words: write what you want to say.");
        }

        if (kind == NoteKind.Verify && !aboutAnOutcome)
        {
            return Error.Invalid("Verify confirms one delivered outcome: pick the outcome you checked.");
        }

        if (text is null)
        {
            return text;
        }

        if (text.Length > MaxBodyLength)
        {
            return Error.Invalid($"The note is {text.Length:N0} characters long: keep it under {MaxBodyLength:N0}.");
        }

        // Line breaks are welcome in a note; other control characters are not text.
        return text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t')
            ? Error.Invalid("The note contains a control character: keep it to plain text.")
            : text;
    }
}
