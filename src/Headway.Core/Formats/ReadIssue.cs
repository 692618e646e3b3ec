namespace Headway.Core.Formats;

/// <summary>A problem met while reading a file: where, in which field, and what was done about it.</summary>
/// <param name="Line">The 1-based line where the record starts.</param>
/// <param name="Field">The field or column concerned, or null for the whole record.</param>
/// <param name="Message">One sentence that says what is wrong.</param>
/// <param name="Skipped">True when the record was not read at all; false when it was read with the field left out or repaired.</param>
public sealed record ReadIssue(int Line, string? Field, string Message, bool Skipped);

/// <summary>One step of a reader's output: an item, or an issue about the input. Exactly one of the two is set.</summary>
public readonly record struct ReadResult
{
    private ReadResult(ImportedItem? item, ReadIssue? issue)
    {
        Item = item;
        Issue = issue;
    }

    /// <summary>The item read, or null when this result is an issue.</summary>
    public ImportedItem? Item { get; }

    /// <summary>The issue met, or null when this result is an item.</summary>
    public ReadIssue? Issue { get; }

    /// <summary>An item.</summary>
    public static ReadResult Of(ImportedItem item) => new(item, null);

    /// <summary>A record that could not be read at all.</summary>
    public static ReadResult Skip(int line, string? field, string message) => new(null, new ReadIssue(line, field, message, true));

    /// <summary>A record read with one field left out or repaired.</summary>
    public static ReadResult Warn(int line, string? field, string message) => new(null, new ReadIssue(line, field, message, false));
}
