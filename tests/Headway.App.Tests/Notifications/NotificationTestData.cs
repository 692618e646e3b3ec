using System.Globalization;
using Headway.App.Storage;

namespace Headway.App.Tests.Notifications;

/// <summary>The partner and account rows that the partners feature and the web's sign-up will make, written straight to the tables.</summary>
internal static class NotificationTestData
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Gives a user an account email, so notifications to them queue an email delivery.</summary>
    public static Task GiveEmailAsync(HeadwayDb db, long userId, string email) =>
        db.ExecuteAsync(
            """
            INSERT INTO identity_users (user_id, user_name, normalized_user_name, email, normalized_email, email_confirmed,
                security_stamp, concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
            VALUES (@u, @e, @n, @e, @n, TRUE, 's', 'c', FALSE, FALSE, TRUE, 0)
            """, null, Ct, ("u", userId), ("e", email), ("n", email.ToUpperInvariant()));

    /// <summary>Makes <paramref name="partnerId"/> an active partner of <paramref name="userId"/>, sharing the given goals.</summary>
    public static async Task<long> PartnerAsync(HeadwayDb db, long userId, long partnerId, DateTime now, bool seesActions, params long[] goals)
    {
        var id = await db.LongAsync(
            "INSERT INTO partnerships (user_id, partner_user_id, sees_actions, created_at) VALUES (@u, @p, @s, @now) RETURNING id", null, Ct,
            ("u", userId), ("p", partnerId), ("s", seesActions), ("now", now));
        foreach (var g in goals)
        {
            await db.ExecuteAsync("INSERT INTO shared_goals (partnership_id, goal_id) VALUES (@p, @g)", null, Ct, ("p", id), ("g", g));
        }

        return id;
    }

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
