using System.Data.Common;
using System.Globalization;
using Headway.App.Storage;
using Headway.Core;
using Headway.Core.Actions;
using Headway.Core.Analysis;

namespace Headway.App.Actions;

/// <summary>Reading actions and their history, scoped to one user.</summary>
public static class ActionQueries
{
    internal const string Columns =
        "id, text, goal_id, horizon, status, due, outcome_quantity, outcome_unit, outcome_phrase, verdict, score, signals, " +
        "suggestion, override_verdict, override_reason, stretch, result, created_at, completed_at, planned_week, version";

    internal static PlannedAction Map(DbDataReader r) => new(
        Id: r.GetInt64(0),
        Text: r.GetString(1),
        GoalId: r.NullableLong(2),
        Horizon: ParseHorizon(r.GetString(3)),
        Status: Enum.Parse<ActionStatus>(r.GetString(4), ignoreCase: true),
        Due: r.NullableDate(5),
        Outcome: r.NullableString(8) is { } phrase ? new ExpectedOutcome(r.NullableDouble(6), r.NullableString(7), phrase) : null,
        Verdict: ParseVerdict(r.GetString(9)),
        Score: r.GetInt32(10),
        Signals: SignalsJson.Read(r.GetString(11)),
        Suggestion: r.NullableString(12),
        Override: r.NullableString(13) is { } v ? new VerdictOverride(ParseVerdict(v), r.NullableString(14) ?? "") : null,
        Stretch: r.GetBoolean(15),
        Result: r.NullableString(16),
        CreatedAt: r.Utc(17),
        CompletedAt: r.NullableUtc(18),
        PlannedWeek: r.Date(19),
        Version: r.GetInt32(20));

    /// <summary>Open actions of one horizon: due first (soonest), then oldest first.</summary>
    public static Task<List<PlannedAction>> OpenAsync(PlannerSession s, Horizon horizon, CancellationToken ct, int? limit = null) =>
        s.Db.ListAsync(
            $"SELECT {Columns} FROM actions WHERE user_id = @u AND status = 'open' AND horizon = @h " +
            $"ORDER BY CASE WHEN due IS NULL THEN 1 ELSE 0 END, due, id{(limit is { } n ? " LIMIT " + n.ToString(CultureInfo.InvariantCulture) : "")}",
            Map, null, ct, ("u", s.UserId), ("h", horizon.Name()));

    /// <summary>
    /// One page of actions in id order, optionally of one horizon, status or goal, after <paramref name="afterId"/>
    /// (a cursor: the last id of the previous page), so pages stay stable while actions are added.
    /// </summary>
    public static Task<List<PlannedAction>> PageAsync(
        PlannerSession s, Horizon? horizon, ActionStatus? status, long? goalId, long afterId, int limit, CancellationToken ct) =>
        s.Db.ListAsync(
            $"SELECT {Columns} FROM actions WHERE user_id = @u AND id > @after" +
            (horizon is null ? "" : " AND horizon = @h") + (status is null ? "" : " AND status = @s") + (goalId is null ? "" : " AND goal_id = @g") +
            " ORDER BY id LIMIT " + limit.ToString(CultureInfo.InvariantCulture),
            Map, null, ct, ("u", s.UserId), ("after", afterId), ("h", horizon?.Name()), ("s", status?.Name()), ("g", goalId));

    /// <summary>Actions completed inside a week.</summary>
    public static Task<List<PlannedAction>> CompletedInAsync(PlannerSession s, Core.Weeks.Week week, CancellationToken ct) =>
        CompletedBetweenAsync(s, week.StartUtc, week.EndUtc, ct);

    /// <summary>Actions completed from <paramref name="startUtc"/> up to (not including) <paramref name="endUtc"/>.</summary>
    public static Task<List<PlannedAction>> CompletedBetweenAsync(PlannerSession s, DateTime startUtc, DateTime endUtc, CancellationToken ct) =>
        s.Db.ListAsync(
            $"SELECT {Columns} FROM actions WHERE user_id = @u AND status = 'done' AND completed_at >= @start AND completed_at < @end ORDER BY completed_at",
            Map, null, ct, ("u", s.UserId), ("start", startUtc), ("end", endUtc));

