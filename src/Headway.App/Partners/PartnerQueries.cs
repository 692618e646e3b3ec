using System.Data.Common;
using System.Globalization;
using Headway.App.Goals;
using Headway.App.Storage;
using Headway.App.Users;
using Headway.Core;
using Headway.Core.Commitments;
using Headway.Core.Goals;
using Headway.Core.Partners;

namespace Headway.App.Partners;

/// <summary>Someone the user reports to, with what they see.</summary>
public sealed record Partner(long Id, long PartnerUserId, string Name, string? Email, bool SeesActions, DateTime Since, IReadOnlyList<long> SharedGoalIds);

/// <summary>Someone the signed-in user is a partner of.</summary>
public sealed record Person(long UserId, string Name, bool SeesActions, DateTime Since);

/// <summary>Reading partnerships: the user's partners, the people they support, and who may see what.</summary>
public static class PartnerQueries
{
    /// <summary>
    /// What <paramref name="partnerUserId"/> may see of <paramref name="userId"/> right now; null when they are not (or no
    /// longer) partners. Read on every request, so a removal or an unshared goal counts from the next one.
    /// </summary>
    public static async Task<PartnerAccess?> AccessAsync(HeadwayDb db, long userId, long partnerUserId, CancellationToken ct, DbTransaction? tx = null)
    {
        var rows = await db.ListAsync(
            """
            SELECT p.id, p.sees_actions, g.goal_id FROM partnerships p LEFT JOIN shared_goals g ON g.partnership_id = p.id
            WHERE p.user_id = @u AND p.partner_user_id = @p AND p.removed_at IS NULL
            """,
            r => (Id: r.GetInt64(0), SeesActions: r.GetBoolean(1), GoalId: r.NullableLong(2)), tx, ct, ("u", userId), ("p", partnerUserId));
        if (rows.Count == 0 || userId == partnerUserId)
        {
            return null;
        }

        return new PartnerAccess(rows[0].Id, userId, partnerUserId, rows[0].SeesActions,
            rows.Where(r => r.GoalId is not null).Select(r => r.GoalId!.Value).ToHashSet());
    }

    /// <summary>
    /// The person's session, for reading their data on behalf of a partner whose access was checked: the same queries as
    /// the person's own, scoped to them.
    /// </summary>
    internal static async Task<PlannerSession> PersonSessionAsync(PlannerSession partner, long userId, CancellationToken ct, DbTransaction? tx = null)
    {
        var user = await LocalOwner.LoadAsync(partner.Db, ct, userId, tx)
            ?? throw new InvalidOperationException($"User {userId} has a partnership but no row.");
        return partner with { User = user };
    }

    /// <summary>The user's current partners, oldest first, with the goals each one sees.</summary>
    public static async Task<List<Partner>> ListAsync(PlannerSession s, CancellationToken ct, DbTransaction? tx = null)
    {
        var partners = await s.Db.ListAsync(
            """
            SELECT p.id, p.partner_user_id, u.name, a.email, p.sees_actions, p.created_at
            FROM partnerships p JOIN users u ON u.id = p.partner_user_id LEFT JOIN identity_users a ON a.user_id = p.partner_user_id
            WHERE p.user_id = @u AND p.removed_at IS NULL ORDER BY p.created_at, p.id
            """,
            r => new Partner(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.NullableString(3), r.GetBoolean(4), r.Utc(5), []), tx, ct, ("u", s.UserId));
        var shared = await s.Db.ListAsync(
            """
            SELECT g.partnership_id, g.goal_id FROM shared_goals g JOIN partnerships p ON p.id = g.partnership_id
            WHERE p.user_id = @u AND p.removed_at IS NULL ORDER BY g.goal_id
            """,
            r => (Partnership: r.GetInt64(0), Goal: r.GetInt64(1)), tx, ct, ("u", s.UserId));
        return [.. partners.Select(p => p with { SharedGoalIds = [.. shared.Where(g => g.Partnership == p.Id).Select(g => g.Goal)] })];
    }

    /// <summary>Finds one of the user's partners by the id `headway partner list` shows, or by their email or name.</summary>
    public static async Task<Result<Partner>> ResolveAsync(PlannerSession s, string reference, CancellationToken ct, DbTransaction? tx = null)
    {
        var text = reference.Trim();
        var partners = await ListAsync(s, ct, tx);
        var matches = long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? partners.Where(p => p.Id == id).ToList()
            : partners.Where(p => string.Equals(p.Email, text, StringComparison.OrdinalIgnoreCase)
                || string.Equals(p.Name, text, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => Error.NotFound($"You have no partner '{Shorten(text)}': see `headway partner list` for their ids."),
            _ => Error.Invalid($"'{Shorten(text)}' names {matches.Count} partners: give the id from `headway partner list`."),
        };
    }

    /// <summary>One of the user's partners and one of their goals, as `headway partner share|unshare` name them.</summary>
    internal static async Task<Result<(Partner Partner, Goal Goal)>> ResolveWithGoalAsync(
        PlannerSession s, string partner, string goal, CancellationToken ct, DbTransaction? tx = null)
    {
        var found = await ResolveAsync(s, partner, ct, tx);
        if (!found.IsOk)
        {
            return found.Error!;
        }

        var g = await GoalQueries.ResolveAsync(s, goal, ct, tx);
        return g.IsOk ? (found.Value, g.Value) : g.Error!;
    }

    /// <summary>The people the signed-in user is a partner of.</summary>
    public static Task<List<Person>> PeopleAsync(PlannerSession s, CancellationToken ct) =>
        s.Db.ListAsync(
            """
            SELECT p.user_id, u.name, p.sees_actions, p.created_at FROM partnerships p JOIN users u ON u.id = p.user_id
            WHERE p.partner_user_id = @me AND p.removed_at IS NULL ORDER BY u.name, p.user_id
            """,
            r => new Person(r.GetInt64(0), r.GetString(1), r.GetBoolean(2), r.Utc(3)), null, ct, ("me", s.UserId));

    /// <summary>The partners who can see a commitment: those its goal (or its action's goal) is shared with.</summary>
    public static Task<List<long>> WhoCanSeeAsync(HeadwayDb db, long userId, Commitment c, CancellationToken ct, DbTransaction? tx = null) =>
        db.ListAsync(
            """
            SELECT p.partner_user_id FROM partnerships p JOIN shared_goals g ON g.partnership_id = p.id
            WHERE p.user_id = @u AND p.removed_at IS NULL
              AND g.goal_id = COALESCE(@g, (SELECT goal_id FROM actions WHERE id = @a AND user_id = @u))
            ORDER BY p.partner_user_id
            """,
            r => r.GetInt64(0), tx, ct, ("u", userId), ("g", c.GoalId), ("a", c.ActionId));

    /// <summary>The goal a commitment counts toward: its own, or its action's.</summary>
    internal static async Task<long?> GoalOfAsync(PlannerSession s, Commitment c, CancellationToken ct, DbTransaction? tx = null) =>
        c.GoalId ?? (c.ActionId is { } a
            ? (await s.Db.ListAsync("SELECT goal_id FROM actions WHERE id = @a AND user_id = @u", r => r.NullableLong(0), tx, ct,
                ("a", a), ("u", s.UserId))).FirstOrDefault()
            : null);

    internal static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
