using System.Data.Common;
using System.Globalization;
using Headway.App.Storage;
using Headway.Core;
using Headway.Core.Actions;
using Headway.Core.Analysis;
using Headway.Core.Commitments;
using Headway.Core.Goals;
using Headway.Core.Weeks;

namespace Headway.App.Transfer;

/// <summary>
/// Imports a Headway JSON export: a restore, into an empty planner only (merging a backup into live data would
/// duplicate it). Everything is written as it was: the stored verdicts (not judged again: the analyzer may have changed
/// since), the history, versions and settings. When no other user has data either, ids are kept too, so that
/// export → import → export gives the identical document; otherwise new ids are given and references follow them.
/// </summary>
public static class RestoreData
{
    public static async Task<Result<ImportReport>> RunAsync(PlannerSession s, HeadwayDocument doc, string file, CancellationToken ct)
    {
        if (Validate(doc) is { } invalid)
        {
            return Error.Invalid($"Nothing was imported from {file}: {invalid}");
        }

        return await s.Db.WriteAsync<ImportReport>(async tx =>
        {
            await s.Db.LockUserAsync(s.UserId, tx, ct);
            var u = ("u", (object?)s.UserId);
            var own = await s.Db.LongAsync(
                "SELECT (SELECT COUNT(*) FROM goals WHERE user_id = @u) + (SELECT COUNT(*) FROM actions WHERE user_id = @u) + (SELECT COUNT(*) FROM commitments WHERE user_id = @u)",
                tx, ct, u);
            if (own > 0)
            {
                return Error.Refused(
                    $"Nothing was imported from {file}: a Headway export restores into an empty planner, and this one already has goals, actions or commitments; restore into a new --database.");
            }

            var keepIds = await s.Db.LongAsync(
                "SELECT (SELECT COUNT(*) FROM goals) + (SELECT COUNT(*) FROM actions) + (SELECT COUNT(*) FROM commitments)", tx, ct) == 0;

            await s.Db.ExecuteAsync("UPDATE users SET name = @n, time_zone = @z, week_start = @w WHERE id = @u", tx, ct,
                ("n", doc.User.Name), ("z", doc.User.TimeZone), ("w", (int)Enum.Parse<DayOfWeek>(doc.User.WeekStart, ignoreCase: true)), u);

            var goalIds = new Dictionary<long, long>();
            foreach (var g in doc.Goals)
            {
                goalIds[g.Id] = await InsertAsync(s.Db, tx, "goals", keepIds, g.Id, ct,
                    ("user_id", s.UserId), ("title", g.Title), ("why", g.Why), ("area", g.Area), ("status", g.Status),
                    ("target_quantity", g.Target?.Quantity), ("target_unit", g.Target?.Unit), ("target_date", g.TargetDate),
                    ("created_at", g.CreatedAt), ("updated_at", g.UpdatedAt), ("source_key", g.SourceKey));
            }

            var actionIds = new Dictionary<long, long>();
            await using var insertEvent = s.Db.Sql("INSERT INTO action_events (user_id, action_id, kind, at, detail) VALUES (@u, @a, @k, @at, @d)", tx,
                u, ("a", 0L), ("k", ""), ("at", DateTime.UnixEpoch), ("d", null));
            foreach (var a in doc.Actions)
            {
                var id = await InsertAsync(s.Db, tx, "actions", keepIds, a.Id, ct,
                    ("user_id", s.UserId), ("goal_id", a.GoalId is { } g ? goalIds[g] : null), ("text", a.Text), ("horizon", a.Horizon),
                    ("status", a.Status), ("due", a.Due), ("outcome_quantity", a.Outcome?.Quantity), ("outcome_unit", a.Outcome?.Unit),
                    ("outcome_phrase", a.Outcome?.Phrase), ("verdict", a.Verdict), ("score", a.Score),
                    ("signals", Actions.SignalsJson.Write([.. a.Signals.Select(x => new Signal(Code(x.Code), x.Evidence))])),
                    ("suggestion", a.Suggestion), ("override_verdict", a.Override?.Verdict), ("override_reason", a.Override?.Reason),
                    ("stretch", a.Stretch), ("result", a.Result), ("planned_week", a.PlannedWeek), ("created_at", a.CreatedAt),
                    ("updated_at", a.UpdatedAt), ("completed_at", a.CompletedAt), ("version", a.Version), ("source", a.Source),
                    ("source_id", a.SourceId), ("labels", LabelsJson.Write(a.Labels)));
                actionIds[a.Id] = id;
                foreach (var e in a.History)
                {
                    insertEvent.Parameters["a"].Value = id;
                    insertEvent.Parameters["k"].Value = e.Kind;
                    insertEvent.Parameters["at"].Value = e.At;
                    insertEvent.Parameters["d"].Value = (object?)e.Detail ?? DBNull.Value;
                    await insertEvent.ExecuteNonQueryAsync(ct);
                }
            }

            foreach (var c in doc.Commitments)
            {
                var id = await InsertAsync(s.Db, tx, "commitments", keepIds, c.Id, ct,
                    ("user_id", s.UserId), ("goal_id", c.GoalId is { } g ? goalIds[g] : null),
                    ("action_id", c.ActionId is { } a ? actionIds[a] : null), ("due", c.Due), ("event_name", c.EventName),
                    ("event_link", c.EventLink), ("target_quantity", c.Target?.Quantity), ("target_unit", c.Target?.Unit),
                    ("status", c.Status), ("created_at", c.CreatedAt), ("locked_at", c.LockedAt), ("resolved_at", c.ResolvedAt),
                    ("version", c.Version));
                foreach (var r in c.Requests)
                {
                    await s.Db.ExecuteAsync(
                        """
                        INSERT INTO commitment_requests (user_id, commitment_id, commitment_version, kind, new_due, new_target_quantity, new_target_unit,
                            path, requested_at, effective_at, status, settled_at)
                        VALUES (@u, @c, @v, @k, @due, @q, @unit, @p, @at, @eff, @s, @settled)
                        """, tx, ct,
                        u, ("c", id), ("v", r.CommitmentVersion), ("k", r.Kind), ("due", r.NewDue), ("q", r.NewTarget?.Quantity),
                        ("unit", r.NewTarget?.Unit), ("p", r.Path), ("at", r.RequestedAt), ("eff", r.EffectiveAt), ("s", r.Status),
                        ("settled", r.SettledAt));
                }
            }

            if (keepIds && s.Db.Provider == Provider.Postgres)
            {
                // Ids given explicitly do not move PostgreSQL's identity sequences (SQLite's AUTOINCREMENT follows by itself).
                foreach (var table in (string[])["goals", "actions", "commitments"])
                {
                    await s.Db.ExecuteAsync(
                        $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table})) WHERE EXISTS (SELECT 1 FROM {table})", tx, ct);
                }
            }

            var active = doc.Goals.Count(g => g.Status == "active");
            return new ImportReport(file, HeadwayDocument.FormatName, doc.Actions.Count, doc.Actions.Count, 0, 0, 0, doc.Goals.Count, active, doc.Commitments.Count);
        }, ct);
    }

    private static async Task<long> InsertAsync(
        HeadwayDb db, DbTransaction tx, string table, bool keepId, long id, CancellationToken ct, params (string Column, object? Value)[] values)
    {
        var columns = values.Select(v => v.Column).ToList();
        var args = values.Select(v => (v.Column, v.Value)).ToList();
        if (keepId)
        {
            columns.Insert(0, "id");
            args.Insert(0, ("id", id));
        }

        var sql = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "@" + c))}) RETURNING id";
        return await db.LongAsync(sql, tx, ct, [.. args]);
    }

    private static SignalCode Code(string code) => SignalCodes.TryParse(code, out var c) ? c : default;

    /// <summary>The first thing in the document Headway could not store, as "where: what", or null when all is well.</summary>
    internal static string? Validate(HeadwayDocument doc)
    {
        if (doc.Version != HeadwayDocument.CurrentVersion)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"field version: this file is version {doc.Version} of the Headway format, and this headway reads version {HeadwayDocument.CurrentVersion}.");
        }

        if (!WeekCalendar.TryFindZone(doc.User.TimeZone, out _))
        {
            return $"user, field timeZone: '{Short(doc.User.TimeZone)}' is not a known time zone.";
        }

        if (!Enum.TryParse<DayOfWeek>(doc.User.WeekStart, ignoreCase: true, out var day) || !Enum.IsDefined(day) || int.TryParse(doc.User.WeekStart, out _))
        {
            return $"user, field weekStart: '{Short(doc.User.WeekStart)}' is not a weekday.";
        }

        var goals = new HashSet<long>();
        for (var i = 0; i < doc.Goals.Count; i++)
        {
            var g = doc.Goals[i];
            var at = $"goals[{i}] (id {g.Id})";
            if (g.Id <= 0 || !goals.Add(g.Id))
            {
                return $"{at}, field id: the id is {(g.Id <= 0 ? "not positive" : "used twice")}.";
            }

            if (GoalRules.CheckTitle(g.Title) is { } bad)
            {
                return $"{at}, field title: {bad.Message}";
            }

            if (!IsOneOf(g.Area, Names<GoalArea>()))
            {
                return $"{at}, field area: '{Short(g.Area)}' is not a goal area.";
            }

            if (!IsOneOf(g.Status, "active", "paused", "achieved", "dropped"))
            {
                return $"{at}, field status: '{Short(g.Status)}' is not active, paused, achieved or dropped.";
            }
        }

        var actions = new HashSet<long>();
        var sources = new HashSet<(string, string)>();
        for (var i = 0; i < doc.Actions.Count; i++)
        {
            var a = doc.Actions[i];
            var at = $"actions[{i}] (id {a.Id})";
            if (a.Id <= 0 || !actions.Add(a.Id))
            {
                return $"{at}, field id: the id is {(a.Id <= 0 ? "not positive" : "used twice")}.";
            }

            var problem = TextRules.Check(a.Text, "action", TextRules.MaxActionLength) is { } bad ? ("text", bad.Message)
                : a.GoalId is { } g && !goals.Contains(g) ? ("goalId", $"there is no goal {g} in the file.")
                : !HorizonRules.TryParse(a.Horizon, out _) ? ("horizon", $"'{Short(a.Horizon)}' is not now, week or later.")
                : !IsOneOf(a.Status, "open", "done", "dropped") ? ("status", $"'{Short(a.Status)}' is not open, done or dropped.")
                : !IsOneOf(a.Verdict, "meaningful", "passive") ? ("verdict", $"'{Short(a.Verdict)}' is not meaningful or passive.")
                : a.Override is { } o && !IsOneOf(o.Verdict, "meaningful", "passive") ? ("override", $"'{Short(o.Verdict)}' is not meaningful or passive.")
                : a.Signals.FirstOrDefault(x => !SignalCodes.TryParse(x.Code, out _)) is { } signal ? ("signals", $"'{Short(signal.Code)}' is not a signal code.")
                : a.History.FirstOrDefault(e => !IsOneOf(e.Kind, Names<ActionEventKind>())) is { } e
                    ? ("history", $"'{Short(e.Kind)}' is not a kind of history event.")
                : (a.Source is null) != (a.SourceId is null) ? ("sourceId", "source and sourceId go together: give both or neither.")
                : a.Source is { } src && !sources.Add((src, a.SourceId!)) ? ("sourceId", $"'{Short(a.SourceId!)}' from {Short(src)} appears twice.")
                : default((string, string)?);
            if (problem is { } p)
            {
                return $"{at}, field {p.Item1}: {p.Item2}";
            }
        }

        var commitments = new HashSet<long>();
        for (var i = 0; i < doc.Commitments.Count; i++)
        {
            var c = doc.Commitments[i];
            var at = $"commitments[{i}] (id {c.Id})";
            var problem = c.Id <= 0 || !commitments.Add(c.Id) ? ("id", $"the id is {(c.Id <= 0 ? "not positive" : "used twice")}.")
                : (c.GoalId is null) == (c.ActionId is null) ? ("goalId", "a commitment is bound to a goal or to an action: give exactly one.")
                : c.GoalId is { } g && !goals.Contains(g) ? ("goalId", $"there is no goal {g} in the file.")
                : c.ActionId is { } a && !actions.Contains(a) ? ("actionId", $"there is no action {a} in the file.")
                : !IsOneOf(c.Status, Names<CommitmentStatus>())
                    ? ("status", $"'{Short(c.Status)}' is not open, locked, kept, missed or dropped.")
                : c.Requests.FirstOrDefault(r => !IsOneOf(r.Kind, "reschedule", "retarget", "drop") || !IsOneOf(r.Path, "partner", "coolingoff")
                    || !IsOneOf(r.Status, "pending", "applied", "denied", "void", "withdrawn")) is { } bad
                    ? ("requests", $"the request of {bad.RequestedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} has an unknown kind, path or status.")
                : default((string, string)?);
            if (problem is { } p)
            {
                return $"{at}, field {p.Item1}: {p.Item2}";
            }
        }

        return null;
    }

    private static string[] Names<T>()
        where T : struct, Enum => [.. Enum.GetNames<T>().Select(n => n.ToLowerInvariant())];

    private static bool IsOneOf(string? value, params string[] names) => value is not null && names.Contains(value, StringComparer.Ordinal);

    private static string Short(string? text) => text is null ? "" : text.Length <= 30 ? text : text[..30] + "…";
}
