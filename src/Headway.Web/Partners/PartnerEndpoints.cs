using System.Globalization;
using Headway.App.Partners;
using Headway.Core.Commitments;
using Headway.Core.Partners;
using Headway.Web.Accounts;
using Headway.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Headway.Web.Partners;

/// <summary>
/// The partner buttons: revoke an invitation, choose what a partner sees, remove a partner (the person's side); write a
/// note, verify an outcome, approve or deny a request (the partner's side). Plain form posts that redirect back; binding
/// form fields makes ASP.NET Core require the antiforgery token. Every one checks access again, so a removed partner
/// or an unshared goal is 404 from the next request on.
/// </summary>
public static class PartnerEndpoints
{
    public static WebApplication MapPartners(this WebApplication app)
    {
        app.MapPost("/partners/invitations/{id:long}/revoke", (long id, [FromForm] string? returnUrl, HttpContext http, CurrentPlanner planner, CancellationToken ct) =>
            FormPost.RunAsync(http, planner, returnUrl ?? "/partners", s => RevokeInvitation.RunAsync(s, id, ct),
                _ => "Invitation revoked: its link no longer works.", ct));

        app.MapPost("/partners/{id:long}/sharing", (long id, IFormCollection form, [FromForm] string? visibility, [FromForm] string? returnUrl,
            HttpContext http, CurrentPlanner planner, CancellationToken ct) =>
        {
            var ids = new List<long>();
            // One "goal" field per ticked box.
            foreach (var goal in form["goal"])
            {
                if (!long.TryParse(goal, NumberStyles.None, CultureInfo.InvariantCulture, out var goalId))
                {
                    return Task.FromResult(Results.BadRequest());
                }

                ids.Add(goalId);
            }

            if (visibility is not ("actions" or "outcomes"))
            {
                return Task.FromResult(Results.BadRequest());
            }

            return FormPost.RunAsync(http, planner, returnUrl ?? "/partners", s => ChooseSharing.RunAsync(s, id, ids, visibility == "actions", ct),
                p => $"{p.Name} now sees {Shared(p.SharedGoalIds.Count)}, {(p.SeesActions ? "with your actions" : "outcomes only")}.", ct);
        });

        app.MapPost("/partners/{id:long}/remove", (long id, [FromForm] string? returnUrl, HttpContext http, CurrentPlanner planner, CancellationToken ct) =>
            FormPost.RunAsync(http, planner, returnUrl ?? "/partners", s => RemovePartner.RunAsync(s, id.ToString(CultureInfo.InvariantCulture), ct),
                p => $"{p.Name} is no longer your partner and sees nothing of yours.", ct));

        var person = app.MapGroup("/people/{userId:long}");
        person.MapPost("/notes", (long userId, [FromForm] string? kind, [FromForm] string? goalId, [FromForm] string? body, [FromForm] string? returnUrl,
            HttpContext http, CurrentPlanner planner, CancellationToken ct) =>
        {
            long? goal = null;
            if (!string.IsNullOrEmpty(goalId))
            {
                if (!long.TryParse(goalId, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                {
                    return Task.FromResult(Results.BadRequest());
                }

                goal = parsed;
            }

            // Verify has its own button on each outcome.
            return NoteRules.TryParse(kind, out var k) && k != NoteKind.Verify
                ? FormPost.RunAsync(http, planner, returnUrl ?? $"/people/{userId}", s => WriteNote.RunAsync(s, new NewNote(userId, k, goal, null, body), ct),
                    n => $"Sent your {n.Kind.Name()}.", ct)
                : Task.FromResult(Results.BadRequest());
        });

        person.MapPost("/outcomes/{actionId:long}/verify", (long userId, long actionId, [FromForm] string? returnUrl, HttpContext http, CurrentPlanner planner, CancellationToken ct) =>
            FormPost.RunAsync(http, planner, returnUrl ?? $"/people/{userId}", s => WriteNote.RunAsync(s, new NewNote(userId, NoteKind.Verify, ActionId: actionId), ct),
                _ => "Outcome verified: thank you for checking.", ct));

        person.MapPost("/requests/{requestId:long}/approve", (long userId, long requestId, [FromForm] string? returnUrl, HttpContext http, CurrentPlanner planner, CancellationToken ct) =>
            FormPost.RunAsync(http, planner, returnUrl ?? $"/people/{userId}", s => DecideChangeRequest.ApproveAsync(s, userId, requestId, ct), Decided, ct));

        person.MapPost("/requests/{requestId:long}/deny", (long userId, long requestId, [FromForm] string? returnUrl, HttpContext http, CurrentPlanner planner, CancellationToken ct) =>
            FormPost.RunAsync(http, planner, returnUrl ?? $"/people/{userId}", s => DecideChangeRequest.DenyAsync(s, userId, requestId, ct), Decided, ct));
        return app;
    }

    private static string Decided(ChangeRequest r) => r.Status switch
    {
        ChangeRequestStatus.Applied => $"Approved: {r.Change.Describe()}.",
        ChangeRequestStatus.Denied => $"Denied: {r.Change.Describe()}. The commitment stays as it was.",
        _ => "That request no longer applies: the commitment changed after it was made.",
    };

    private static string Shared(int goals) => goals switch
    {
        0 => "none of your goals",
        1 => "1 goal",
        _ => $"{goals} goals",
    };
}
