using Headway.Core.Goals;

namespace Headway.Core.Commitments;

/// <summary>What a requested change did: applied at once, or waiting as a request.</summary>
public sealed record ChangeOutcome(Commitment Commitment, ChangeRequest? Request)
{
    /// <summary>True when the change took effect immediately.</summary>
    public bool Applied => Request is null;
}

/// <summary>
/// The commitment state machine. Open commitments change freely. A locked one may always be made stricter at once;
/// making it easier creates a <see cref="ChangeRequest"/> that a partner approves or denies, or — when no partner can
/// see it — that applies by itself after <see cref="CoolingOff"/>. Any change to the commitment voids a pending
/// request, and a request applies at most once.
/// </summary>
public static class CommitmentRules
{
    /// <summary>How long a loosening waits when no partner can approve it (Beeminder's akrasia horizon).</summary>
    public static readonly TimeSpan CoolingOff = TimeSpan.FromDays(7);

    /// <summary>Longest event name accepted.</summary>
    public const int MaxEventNameLength = 200;

    /// <summary>Validates a new commitment's fields.</summary>
    public static Error? CheckNew(long? goalId, long? actionId, DateOnly due, DateOnly today, string? eventName, string? eventLink, Quantity? target)
    {
        if ((goalId is null) == (actionId is null))
        {
            return Error.Invalid("A commitment is bound to one goal or one action: give --goal or --action.");
        }

        if (due < today)
        {
            return Error.Invalid("A commitment's date cannot be in the past: pick today or a later date.");
        }

        if (eventName is not null && TextRules.Check(eventName, "event name", MaxEventNameLength) is { } bad)
        {
            return bad;
        }

        if (eventLink is not null && !IsWebLink(eventLink))
        {
            return Error.Invalid("The event link must be an http or https address, like https://example.org/race.");
        }

        if (target is { Amount: <= 0 or double.NaN } || target is { Amount: double.PositiveInfinity })
        {
            return Error.Invalid("A commitment's target must be a positive amount, like \"5 km\".");
        }

        return null;
    }

    /// <summary>True when the change would make the commitment easier to keep.</summary>
    public static bool IsLoosening(Commitment c, CommitmentChange change) => change.Kind switch
    {
        ChangeKind.Reschedule => change.NewDue!.Value > c.Due,
        ChangeKind.Retarget => c.Target is not null && change.NewTarget!.Amount < c.Target.Amount,
        _ => true,
    };

    /// <summary>Locks an open commitment.</summary>
    public static Result<Commitment> Lock(Commitment c, DateTime nowUtc) => c.Status switch
    {
        CommitmentStatus.Open => c with { Status = CommitmentStatus.Locked, LockedAt = nowUtc, Version = c.Version + 1 },
        CommitmentStatus.Locked => Error.Refused($"Commitment {c.Id} is already locked."),
        _ => Error.Refused($"Commitment {c.Id} is {Name(c.Status)}: only an open commitment can be locked."),
    };

    /// <summary>
    /// Asks for a change. Tightening, or any change to an open commitment, applies at once. Loosening a locked
    /// commitment returns a pending request on the given path; a second one is refused while one is pending.
    /// </summary>
    public static Result<ChangeOutcome> RequestChange(
        Commitment c, CommitmentChange change, DateOnly today, DateTime nowUtc, bool partnerCanApprove, ChangeRequest? pending)
    {
        if (!c.IsLive)
        {
            return Error.Refused($"Commitment {c.Id} is {Name(c.Status)}: it can no longer change.");
        }

        if (CheckChange(c, change, today) is { } invalid)
        {
            return invalid;
        }

        if (c.Status == CommitmentStatus.Open || !IsLoosening(c, change))
        {
            return new ChangeOutcome(Apply(c, change, nowUtc), null);
        }

        if (pending is { Status: ChangeRequestStatus.Pending })
        {
            return Error.Refused(
                $"Commitment {c.Id} already has a pending request ({pending.Change.Describe()}): withdraw it first with `headway commit withdraw {c.Id}`.");
        }

        var path = partnerCanApprove ? ApprovalPath.Partner : ApprovalPath.CoolingOff;
        var request = new ChangeRequest(
            0, c.Id, c.Version, change, path, nowUtc,
            path == ApprovalPath.CoolingOff ? nowUtc + CoolingOff : null,
            ChangeRequestStatus.Pending, null);
        return new ChangeOutcome(c, request);
    }

    /// <summary>
    /// Settles a pending request that has cooled off: applies it when the commitment is unchanged, voids it when the
    /// commitment changed or ended. Returns null when there is nothing to do yet.
    /// </summary>
    public static (Commitment Commitment, ChangeRequest Request)? SettleCoolingOff(Commitment c, ChangeRequest r, DateTime nowUtc)
    {
        if (r.Status != ChangeRequestStatus.Pending || r.Path != ApprovalPath.CoolingOff || r.EffectiveAt > nowUtc)
        {
            return null;
        }

        return Decide(c, r, nowUtc, approve: true);
    }

