namespace Headway.Core.Formats;

/// <summary>Where an item stands in the tool it came from.</summary>
public enum ItemStatus
{
    /// <summary>Still to do (Taskwarrior pending or waiting, todo.txt without <c>x</c>, VTODO NEEDS-ACTION or IN-PROCESS).</summary>
    Open,

    /// <summary>Completed.</summary>
    Done,

    /// <summary>Given up: Taskwarrior deleted, VTODO CANCELLED.</summary>
    Dropped,
}

/// <summary>A note or annotation attached to an item, with its date when the source gives one.</summary>
/// <param name="Text">The note as written (line breaks kept).</param>
/// <param name="At">When it was written, in UTC, or null.</param>
public sealed record ImportedNote(string Text, DateTime? At = null);

/// <summary>
/// One to-do item read from another tool's file, as close to the source as Headway's concepts allow: the original id,
/// dates, project, tags and state are kept so that an import can be repeated without duplicates and an export can
/// write them back. Fields the source does not have are null or empty. Instants are UTC; dates are calendar dates.
/// </summary>
public sealed record ImportedItem
{
    /// <summary>The 1-based line in the file where the item starts.</summary>
    public required int Line { get; init; }

    /// <summary>The source's own id (Taskwarrior uuid, TickTick taskId, VTODO UID), or null when the format has none.</summary>
    public string? SourceId { get; init; }

    /// <summary>The item's text, one line (todo.txt markers removed; never empty).</summary>
    public required string Text { get; init; }

    /// <summary>Open, done or dropped.</summary>
    public ItemStatus Status { get; init; }

    /// <summary>When the item was created, in UTC.</summary>
    public DateTime? CreatedAt { get; init; }

    /// <summary>When the item was last changed, in UTC.</summary>
    public DateTime? ModifiedAt { get; init; }

    /// <summary>When the item was completed (or deleted, for a dropped Taskwarrior task), in UTC.</summary>
    public DateTime? CompletedAt { get; init; }

    /// <summary>The due date, as a calendar date in the source's or the reader's time zone.</summary>
    public DateOnly? Due { get; init; }

    /// <summary>The date work may start: Taskwarrior <c>scheduled</c>, todo.txt <c>t:</c>, TickTick start date, VTODO DTSTART.</summary>
    public DateOnly? Start { get; init; }

    /// <summary>The project or list the item belongs to, or null.</summary>
    public string? Project { get; init; }

    /// <summary>A section or column inside the project (Todoist sections, TickTick columns), or null.</summary>
    public string? Section { get; init; }

    /// <summary>Tags (Taskwarrior tags, TickTick tags, VTODO categories, todo.txt projects after the first), without markers.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>todo.txt <c>@contexts</c>, without the <c>@</c>.</summary>
    public IReadOnlyList<string> Contexts { get; init; } = [];

    /// <summary>Notes, annotations or descriptions, in source order.</summary>
    public IReadOnlyList<ImportedNote> Notes { get; init; } = [];

    /// <summary>The priority as the source writes it (Taskwarrior H/M/L, todo.txt A–Z, Todoist 1–4, TickTick 0/1/3/5, VTODO 0–9).</summary>
    public string? Priority { get; init; }

    /// <summary>The recurrence as the source writes it (Taskwarrior <c>recur</c>, todo.txt <c>rec:</c>, an RRULE, Todoist "every …").</summary>
    public string? Recurrence { get; init; }

    /// <summary>The parent item's source id (Taskwarrior recurrence parent, TickTick parentId, VTODO RELATED-TO).</summary>
    public string? ParentId { get; init; }

    /// <summary>The parent item's line, for formats that nest by position (Todoist INDENT).</summary>
    public int? ParentLine { get; init; }

    /// <summary>Source ids of the items this one waits for (Taskwarrior <c>depends</c>).</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    /// <summary>True for a Taskwarrior recurrence template (status <c>recurring</c>): its instances are items of their own.</summary>
    public bool IsRecurrenceTemplate { get; init; }

    /// <summary>Other fields the source gave, by name (todo.txt <c>key:value</c>, Taskwarrior UDAs and <c>wait</c>), as text.</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = EmptyExtra;

    /// <summary>The shared empty <see cref="Extra"/>.</summary>
    internal static readonly IReadOnlyDictionary<string, string> EmptyExtra = new Dictionary<string, string>();
}
