using Headway.Core.Goals;

namespace Headway.Core.Commitments;

/// <summary>Where a commitment stands.</summary>
public enum CommitmentStatus
{
    /// <summary>Set but not locked: may be changed freely.</summary>
    Open,
    /// <summary>Locked: may be made stricter at once; easier only by approval or after cooling off.</summary>
    Locked,
    /// <summary>Met by its date.</summary>
    Kept,
    /// <summary>Its date passed without it being met.</summary>
    Missed,
    /// <summary>Dropped, freely while open or by an approved or cooled-off request while locked.</summary>
    Dropped,
}

/// <summary>A firm date bound to a goal or an action, optionally an external event.</summary>
public sealed record Commitment(
    long Id,
    long? GoalId,
    long? ActionId,
    DateOnly Due,
    string? EventName,
    string? EventLink,
    Quantity? Target,
    CommitmentStatus Status,
    DateTime CreatedAt,
    DateTime? LockedAt,
    DateTime? ResolvedAt,
    int Version)
{
    /// <summary>True while the commitment can still be kept or missed.</summary>
    public bool IsLive => Status is CommitmentStatus.Open or CommitmentStatus.Locked;

    /// <summary>"Hometown 5K, 2027-03-14" or just the date.</summary>
    public string Describe() =>
        EventName is null ? Due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
                          : $"{EventName}, {Due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}";
}
