using System.Data.Common;
using Headway.Core;

namespace Headway.App.Concurrency;

/// <summary>The records whose every change bumps a version: what an HTTP ETag is made from.</summary>
public enum Versioned
{
    Goal,
    Action,
    Commitment,
}

/// <summary>
/// Checks, inside the caller's write transaction, that a record is still at the version the caller read, so that of
/// two changes based on one reading only the first applies (optimistic concurrency for the API's If-Match).
/// </summary>
public static class RowVersions
{
    /// <summary>
    /// NotFound for a missing or foreign record, Stale when it has changed since <paramref name="expected"/>; null when
    /// the change may go ahead. A null <paramref name="expected"/> only checks that the record exists.
    /// </summary>
    public static async Task<Error?> CheckAsync(PlannerSession s, DbTransaction tx, Versioned kind, long id, int? expected, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(s);
        await s.Db.LockUserAsync(s.UserId, tx, ct);
        var (table, noun) = kind switch
        {
            Versioned.Goal => ("goals", "goal"),
            Versioned.Action => ("actions", "action"),
            _ => ("commitments", "commitment"),
        };
        var found = await s.Db.ListAsync($"SELECT version FROM {table} WHERE id = @id AND user_id = @u", r => r.GetInt32(0), tx, ct,
            ("id", id), ("u", s.UserId));
        if (found.Count == 0)
        {
            return Error.NotFound($"There is no {noun} {id}.");
        }

        return expected is { } version && version != found[0]
            ? Error.Stale($"The {noun} {id} changed since you read it (it is now at version {found[0]}, you sent {version}): read it again, then repeat your change.")
            : null;
    }
}
