using System.Globalization;
using Headway.App.Notifications;
using Headway.App.Reviews;
using Headway.Core;

namespace Headway.App.CheckIns;

/// <summary>A check-in addressed to one active partner.</summary>
public sealed record PartnerCheckIn(long PartnerUserId, string PartnerName, CheckIn CheckIn);

/// <summary>
/// Composes this week's check-in for each active partner (partnership not removed), covering only the goals shared
/// with that partner, and queues it to them by email and in the app. The key names the user, the week or the minute,
/// and the partner, so running it again does nothing more.
/// </summary>
public static class SendCheckIn
{
    public static async Task<IReadOnlyList<PartnerCheckIn>> ComposeAsync(PlannerSession s, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(s);
        var partners = await s.Db.ListAsync(
            """
            SELECT p.id, p.partner_user_id, pu.name, p.sees_actions FROM partnerships p JOIN users pu ON pu.id = p.partner_user_id
            WHERE p.user_id = @u AND p.removed_at IS NULL ORDER BY p.id
            """, r => (Id: r.GetInt64(0), UserId: r.GetInt64(1), Name: r.GetString(2), SeesActions: r.GetBoolean(3)), null, ct, ("u", s.UserId));
        if (partners.Count == 0)
        {
            return [];
        }

        var shared = await s.Db.ListAsync(
            "SELECT partnership_id, goal_id FROM shared_goals WHERE partnership_id IN (SELECT id FROM partnerships WHERE user_id = @u AND removed_at IS NULL)",
            r => (Partnership: r.GetInt64(0), Goal: r.GetInt64(1)), null, ct, ("u", s.UserId));
        var week = await BuildReview.LoadAsync(s, null, ct);
        return [.. partners.Select(p => new PartnerCheckIn(p.UserId, p.Name, CheckIn.Compose(
            s.User.Name, week, shared.Where(x => x.Partnership == p.Id).Select(x => x.Goal).ToHashSet(), p.SeesActions)))];
    }

    /// <summary>The user's own view: every goal, every action (what <c>headway checkin</c> prints without partners).</summary>
    public static async Task<CheckIn> ComposeForSelfAsync(PlannerSession s, CancellationToken ct) =>
        CheckIn.Compose(s.User.Name, await BuildReview.LoadAsync(s, null, ct), sharedGoals: null, seesActions: true);

    /// <summary>The weekly check-in's key: once per user, week and partner.</summary>
    public static string WeeklyKey(long userId, DateOnly weekStart) =>
        string.Create(CultureInfo.InvariantCulture, $"checkin:{userId}:{weekStart:yyyy-MM-dd}:");

    /// <summary>"Send a check-in now": once per user and minute, so a double click sends one.</summary>
    public static string NowKey(long userId, DateTime nowUtc) =>
        string.Create(CultureInfo.InvariantCulture, $"checkin-now:{userId}:{nowUtc:yyyyMMddHHmm}:");

    /// <summary>Queues the check-ins; returns how many partners were newly notified.</summary>
    public static async Task<int> QueueAsync(PlannerSession s, IReadOnlyList<PartnerCheckIn> checkIns, string keyPrefix, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(checkIns);
        if (checkIns.Count == 0)
        {
            return 0;
        }

        var now = s.NowUtc;
        var result = await s.Db.WriteAsync<int>(async tx =>
        {
            var sent = 0;
            foreach (var c in checkIns)
            {
                var notice = new Notice(c.PartnerUserId, "checkin", $"{keyPrefix}partner:{c.PartnerUserId}", c.CheckIn.Subject, c.CheckIn.ToText(),
                    $"/people/{s.UserId}", s.UserId);
                sent += await Notify.EnqueueAsync(s.Db, tx, notice, now, ct) is null ? 0 : 1;
            }

            return sent;
        }, ct);
        return result.Value;
    }

    /// <summary>"Send a check-in now" from the web or the command line.</summary>
    public static async Task<Result<IReadOnlyList<PartnerCheckIn>>> NowAsync(PlannerSession s, CancellationToken ct)
    {
        var checkIns = await ComposeAsync(s, ct);
        if (checkIns.Count == 0)
        {
            return Error.Refused("You have no accountability partner to send a check-in to: invite one on the partners page first.");
        }

        await QueueAsync(s, checkIns, NowKey(s.UserId, s.NowUtc), ct);
        return Result<IReadOnlyList<PartnerCheckIn>>.Ok(checkIns);
    }
}
