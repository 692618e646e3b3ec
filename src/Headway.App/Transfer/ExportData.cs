using System.Data;
using System.Data.Common;
using Headway.App.Actions;
using Headway.App.Json;
using Headway.App.Storage;
using Microsoft.Data.Sqlite;

namespace Headway.App.Transfer;

/// <summary>
/// Reads everything one user has into a <see cref="HeadwayDocument"/>, from one consistent snapshot: goals, actions
/// with their history, verdicts, signals, overrides and outcomes, commitments with their change requests, and the
/// user's settings. Everything comes out in id order, so the same data always gives the same document.
/// </summary>
public static class ExportData
{
    public static async Task<HeadwayDocument> RunAsync(PlannerSession s, CancellationToken ct)
    {
        await using var tx = s.Db.Provider == Provider.Sqlite
            ? ((SqliteConnection)s.Db.Connection).BeginTransaction(deferred: true)
            : await s.Db.Connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        var u = ("u", (object?)s.UserId);

        var user = (await s.Db.ListAsync("SELECT name, time_zone, week_start FROM users WHERE id = @u",
            r => new UserDocument(r.GetString(0), r.GetString(1), ((DayOfWeek)r.GetInt32(2)).ToString().ToLowerInvariant()), tx, ct, u))[0];

        var goals = await s.Db.ListAsync(
            "SELECT id, title, why, area, status, target_quantity, target_unit, target_date, created_at, updated_at, source_key FROM goals WHERE user_id = @u ORDER BY id",
            r => new GoalDocument(
                r.GetInt64(0), r.GetString(1), r.NullableString(2), r.GetString(3), r.GetString(4), Target(r, 5), r.NullableDate(7),
                r.Utc(8), r.Utc(9), r.NullableString(10)),
            tx, ct, u);

        var history = new Dictionary<long, List<EventDocument>>();
        await using (var cmd = s.Db.Sql("SELECT action_id, kind, at, detail FROM action_events WHERE user_id = @u ORDER BY action_id, at, id", tx, u))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                var id = r.GetInt64(0);
                if (!history.TryGetValue(id, out var list))
                {
                    history[id] = list = [];
                }

                list.Add(new EventDocument(r.GetString(1), r.Utc(2), r.NullableString(3)));
            }
        }

        var actions = await s.Db.ListAsync(
            """
            SELECT id, text, goal_id, horizon, status, due, outcome_quantity, outcome_unit, outcome_phrase, verdict, score, signals,
                suggestion, override_verdict, override_reason, stretch, result, planned_week, created_at, updated_at, completed_at, version,
                source, source_id, labels
            FROM actions WHERE user_id = @u ORDER BY id
            """,
            r => new ActionDocument(
                r.GetInt64(0), r.GetString(1), r.NullableLong(2), r.GetString(3), r.GetString(4), r.NullableDate(5),
                r.NullableString(8) is { } phrase ? new OutcomeJson(r.NullableDouble(6), r.NullableString(7), phrase) : null,
                r.GetString(9), r.GetInt32(10), [.. SignalsJson.Read(r.GetString(11)).Select(x => x.ToJson())], r.NullableString(12),
                r.NullableString(13) is { } v ? new OverrideJson(v, r.NullableString(14) ?? "") : null,
                r.GetBoolean(15), r.NullableString(16), r.Date(17), r.Utc(18), r.Utc(19), r.NullableUtc(20), r.GetInt32(21),
                r.NullableString(22), r.NullableString(23), LabelsJson.Read(r.NullableString(24)),
                history.TryGetValue(r.GetInt64(0), out var events) ? events : []),
            tx, ct, u);

        var requests = new Dictionary<long, List<ChangeRequestDocument>>();
        await using (var cmd = s.Db.Sql(
            """
            SELECT commitment_id, commitment_version, kind, new_due, new_target_quantity, new_target_unit, path, requested_at, effective_at, status, settled_at
            FROM commitment_requests WHERE user_id = @u ORDER BY commitment_id, id
            """, tx, u))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                var id = r.GetInt64(0);
                if (!requests.TryGetValue(id, out var list))
                {
                    requests[id] = list = [];
                }

                list.Add(new ChangeRequestDocument(
                    r.GetInt32(1), r.GetString(2), r.NullableDate(3), Target(r, 4), r.GetString(6), r.Utc(7), r.NullableUtc(8),
                    r.GetString(9), r.NullableUtc(10)));
            }
        }

        var commitments = await s.Db.ListAsync(
            """
            SELECT id, goal_id, action_id, due, event_name, event_link, target_quantity, target_unit, status, created_at, locked_at, resolved_at, version
            FROM commitments WHERE user_id = @u ORDER BY id
            """,
            r => new CommitmentDocument(
                r.GetInt64(0), r.NullableLong(1), r.NullableLong(2), r.Date(3), r.NullableString(4), r.NullableString(5), Target(r, 6),
                r.GetString(8), r.Utc(9), r.NullableUtc(10), r.NullableUtc(11), r.GetInt32(12),
                requests.TryGetValue(r.GetInt64(0), out var list) ? list : []),
            tx, ct, u);

        await tx.CommitAsync(ct);
        return new HeadwayDocument(HeadwayDocument.FormatName, HeadwayDocument.CurrentVersion, user, goals, actions, commitments);
    }

    private static TargetJson? Target(DbDataReader r, int i) =>
        r.NullableDouble(i) is { } q && r.NullableString(i + 1) is { } unit ? new TargetJson(q, unit) : null;
}
