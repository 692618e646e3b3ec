using Microsoft.AspNetCore.Identity;

namespace Headway.App.Storage;

// The schema, as EF Core sees it. These classes exist to define tables, keys and indexes for the migrations of both
// providers; the running code reads and writes them with plain ADO.NET (see HeadwayDb) because EF Core's start-up
// cost (hundreds of milliseconds, RECIPES.md) would dwarf a command line's work.

public sealed class UserRow
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public required string TimeZone { get; set; }
    public int WeekStart { get; set; }
    public DateTime CreatedAt { get; set; }
}

public sealed class GoalRow
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public required string Title { get; set; }
    public string? Why { get; set; }
    public required string Area { get; set; }
    public required string Status { get; set; }
    public double? TargetQuantity { get; set; }
    public string? TargetUnit { get; set; }
    public DateOnly? TargetDate { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    // The project or list an import turned into this goal, so that importing again finds it.
    public string? SourceKey { get; set; }
}

public sealed class ActionRow
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public long? GoalId { get; set; }
    public required string Text { get; set; }
    public required string Horizon { get; set; }
    public required string Status { get; set; }
    public DateOnly? Due { get; set; }
    public double? OutcomeQuantity { get; set; }
    public string? OutcomeUnit { get; set; }
    public string? OutcomePhrase { get; set; }
    public required string Verdict { get; set; }
    public int Score { get; set; }
    public required string Signals { get; set; }
    public string? Suggestion { get; set; }
    public string? OverrideVerdict { get; set; }
    public string? OverrideReason { get; set; }
    public bool Stretch { get; set; }
    public string? Result { get; set; }
    public DateOnly PlannedWeek { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public int Version { get; set; }

    // Where an imported action came from (taskwarrior, todotxt, ...) and its id there: importing again updates it.
    public string? Source { get; set; }
    public string? SourceId { get; set; }

    // Tags, contexts or a project kept as labels (a JSON array), when an import does not turn them into goals.
    public string? Labels { get; set; }
}

public sealed class ActionEventRow
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public long ActionId { get; set; }
    public required string Kind { get; set; }
    public DateTime At { get; set; }
    public string? Detail { get; set; }
}

public sealed class CommitmentRow
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public long? GoalId { get; set; }
    public long? ActionId { get; set; }
    public DateOnly Due { get; set; }
    public string? EventName { get; set; }
    public string? EventLink { get; set; }
    public double? TargetQuantity { get; set; }
    public string? TargetUnit { get; set; }
    public required string Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LockedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public int Version { get; set; }
}

public sealed class ChangeRequestRow
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public long CommitmentId { get; set; }
    public int CommitmentVersion { get; set; }
    public required string Kind { get; set; }
    public DateOnly? NewDue { get; set; }
    public double? NewTargetQuantity { get; set; }
    public string? NewTargetUnit { get; set; }
    public required string Path { get; set; }
    public DateTime RequestedAt { get; set; }
    public DateTime? EffectiveAt { get; set; }
    public required string Status { get; set; }
    public DateTime? SettledAt { get; set; }
}

/// <summary>A web account (ASP.NET Core Identity): how a person signs in, linked to the Headway user whose data it owns.</summary>
public sealed class HeadwayIdentityUser : IdentityUser<long>
{
    public long UserId { get; set; }
}
