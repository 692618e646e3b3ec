using System.Data.Common;
using Headway.App.Storage;
using Headway.Core;
using Headway.Core.Commitments;
using Headway.Core.Goals;

namespace Headway.App.Commitments;

/// <summary>Reading commitments and their change requests, scoped to one user.</summary>
public static class CommitmentQueries
{
    internal const string Columns =
        "id, goal_id, action_id, due, event_name, event_link, target_quantity, target_unit, status, created_at, locked_at, resolved_at, version";

    internal const string RequestColumns =
        "id, commitment_id, commitment_version, kind, new_due, new_target_quantity, new_target_unit, path, requested_at, effective_at, status, settled_at";

    internal static Commitment Map(DbDataReader r) => Map(r, 0);

    /// <summary>Reads the <see cref="Columns"/> starting at column <paramref name="o"/> (after another table's, in a join).</summary>
    internal static Commitment Map(DbDataReader r, int o) => new(
        r.GetInt64(o), r.NullableLong(o + 1), r.NullableLong(o + 2), r.Date(o + 3), r.NullableString(o + 4), r.NullableString(o + 5),
        r.NullableDouble(o + 6) is { } q && r.NullableString(o + 7) is { } u ? new Quantity(q, u) : null,
        Enum.Parse<CommitmentStatus>(r.GetString(o + 8), ignoreCase: true), r.Utc(o + 9), r.NullableUtc(o + 10), r.NullableUtc(o + 11), r.GetInt32(o + 12));

    internal static ChangeRequest MapRequest(DbDataReader r) => new(
        r.GetInt64(0), r.GetInt64(1), r.GetInt32(2),
        new CommitmentChange(
            Enum.Parse<ChangeKind>(r.GetString(3), ignoreCase: true), r.NullableDate(4),
            r.NullableDouble(5) is { } q && r.NullableString(6) is { } u ? new Quantity(q, u) : null),
        Enum.Parse<ApprovalPath>(r.GetString(7), ignoreCase: true), r.Utc(8), r.NullableUtc(9),
        Enum.Parse<ChangeRequestStatus>(r.GetString(10), ignoreCase: true), r.NullableUtc(11));

    public static Task<List<Commitment>> ListAsync(PlannerSession s, bool includeClosed, CancellationToken ct) =>
        s.Db.ListAsync(
            $"SELECT {Columns} FROM commitments WHERE user_id = @u {(includeClosed ? "" : "AND status IN ('open', 'locked')")} ORDER BY due, id",
            Map, null, ct, ("u", s.UserId));

    public static Task<List<Commitment>> ForGoalAsync(PlannerSession s, long goalId, CancellationToken ct) =>
        s.Db.ListAsync(
            $"SELECT {Columns} FROM commitments WHERE user_id = @u AND (goal_id = @g OR action_id IN (SELECT id FROM actions WHERE goal_id = @g AND user_id = @u)) ORDER BY due, id",
            Map, null, ct, ("u", s.UserId), ("g", goalId));

    public static async Task<Result<Commitment>> FindAsync(PlannerSession s, long id, CancellationToken ct, DbTransaction? tx = null) =>
        await s.Db.SingleAsync($"SELECT {Columns} FROM commitments WHERE id = @id AND user_id = @u", Map, tx, ct, ("id", id), ("u", s.UserId)) is { } c
            ? c
            : Error.NotFound($"There is no commitment {id}: see `headway commit list` for the ids.");

    public static Task<ChangeRequest?> PendingRequestAsync(PlannerSession s, long commitmentId, CancellationToken ct, DbTransaction? tx = null) =>
        s.Db.SingleAsync($"SELECT {RequestColumns} FROM commitment_requests WHERE commitment_id = @c AND user_id = @u AND status = 'pending'",
            MapRequest, tx, ct, ("c", commitmentId), ("u", s.UserId));

    public static Task<List<ChangeRequest>> PendingRequestsAsync(PlannerSession s, CancellationToken ct) =>
        s.Db.ListAsync($"SELECT {RequestColumns} FROM commitment_requests WHERE user_id = @u AND status = 'pending' ORDER BY id",
            MapRequest, null, ct, ("u", s.UserId));

    internal static Task SaveAsync(PlannerSession s, DbTransaction tx, Commitment c, CancellationToken ct) =>
        s.Db.ExecuteAsync(
            """
            UPDATE commitments SET due = @due, target_quantity = @q, target_unit = @unit, status = @s, locked_at = @l, resolved_at = @r, version = @v
            WHERE id = @id AND user_id = @u
            """, tx, ct,
            ("due", c.Due), ("q", c.Target?.Amount), ("unit", c.Target?.Unit), ("s", CommitmentRules.Name(c.Status)), ("l", c.LockedAt),
            ("r", c.ResolvedAt), ("v", c.Version), ("id", c.Id), ("u", s.UserId));

    internal static async Task<ChangeRequest> InsertRequestAsync(PlannerSession s, DbTransaction tx, ChangeRequest r, CancellationToken ct)
    {
        var id = await s.Db.LongAsync(
            """
            INSERT INTO commitment_requests (user_id, commitment_id, commitment_version, kind, new_due, new_target_quantity, new_target_unit,
                path, requested_at, effective_at, status, settled_at)
            VALUES (@u, @c, @v, @k, @due, @q, @unit, @p, @at, @eff, 'pending', NULL) RETURNING id
            """, tx, ct,
            ("u", s.UserId), ("c", r.CommitmentId), ("v", r.CommitmentVersion), ("k", r.Change.Kind.ToString().ToLowerInvariant()),
            ("due", r.Change.NewDue), ("q", r.Change.NewTarget?.Amount), ("unit", r.Change.NewTarget?.Unit),
            ("p", r.Path.ToString().ToLowerInvariant()), ("at", r.RequestedAt), ("eff", r.EffectiveAt));
        return r with { Id = id };
    }

    internal static Task SettleRequestAsync(PlannerSession s, DbTransaction tx, ChangeRequest r, CancellationToken ct) =>
        s.Db.ExecuteAsync(
            "UPDATE commitment_requests SET status = @s, settled_at = @at WHERE id = @id AND user_id = @u AND status = 'pending'", tx, ct,
            ("s", CommitmentRules.Name(r.Status)), ("at", r.SettledAt), ("id", r.Id), ("u", s.UserId));

    /// <summary>Voids the pending request of a commitment that has just changed: it no longer describes it.</summary>
    internal static Task VoidPendingAsync(PlannerSession s, DbTransaction tx, long commitmentId, CancellationToken ct) =>
        s.Db.ExecuteAsync(
            "UPDATE commitment_requests SET status = 'void', settled_at = @at WHERE commitment_id = @c AND user_id = @u AND status = 'pending'", tx, ct,
            ("at", s.NowUtc), ("c", commitmentId), ("u", s.UserId));
}
