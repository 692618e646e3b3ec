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

    // When the weekly check-in goes to partners, in the user's zone; null means the default (the week's last day, 18:00).
    public int? CheckInDay { get; set; }
    public int? CheckInHour { get; set; }

    // The SHA-256 of the secret in the user's calendar feed URL; regenerating it makes the old URL stop working.
    public string? CalendarTokenHash { get; set; }

    // Bumped by database triggers on every write to the rows the dashboard shows (goals, actions, commitments, their
    // requests, notifications), whoever writes them: the web's page cache keys on it (see docs/web.md).
    public long DataVersion { get; set; }
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

    // Bumped by every change: the API's ETag, and what a stale If-Match is refused by.
    public int Version { get; set; }

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

    // The partner who approved or denied the request (null on the cooling-off path, or while pending).
    public long? DecidedByUserId { get; set; }
}

/// <summary>A web account (ASP.NET Core Identity): how a person signs in, linked to the Headway user whose data it owns.</summary>
public sealed class HeadwayIdentityUser : IdentityUser<long>
{
    public long UserId { get; set; }
}

/// <summary>
/// Sign-in attempts at one key (a client address, an account) in one wall-clock minute, counted in the database so
/// that every instance on it throttles together. The key is stored as its SHA-256: the table names no one.
/// </summary>
public sealed class SignInCounterRow
{
    public required string KeyHash { get; set; }

    // Minutes since the Unix epoch: every instance agrees on where a window starts and ends.
    public long Minute { get; set; }
    public int Attempts { get; set; }
}

/// <summary>A personal access token for the REST API. Only the SHA-256 of the secret is stored.</summary>
public sealed class AccessTokenRow
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public required string Name { get; set; }

    // The token's first characters, shown so that a person can tell their tokens apart; not enough to use it.
    public required string Prefix { get; set; }
    public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

/// <summary>
/// The response to a create request sent with an Idempotency-Key, stored in the same transaction as what it created,
/// so that a retry gets the same answer instead of a second row.
/// </summary>
public sealed class IdempotentRequestRow
{
    public long UserId { get; set; }
    public required string Key { get; set; }

    // The SHA-256 of method, path and body: the same key with a different request is refused, not replayed.
    public required string RequestHash { get; set; }
    public int StatusCode { get; set; }
    public string? Location { get; set; }
    public required string Body { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A single-use link that makes its holder someone's accountability partner.</summary>
public sealed class InvitationRow
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public required string TokenHash { get; set; }
    public string? Email { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public long? AcceptedByUserId { get; set; }
    public DateTime? RevokedAt { get; set; }
}

/// <summary>The user (UserId) reports to the partner (PartnerUserId), who sees only the goals shared with them.</summary>
public sealed class PartnershipRow
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public long PartnerUserId { get; set; }

    // Whether the partner sees individual actions or only the outcomes delivered.
    public bool SeesActions { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RemovedAt { get; set; }
}

public sealed class SharedGoalRow
{
    public long PartnershipId { get; set; }
    public long GoalId { get; set; }
}

/// <summary>What a partner says about a user's goal or action: a comment, a cheer, a nudge or an outcome verified.</summary>
public sealed class PartnerNoteRow
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public long AuthorUserId { get; set; }
    public required string Kind { get; set; }
    public long? GoalId { get; set; }
    public long? ActionId { get; set; }
    public string? Body { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// One notification to one user: the in-app feed item itself. Key is unique per event and recipient
/// (e.g. "reminder-48h:commitment:17:user:4"), so that a job run twice, or by two instances, makes it once.
/// </summary>
public sealed class NotificationRow
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public required string Kind { get; set; }
    public required string Key { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public string? Link { get; set; }
    public long? AboutUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}

/// <summary>
/// The delivery ledger: one row per (notification, channel, recipient), claimed with a lease, retried with backoff,
/// marked sent once: at-least-once sending that a crash only delays.
/// </summary>
public sealed class DeliveryRow
{
    public long Id { get; set; }
    public long NotificationId { get; set; }
    public required string Channel { get; set; }
    public required string Recipient { get; set; }
    public required string Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? LeaseUntil { get; set; }
    public string? LeasedBy { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
}

/// <summary>An address that receives the user's notifications as signed HTTP posts.</summary>
public sealed class WebhookRow
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public required string Url { get; set; }
    public required string Secret { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DisabledAt { get; set; }
}
