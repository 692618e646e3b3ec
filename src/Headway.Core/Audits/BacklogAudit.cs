using Headway.Core.Formats;
using Headway.Core.Reviews;

namespace Headway.Core.Audits;

/// <summary>One of the worst passive items of a backlog, with the analyzer's rewrite.</summary>
/// <param name="Line">Where it starts in the file.</param>
/// <param name="Text">Its text (cut to 200 characters).</param>
/// <param name="Score">The analyzer's score, 0–49.</param>
/// <param name="Signals">The analyzer's signal codes, in text order, without repeats.</param>
/// <param name="Suggestion">The analyzer's meaningful rewrite.</param>
/// <param name="Project">Its project or list, or null.</param>
/// <param name="Status">Open, done or dropped.</param>
public sealed record AuditedItem(int Line, string Text, int Score, IReadOnlyList<string> Signals, string? Suggestion, string? Project, ItemStatus Status);

/// <summary>The counts of one project or list (null name: items with none).</summary>
public sealed record ProjectAudit(string? Name, int Items, int Open, int Done, int Meaningful, int Passive)
{
    /// <summary>Passive items as a share of all items, 0–1.</summary>
    public double BusyWorkRatio => Items == 0 ? 0 : (double)Passive / Items;
}

/// <summary>
/// The busy-work picture of an existing backlog (DESIGN.md's audit shape): how much of it is progress and how much
/// is busy work, which signals drive that, the worst passive items with rewrites, a breakdown per project and the
/// three-cause diagnosis. Items are counted once each; Taskwarrior recurrence templates are not counted (their
/// instances are).
/// </summary>
public sealed record BacklogAudit(
    int Items,
    int Open,
    int Done,
    int Dropped,
    int Meaningful,
    int Passive,
    double BusyWorkRatio,
    int WithoutOutcome,
    IReadOnlyList<KeyValuePair<string, int>> Signals,
    IReadOnlyList<AuditedItem> TopPassive,
    IReadOnlyList<Diagnosis> Diagnosis,
    IReadOnlyList<ProjectAudit> Projects,
    IReadOnlyList<ReadIssue> Unreadable,
    int UnreadableCount,
    IReadOnlyList<ReadIssue> Warnings,
    int WarningCount);
