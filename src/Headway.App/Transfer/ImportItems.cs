using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Headway.App.Actions;
using Headway.App.Goals;
using Headway.App.Storage;
using Headway.Core;
using Headway.Core.Actions;
using Headway.Core.Analysis;
using Headway.Core.Formats;
using Headway.Core.Goals;

namespace Headway.App.Transfer;

/// <summary>What an import does with the source's projects and lists.</summary>
public enum ProjectsAs
{
    /// <summary>Each project becomes a goal: the busiest active (up to the cap), the rest paused.</summary>
    Goals,

    /// <summary>Projects stay as labels (<c>+name</c>) on the actions.</summary>
    Labels,
}

/// <summary>
/// Moves another tool's backlog in, all or nothing, in one write transaction. Open items land in Later (which has no
/// cap, so Now and This week are never touched); done items are kept as done actions with their completion dates (they
/// feed reviews), dropped ones as dropped. Every action is judged by the analyzer like one typed in. Each action keeps
/// the source's id, so importing the same file again adds nothing and updates what changed in it.
/// </summary>
public static class ImportItems
{
    private sealed record Existing(long Id, string Text, string Status, DateOnly? Due);

    public static async Task<Result<ImportReport>> RunAsync(
        PlannerSession s, IReadOnlyList<ImportedItem> items, TaskFormat format, ProjectsAs projects, string file, CancellationToken ct)
    {
        var source = format.Name();
        var keyed = new List<(ImportedItem Item, string Key)>(items.Count);
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        var skipped = 0;
        foreach (var item in items)
        {
            // A recurrence template is not a task to do: its instances, which Taskwarrior exports too, are.
            if (item.IsRecurrenceTemplate)
            {
                skipped++;
                continue;
            }

            keyed.Add((item, item.SourceId ?? ContentKey(item, occurrences)));
        }

        var projectNames = projects == ProjectsAs.Goals
            ? keyed.Where(k => k.Item.Project is not null).Select(k => k.Item.Project!).Distinct(StringComparer.Ordinal).ToList()
            : [];
        foreach (var name in projectNames)
        {
            if (GoalRules.CheckTitle(name) is { } bad)
            {
                var line = keyed.First(k => k.Item.Project == name).Item.Line;
                return Error.Invalid(ImportSource.Describe(file, line, "project", bad.Message.Replace("goal title", "project (which would become a goal's title)", StringComparison.Ordinal)));
            }
        }

        return await s.Db.WriteAsync<ImportReport>(async tx =>
        {
            await s.Db.LockUserAsync(s.UserId, tx, ct);
            var now = s.NowUtc;
            var (goalIds, created, activated) = await GoalsForProjectsAsync(s, tx, projectNames, keyed, now, ct);

            var existing = new Dictionary<string, Existing>(StringComparer.Ordinal);
            await using (var cmd = s.Db.Sql("SELECT source_id, id, text, status, due FROM actions WHERE user_id = @u AND source = @s", tx,
                ("u", s.UserId), ("s", source)))
            await using (var r = await cmd.ExecuteReaderAsync(ct))
            {
                while (await r.ReadAsync(ct))
                {
                    existing[r.GetString(0)] = new Existing(r.GetInt64(1), r.GetString(2), r.GetString(3), r.NullableDate(4));
                }
            }

            await using var insert = s.Db.Sql(
                """
                INSERT INTO actions (user_id, goal_id, text, horizon, status, due, outcome_quantity, outcome_unit, outcome_phrase,
                    verdict, score, signals, suggestion, override_verdict, override_reason, stretch, result, planned_week, created_at, updated_at,
                    completed_at, version, source, source_id, labels)
                VALUES (@u, @g, @t, 'later', @status, @due, @q, @unit, @phrase, @v, @score, @signals, @sugg, NULL, NULL, @stretch, NULL, @week,
                    @created, @now, @completed, 1, @source, @sid, @labels)
                RETURNING id
                """, tx,
                ("@u", s.UserId), ("@g", null), ("@t", ""), ("@status", ""), ("@due", null), ("@q", null), ("@unit", null), ("@phrase", null),
                ("@v", ""), ("@score", 0), ("@signals", ""), ("@sugg", null), ("@stretch", false), ("@week", s.ThisWeek.Start),
                ("@created", now), ("@now", now), ("@completed", null), ("@source", source), ("@sid", ""), ("@labels", null));
            await using var record = s.Db.Sql("INSERT INTO action_events (user_id, action_id, kind, at, detail) VALUES (@u, @a, @k, @at, @d)", tx,
                ("@u", s.UserId), ("@a", 0L), ("@k", ""), ("@at", now), ("@d", null));
            // Parameter names carry their '@' here: Microsoft.Data.Sqlite otherwise looks each name up under every prefix it
            // knows, on every execution, which was the import's largest single cost.
            if (s.Db.Provider == Provider.Sqlite)
            {
                // Compiled once: a 50,000-item backlog runs the same two statements 100,000 times.
                await insert.PrepareAsync(ct);
                await record.PrepareAsync(ct);
            }

            async Task RecordAsync(long id, ActionEventKind kind, DateTime at, string? detail)
            {
                record.Parameters["@a"].Value = id;
                record.Parameters["@k"].Value = kind.ToString().ToLowerInvariant();
                record.Parameters["@at"].Value = at;
                record.Parameters["@d"].Value = (object?)detail ?? DBNull.Value;
                await record.ExecuteNonQueryAsync(ct);
            }

            int added = 0, updated = 0, unchanged = 0;
            foreach (var (item, key) in keyed)
            {
                var status = item.Status switch { ItemStatus.Done => "done", ItemStatus.Dropped => "dropped", _ => "open" };
                var closedAt = item.Status == ItemStatus.Open ? (DateTime?)null : item.CompletedAt ?? item.ModifiedAt ?? now;
                if (existing.TryGetValue(key, out var old))
                {
                    if (await UpdateAsync(s, tx, old, item, status, closedAt, now, RecordAsync, ct))
                    {
                        updated++;
                    }
                    else
                    {
                        unchanged++;
                    }

                    continue;
                }

                var a = ActionAnalyzer.Analyze(item.Text);
                var p = insert.Parameters;
                p["@g"].Value = item.Project is { } project && goalIds.TryGetValue(project, out var goalId) ? goalId : DBNull.Value;
                p["@t"].Value = item.Text;
                p["@status"].Value = status;
                p["@due"].Value = (object?)item.Due ?? DBNull.Value;
                p["@q"].Value = (object?)a.Outcome?.Quantity ?? DBNull.Value;
                p["@unit"].Value = (object?)a.Outcome?.Unit ?? DBNull.Value;
                p["@phrase"].Value = (object?)a.Outcome?.Phrase ?? DBNull.Value;
                p["@v"].Value = a.Verdict == Verdict.Meaningful ? "meaningful" : "passive";
                p["@score"].Value = a.Score;
                p["@signals"].Value = SignalsJson.Write(a.Signals);
                p["@sugg"].Value = (object?)a.Suggestion ?? DBNull.Value;
                p["@stretch"].Value = a.IsStretch;
                var createdAt = item.CreatedAt ?? closedAt ?? now;
                p["@created"].Value = createdAt;
                p["@completed"].Value = item.Status == ItemStatus.Done ? closedAt! : DBNull.Value;
                p["@sid"].Value = key;
                p["@labels"].Value = (object?)LabelsJson.Write(Labels(item, projects)) ?? DBNull.Value;
                var id = Convert.ToInt64(await insert.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
                existing[key] = new Existing(id, item.Text, status, item.Due);
                await RecordAsync(id, ActionEventKind.Created, createdAt, $"later, imported from {source}");
                if (item.Status == ItemStatus.Done)
                {
                    await RecordAsync(id, ActionEventKind.Completed, closedAt!.Value, null);
                }
                else if (item.Status == ItemStatus.Dropped)
                {
                    await RecordAsync(id, ActionEventKind.Dropped, closedAt!.Value, null);
                }

                added++;
            }

            return new ImportReport(file, source, items.Count, added, updated, unchanged, skipped, created, activated, 0);
        }, ct);
    }

    // The file changed an item imported before: take its new text, due date and status. A status only moves forward
    // from open: work finished or dropped in Headway is never reopened by an older file.
    private static async Task<bool> UpdateAsync(
        PlannerSession s, DbTransaction tx, Existing old, ImportedItem item, string status, DateTime? closedAt, DateTime now,
        Func<long, ActionEventKind, DateTime, string?, Task> record, CancellationToken ct)
    {
        var textChanged = !string.Equals(old.Text, item.Text, StringComparison.Ordinal);
        var dueChanged = old.Due != item.Due;
        var statusChanged = old.Status == "open" && status != "open";
        if (!textChanged && !dueChanged && !statusChanged)
        {
            return false;
        }

        if (textChanged)
        {
            var a = ActionAnalyzer.Analyze(item.Text);
            await s.Db.ExecuteAsync(
                """
                UPDATE actions SET text = @t, outcome_quantity = @q, outcome_unit = @unit, outcome_phrase = @phrase, verdict = @v, score = @score,
                    signals = @signals, suggestion = @sugg, override_verdict = NULL, override_reason = NULL, stretch = @stretch
                WHERE id = @id AND user_id = @u
                """, tx, ct,
                ("t", item.Text), ("q", a.Outcome?.Quantity), ("unit", a.Outcome?.Unit), ("phrase", a.Outcome?.Phrase),
                ("v", a.Verdict == Verdict.Meaningful ? "meaningful" : "passive"), ("score", a.Score), ("signals", SignalsJson.Write(a.Signals)),
                ("sugg", a.Suggestion), ("stretch", a.IsStretch), ("id", old.Id), ("u", s.UserId));
            await record(old.Id, ActionEventKind.Edited, now, "text changed in the imported file");
        }

        if (dueChanged)
        {
            await s.Db.ExecuteAsync("UPDATE actions SET due = @due WHERE id = @id AND user_id = @u", tx, ct,
                ("due", item.Due), ("id", old.Id), ("u", s.UserId));
            var kind = old.Due is { } before && item.Due is { } after
                ? after > before ? ActionEventKind.Postponed : ActionEventKind.Advanced
                : ActionEventKind.Edited;
            await record(old.Id, kind, now, $"due {Date(old.Due)} → {Date(item.Due)} in the imported file");
        }

        if (statusChanged)
        {
            await s.Db.ExecuteAsync(
                "UPDATE actions SET status = @s, completed_at = @c WHERE id = @id AND user_id = @u", tx, ct,
                ("s", status), ("c", status == "done" ? closedAt : null), ("id", old.Id), ("u", s.UserId));
            await record(old.Id, status == "done" ? ActionEventKind.Completed : ActionEventKind.Dropped, closedAt!.Value, null);
        }

        await s.Db.ExecuteAsync("UPDATE actions SET updated_at = @now, version = version + 1 WHERE id = @id AND user_id = @u", tx, ct,
            ("now", now), ("id", old.Id), ("u", s.UserId));
        return true;
    }

    // Projects that already became goals (in an earlier import) keep theirs. New ones become goals, the busiest (most
    // open items) active while there is room under the cap of five, the rest paused.
    private static async Task<(Dictionary<string, long> Ids, int Created, int Activated)> GoalsForProjectsAsync(
        PlannerSession s, DbTransaction tx, List<string> names, List<(ImportedItem Item, string Key)> keyed, DateTime now, CancellationToken ct)
    {
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        if (names.Count == 0)
        {
            return (ids, 0, 0);
        }

        foreach (var (key, id) in await s.Db.ListAsync("SELECT source_key, id FROM goals WHERE user_id = @u AND source_key IS NOT NULL",
            r => (r.GetString(0), r.GetInt64(1)), tx, ct, ("u", s.UserId)))
        {
            ids[key] = id;
        }

        var open = keyed.Where(k => k.Item.Status == ItemStatus.Open && k.Item.Project is not null)
            .GroupBy(k => k.Item.Project!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var fresh = names.Where(n => !ids.ContainsKey(n))
            .OrderByDescending(n => open.GetValueOrDefault(n)).ThenBy(n => n, StringComparer.Ordinal).ToList();
        var room = GoalRules.MaxActive - (int)await GoalQueries.CountActiveAsync(s, tx, ct);
        var activated = 0;
        foreach (var name in fresh)
        {
            var active = activated < room && open.GetValueOrDefault(name) > 0;
            ids[name] = await s.Db.LongAsync(
                """
                INSERT INTO goals (user_id, title, why, area, status, target_quantity, target_unit, target_date, created_at, updated_at, source_key)
                VALUES (@u, @t, NULL, 'other', @s, NULL, NULL, NULL, @now, @now, @t) RETURNING id
                """, tx, ct, ("u", s.UserId), ("t", name), ("s", active ? "active" : "paused"), ("now", now));
            activated += active ? 1 : 0;
        }

        return (ids, fresh.Count, activated);
    }

    private static List<string> Labels(ImportedItem item, ProjectsAs projects)
    {
        var labels = new List<string>();
        if (projects == ProjectsAs.Labels && item.Project is { } project)
        {
            labels.Add("+" + project);
        }

        labels.AddRange(item.Tags);
        labels.AddRange(item.Contexts.Select(c => "@" + c));
        return labels;
    }

    // Formats without ids (todo.txt, plain text, Todoist's CSV): the item's project and text stand for it, numbered
    // when the same text appears twice, so importing the same file again finds the same actions.
    private static string ContentKey(ImportedItem item, Dictionary<string, int> occurrences)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes((item.Project ?? "") + "\n" + item.Text)))[..32];
        var n = occurrences[hash] = occurrences.GetValueOrDefault(hash) + 1;
        return n == 1 ? "text:" + hash : string.Create(CultureInfo.InvariantCulture, $"text:{hash}#{n}");
    }

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "none";
}
