namespace Headway.Core.Partners;

/// <summary>Where an invitation stands.</summary>
public enum InvitationState
{
    /// <summary>Waiting to be accepted.</summary>
    Pending,
    /// <summary>Used: a link works once.</summary>
    Accepted,
    /// <summary>Past its seven days.</summary>
    Expired,
    /// <summary>Taken back by the person who made it.</summary>
    Revoked,
}

/// <summary>A single-use link that makes its holder someone's accountability partner.</summary>
public sealed record Invitation(
    long Id, long UserId, string? Email, DateTime CreatedAt, DateTime ExpiresAt, DateTime? AcceptedAt, long? AcceptedByUserId, DateTime? RevokedAt)
{
    /// <summary>How long a link works.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    /// <summary>Its state at <paramref name="nowUtc"/>: revoked and accepted win over expired.</summary>
    public InvitationState StateAt(DateTime nowUtc) =>
        RevokedAt is not null ? InvitationState.Revoked
        : AcceptedAt is not null ? InvitationState.Accepted
        : nowUtc >= ExpiresAt ? InvitationState.Expired
        : InvitationState.Pending;

    /// <summary>Why the link no longer works, in one sentence; null while it does.</summary>
    public static string? WhyNotUsable(InvitationState state) => state switch
    {
        InvitationState.Accepted => "This invitation has already been used: each link works once. Ask for a new one.",
        InvitationState.Expired => "This invitation has expired: links work for 7 days. Ask for a new one.",
        InvitationState.Revoked => "This invitation was withdrawn by the person who sent it. Ask them for a new one if you still want to join.",
        _ => null,
    };
}