    public static async Task<Result<PlannedAction>> FindAsync(PlannerSession s, long id, CancellationToken ct, DbTransaction? tx = null) =>
        await s.Db.SingleAsync($"SELECT {Columns} FROM actions WHERE id = @id AND user_id = @u", Map, tx, ct, ("id", id), ("u", s.UserId)) is { } action
            ? action
            : Error.NotFound($"There is no action {id}: see `headway now`, `headway week` or `headway later` for the ids.");

    /// <summary>
    /// Locks the user's writes and finds one of their open actions: NotFound for a missing or foreign id, Refused
    /// (saying <paramref name="why"/>) when it is already done or dropped.
    /// </summary>
    internal static async Task<Result<PlannedAction>> FindOpenForWriteAsync(PlannerSession s, long id, DbTransaction tx, string why, CancellationToken ct)
    {
        await s.Db.LockUserAsync(s.UserId, tx, ct);
        var found = await FindAsync(s, id, ct, tx);
        return found.IsOk && found.Value.Status != ActionStatus.Open
            ? Error.Refused($"Action {id} is already {found.Value.Status.Name()}{why}.")
            : found;
    }

    public static Task<List<PlannedAction>> ForGoalAsync(PlannerSession s, long goalId, CancellationToken ct) =>
        s.Db.ListAsync($"SELECT {Columns} FROM actions WHERE user_id = @u AND goal_id = @g ORDER BY status, id", Map, null, ct,
            ("u", s.UserId), ("g", goalId));

    public static Task<List<ActionEvent>> HistoryAsync(PlannerSession s, long actionId, CancellationToken ct) =>
        s.Db.ListAsync("SELECT action_id, kind, at, detail FROM action_events WHERE user_id = @u AND action_id = @a ORDER BY at, id",
            MapEvent, null, ct, ("u", s.UserId), ("a", actionId));

    internal static ActionEvent MapEvent(DbDataReader r) =>
        new(r.GetInt64(0), Enum.Parse<ActionEventKind>(r.GetString(1), ignoreCase: true), r.Utc(2), r.NullableString(3));

    /// <summary>True when the user has any action at all, in any state.</summary>
    public static async Task<bool> AnyAsync(PlannerSession s, CancellationToken ct) =>
        await s.Db.LongAsync("SELECT COUNT(*) FROM (SELECT 1 FROM actions WHERE user_id = @u LIMIT 1) t", null, ct, ("u", s.UserId)) > 0;

    /// <summary>How many open actions a horizon holds now (inside <paramref name="tx"/> when a write needs the count).</summary>
    public static Task<long> CountOpenAsync(PlannerSession s, Horizon horizon, CancellationToken ct, DbTransaction? tx = null) =>
        s.Db.LongAsync("SELECT COUNT(*) FROM actions WHERE user_id = @u AND status = 'open' AND horizon = @h", tx, ct,
            ("u", s.UserId), ("h", horizon.Name()));

    internal static Task RecordAsync(PlannerSession s, DbTransaction tx, long actionId, ActionEventKind kind, string? detail, CancellationToken ct) =>
        s.Db.ExecuteAsync("INSERT INTO action_events (user_id, action_id, kind, at, detail) VALUES (@u, @a, @k, @at, @d)", tx, ct,
            ("u", s.UserId), ("a", actionId), ("k", kind.ToString().ToLowerInvariant()), ("at", s.NowUtc), ("d", detail));

    internal static Horizon ParseHorizon(string text) => HorizonRules.TryParse(text, out var h) ? h : Horizon.Later;

    internal static Verdict ParseVerdict(string text) => text == "meaningful" ? Verdict.Meaningful : Verdict.Passive;

    internal static string Name(this Verdict verdict) => verdict == Verdict.Meaningful ? "meaningful" : "passive";

    internal static string Name(this ActionStatus status) => status.ToString().ToLowerInvariant();
}
