namespace Headway.Core;

/// <summary>Shared checks for the short texts users type: titles, actions, reasons.</summary>
public static class TextRules
{
    /// <summary>Longest action text accepted.</summary>
    public const int MaxActionLength = 500;

    /// <summary>Refuses an empty, multi-line, control-character or over-long text.</summary>
    public static Error? Check(string? text, string what, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Error.Invalid($"The {what} is empty: type a few words.");
        }

        if (text.Length > maxLength)
        {
            return Error.Invalid($"The {what} is {text.Length:N0} characters long: keep it under {maxLength:N0}.");
        }

        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                return Error.Invalid($"The {what} contains a line break or control character: keep it to one plain line.");
            }
        }

        return null;
    }
}
