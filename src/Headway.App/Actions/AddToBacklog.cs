using Headway.Core;
using Headway.Core.Actions;
using Headway.Core.Analysis;

namespace Headway.App.Actions;

/// <summary>
/// Adds many actions to Later in one transaction, each judged by the analyzer: all or nothing. Later has no cap, so a
/// backlog of any size moves in without touching Now or This week.
/// </summary>
public static class AddToBacklog
{
    public static async Task<Result<int>> RunAsync(PlannerSession s, IEnumerable<string> texts, CancellationToken ct)
    {
        var list = texts.Select(t => t.Trim()).ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (TextRules.Check(list[i], "action", TextRules.MaxActionLength) is { } bad)
            {
                return Error.Invalid($"Item {i + 1}: {bad.Message}");
            }
        }

        return await s.Db.WriteAsync<int>(async tx =>
        {
            var now = s.NowUtc;
            var week = s.ThisWeek.Start;
            await using var insert = s.Db.Sql(
                """
                INSERT INTO actions (user_id, goal_id, text, horizon, status, due, outcome_quantity, outcome_unit, outcome_phrase,
                    verdict, score, signals, suggestion, override_verdict, override_reason, stretch, result, planned_week, created_at, updated_at, version)
                VALUES (@u, NULL, @t, 'later', 'open', NULL, @q, @unit, @phrase, @v, @score, @signals, @sugg, NULL, NULL, @stretch, NULL, @week, @now, @now, 1)
                RETURNING id
                """, tx,
                ("u", s.UserId), ("t", ""), ("q", null), ("unit", null), ("phrase", null), ("v", ""), ("score", 0), ("signals", ""),
                ("sugg", null), ("stretch", false), ("week", week), ("now", now));
            if (s.Db.Provider == Storage.Provider.Sqlite)
            {
                // Compiling the statement once matters for large backlogs; PostgreSQL infers parameter types per call instead.
                await insert.PrepareAsync(ct);
            }
            foreach (var text in list)
            {
                var a = ActionAnalyzer.Analyze(text);
                insert.Parameters["t"].Value = text;
                insert.Parameters["q"].Value = (object?)a.Outcome?.Quantity ?? DBNull.Value;
                insert.Parameters["unit"].Value = (object?)a.Outcome?.Unit ?? DBNull.Value;
                insert.Parameters["phrase"].Value = (object?)a.Outcome?.Phrase ?? DBNull.Value;
                insert.Parameters["v"].Value = a.Verdict.Name();
                insert.Parameters["score"].Value = a.Score;
                insert.Parameters["signals"].Value = SignalsJson.Write(a.Signals);
                insert.Parameters["sugg"].Value = (object?)a.Suggestion ?? DBNull.Value;
                insert.Parameters["stretch"].Value = a.IsStretch;
                var id = Convert.ToInt64(await insert.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
                await ActionQueries.RecordAsync(s, tx, id, ActionEventKind.Created, "later", ct);
            }

            return list.Count;
        }, ct);
    }
}
