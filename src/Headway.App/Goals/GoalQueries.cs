using System.Data.Common;
using Headway.Core;
using Headway.Core.Goals;

namespace Headway.App.Goals;

/// <summary>Reading goals, scoped to one user.</summary>
public static class GoalQueries
{
    internal const string Columns = "id, title, why, area, status, target_quantity, target_unit, target_date, created_at, version";

    internal static Goal Map(DbDataReader r) => new(
        r.GetInt64(0),
        r.GetString(1),
        Storage.Read.NullableString(r, 2),
        Enum.Parse<GoalArea>(r.GetString(3), ignoreCase: true),
        Enum.Parse<GoalStatus>(r.GetString(4), ignoreCase: true),
        Storage.Read.NullableDouble(r, 5) is { } q && Storage.Read.NullableString(r, 6) is { } u ? new Quantity(q, u) : null,
        Storage.Read.NullableDate(r, 7),
        Storage.Read.Utc(r, 8),
        r.GetInt32(9));

    public static Task<List<Goal>> ListAsync(PlannerSession s, bool includeClosed, CancellationToken ct) =>
        s.Db.ListAsync(
            $"SELECT {Columns} FROM goals WHERE user_id = @u {(includeClosed ? "" : "AND status IN ('active', 'paused')")} ORDER BY CASE status WHEN 'active' THEN 0 WHEN 'paused' THEN 1 ELSE 2 END, id",
            Map, null, ct, ("u", s.UserId));

    public static async Task<Result<Goal>> FindAsync(PlannerSession s, long id, CancellationToken ct, DbTransaction? tx = null) =>
        await s.Db.SingleAsync($"SELECT {Columns} FROM goals WHERE id = @id AND user_id = @u", Map, tx, ct, ("id", id), ("u", s.UserId)) is { } goal
            ? goal
            : Error.NotFound($"There is no goal {id}: see `headway goal list` for the ids.");

    internal static Task<long> CountActiveAsync(PlannerSession s, DbTransaction? tx, CancellationToken ct) =>
        s.Db.LongAsync("SELECT COUNT(*) FROM goals WHERE user_id = @u AND status = 'active'", tx, ct, ("u", s.UserId));

    /// <summary>Finds a goal by id, or by a unique case-insensitive start of its title ("novel" for "Finish my novel").</summary>
    public static async Task<Result<Goal>> ResolveAsync(PlannerSession s, string reference, CancellationToken ct, DbTransaction? tx = null)
    {
        var text = reference.Trim();
        if (text.Length == 0)
        {
            // An empty fragment is contained in every title: with one goal it would silently pick that goal.
            return Error.Invalid("The goal is empty: give its id or a unique part of its title from `headway goal list`.");
        }

        if (long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            return await FindAsync(s, id, ct, tx);
        }

        var goals = await s.Db.ListAsync($"SELECT {Columns} FROM goals WHERE user_id = @u AND status IN ('active', 'paused')", Map, tx, ct, ("u", s.UserId));
        var matches = goals.Where(g => g.Title.Contains(text, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => Error.NotFound($"No active or paused goal matches '{Shorten(text)}': give its id from `headway goal list`."),
            _ => Error.Invalid($"'{Shorten(text)}' matches {matches.Count} goals ({string.Join(", ", matches.Select(g => g.Id))}): give the id."),
        };
    }

    internal static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    internal static string Name(this GoalStatus status) => status.ToString().ToLowerInvariant();

    internal static string Name(this GoalArea area) => area.ToString().ToLowerInvariant();
}
