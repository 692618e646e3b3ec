using Headway.App.Commitments;

namespace Headway.App.Partners;

/// <summary>The requests to loosen a locked commitment that wait for the signed-in partner's decision, oldest first.</summary>
public static class WaitingRequests
{
    public static Task<List<WaitingRequest>> RunAsync(PlannerSession partner, CancellationToken ct)
    {
        var requestColumns = string.Join(", ", CommitmentQueries.RequestColumns.Split(", ").Select(c => "r." + c));
        var commitmentColumns = string.Join(", ", CommitmentQueries.Columns.Split(", ").Select(c => "c." + c));
        // A request shows only while the partner can see its commitment: its goal, or its action's goal, is shared now.
        return partner.Db.ListAsync(
            $"""
            SELECT {requestColumns}, {commitmentColumns}, r.user_id, u.name
            FROM commitment_requests r
            JOIN commitments c ON c.id = r.commitment_id AND c.user_id = r.user_id
            JOIN partnerships p ON p.user_id = r.user_id AND p.partner_user_id = @me AND p.removed_at IS NULL
            LEFT JOIN actions a ON a.id = c.action_id AND a.user_id = r.user_id
            JOIN shared_goals g ON g.partnership_id = p.id AND g.goal_id = COALESCE(c.goal_id, a.goal_id)
            JOIN users u ON u.id = r.user_id
            WHERE r.status = 'pending' AND r.path = 'partner' AND r.user_id <> @me
            ORDER BY r.requested_at, r.id
            """,
            r => new WaitingRequest(r.GetInt64(25), r.GetString(26), CommitmentQueries.MapRequest(r), CommitmentQueries.Map(r, 12)), null, ct, ("me", partner.UserId));
    }
}
