using Headway.Core.Partners;

namespace Headway.App.Partners;

/// <summary>The user's invitations that can still be accepted (a used, expired or revoked link is no longer listed).</summary>
public static class ListInvitations
{
    public static Task<List<Invitation>> RunAsync(PlannerSession s, CancellationToken ct) => InvitationQueries.PendingAsync(s, ct);
}