    /// <summary>
    /// A partner's approval: applies exactly the requested change, once, if the commitment is unchanged. A request on
    /// the cooling-off path cannot be approved: it was made because no partner could, and approving it would skip
    /// the wait.
    /// </summary>
    public static Result<(Commitment Commitment, ChangeRequest Request)> Approve(Commitment c, ChangeRequest r, DateTime nowUtc) =>
        r.Status != ChangeRequestStatus.Pending
            ? Error.Refused($"This request is already {Name(r.Status)}.")
            : r.Path != ApprovalPath.Partner
                ? Error.Refused($"This request waits for its cooling-off period: it applies by itself on {r.EffectiveAt:yyyy-MM-dd HH:mm} UTC.")
                : Decide(c, r, nowUtc, approve: true);

    /// <summary>A partner's denial: ends the request, leaving the commitment as it is.</summary>
    public static Result<ChangeRequest> Deny(ChangeRequest r, DateTime nowUtc) =>
        r.Status != ChangeRequestStatus.Pending
            ? Error.Refused($"This request is already {Name(r.Status)}.")
            : r with { Status = ChangeRequestStatus.Denied, SettledAt = nowUtc };

    /// <summary>The user takes a pending request back.</summary>
    public static Result<ChangeRequest> Withdraw(ChangeRequest r, DateTime nowUtc) =>
        r.Status != ChangeRequestStatus.Pending
            ? Error.Refused($"This request is already {Name(r.Status)}.")
            : r with { Status = ChangeRequestStatus.Withdrawn, SettledAt = nowUtc };

    /// <summary>Marks a live commitment kept; refused once its date has passed.</summary>
    public static Result<Commitment> Keep(Commitment c, DateOnly today, DateTime nowUtc)
    {
        if (!c.IsLive)
        {
            return Error.Refused($"Commitment {c.Id} is already {Name(c.Status)}.");
        }

        return today > c.Due
            ? Error.Refused($"Commitment {c.Id} was due {c.Due:yyyy-MM-dd} and is missed: it cannot be kept afterwards.")
            : c with { Status = CommitmentStatus.Kept, ResolvedAt = nowUtc, Version = c.Version + 1 };
    }

    /// <summary>A live commitment whose date has passed becomes missed; null when it is not missed.</summary>
    public static Commitment? DetectMissed(Commitment c, DateOnly today) =>
        c.IsLive && today > c.Due ? c with { Status = CommitmentStatus.Missed, Version = c.Version + 1 } : null;

    /// <summary>At risk: live and due within two days.</summary>
    public static bool IsAtRisk(Commitment c, DateOnly today) => c.IsLive && c.Due >= today && c.Due.DayNumber - today.DayNumber <= 2;

    /// <summary>Lowercase status name.</summary>
    public static string Name(CommitmentStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>Lowercase request status name.</summary>
    public static string Name(ChangeRequestStatus status) => status.ToString().ToLowerInvariant();

    private static (Commitment, ChangeRequest) Decide(Commitment c, ChangeRequest r, DateTime nowUtc, bool approve)
    {
        if (!c.IsLive || c.Version != r.CommitmentVersion)
        {
            return (c, r with { Status = ChangeRequestStatus.Void, SettledAt = nowUtc });
        }

        return approve
            ? (Apply(c, r.Change, nowUtc), r with { Status = ChangeRequestStatus.Applied, SettledAt = nowUtc })
            : (c, r with { Status = ChangeRequestStatus.Denied, SettledAt = nowUtc });
    }

    private static Error? CheckChange(Commitment c, CommitmentChange change, DateOnly today) => change.Kind switch
    {
        ChangeKind.Reschedule when change.NewDue is null => Error.Invalid("Give the new date."),
        ChangeKind.Reschedule when change.NewDue < today => Error.Invalid("A commitment's date cannot be in the past: pick today or a later date."),
        ChangeKind.Reschedule when change.NewDue == c.Due => Error.Invalid($"Commitment {c.Id} is already due on that date."),
        ChangeKind.Retarget when change.NewTarget is null or { Amount: <= 0 or double.NaN or double.PositiveInfinity } =>
            Error.Invalid("A commitment's target must be a positive amount, like \"5 km\"."),
        ChangeKind.Retarget when c.Target is null => Error.Invalid($"Commitment {c.Id} has no target to change."),
        ChangeKind.Retarget when !string.Equals(c.Target.Unit, change.NewTarget.Unit, StringComparison.Ordinal) =>
            Error.Invalid($"Commitment {c.Id} counts {c.Target.Unit}: give the new target in {c.Target.Unit}."),
        _ => null,
    };

    private static Commitment Apply(Commitment c, CommitmentChange change, DateTime nowUtc) => change.Kind switch
    {
        ChangeKind.Reschedule => c with { Due = change.NewDue!.Value, Version = c.Version + 1 },
        ChangeKind.Retarget => c with { Target = change.NewTarget, Version = c.Version + 1 },
        _ => c with { Status = CommitmentStatus.Dropped, ResolvedAt = nowUtc, Version = c.Version + 1 },
    };

    private static bool IsWebLink(string link) =>
        link.Length <= 2000
        && Uri.TryCreate(link, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
