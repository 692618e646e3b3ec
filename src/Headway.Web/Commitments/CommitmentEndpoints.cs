using Headway.App.Commitments;
using Headway.Core.Commitments;
using Headway.Web.Accounts;
using Headway.Web.Actions;
using Headway.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Headway.Web.Commitments;

/// <summary>
/// Commitments from a goal's page: commit to a date (optionally an event, optionally locked at once), lock, change the
/// date (at once while open or when earlier; as a request to partners or to cool off when a locked one gets later), and
/// withdraw a pending request.
/// </summary>
public static class CommitmentEndpoints
{
    public static WebApplication MapCommitments(this WebApplication app)
    {
        app.MapPost("/goals/{goalId:long}/commitments", (long goalId, [FromForm] string? date, [FromForm] string? eventName, [FromForm] string? eventLink,
            [FromForm] string? lockIt, [FromForm] string? returnUrl, HttpContext http, CurrentPlanner planner, CancellationToken ct) =>
            FormPost.RunAsync(http, planner, returnUrl ?? $"/goals/{goalId}", async s =>
            {
                if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var due))
                {
                    return Core.Error.Invalid("Pick the commitment's date.");
                }

                return await CreateCommitment.RunAsync(s, new NewCommitment(goalId.ToString(System.Globalization.CultureInfo.InvariantCulture), null, due,
                    string.IsNullOrWhiteSpace(eventName) ? null : eventName, string.IsNullOrWhiteSpace(eventLink) ? null : eventLink, null, lockIt == "on"), ct);
            }, c => $"Committed: {c.Describe()}{(c.Status == CommitmentStatus.Locked ? " (locked)" : "")}.", ct));

        var commitment = app.MapGroup("/commitments/{id:long}");
        commitment.MapPost("/lock", (long id, [FromForm] string? returnUrl, HttpContext http, CurrentPlanner planner, CancellationToken ct) =>
            FormPost.RunAsync(http, planner, returnUrl, s => ChangeCommitment.LockAsync(s, id, ct),
                c => $"Locked: {c.Describe()}. Making it easier now needs a partner's approval, or 7 days without one.", ct));

        commitment.MapPost("/date", (long id, [FromForm] string? date, [FromForm] string? returnUrl, HttpContext http, CurrentPlanner planner, CancellationToken ct) =>
            FormPost.RunAsync(http, planner, returnUrl, async s =>
            {
                if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var due))
                {
                    return Core.Error.Invalid("Pick the new date.");
                }

                return await ChangeCommitment.RequestAsync(s, id, CommitmentChange.Reschedule(due), allowRequest: true, ct);
            }, Changed, ct));

        commitment.MapPost("/withdraw", (long id, [FromForm] string? returnUrl, HttpContext http, CurrentPlanner planner, CancellationToken ct) =>
            FormPost.RunAsync(http, planner, returnUrl, s => ChangeCommitment.WithdrawAsync(s, id, ct), _ => "Request withdrawn.", ct));
        return app;
    }

    private static string Changed(ChangeOutcome o) => o.Request switch
    {
        null => $"Changed: {o.Commitment.Describe()}.",
        { Path: ApprovalPath.Partner } r => $"Requested: {r.Change.Describe()}. Your partners have been asked to approve it.",
        { EffectiveAt: { } at } r => $"Requested: {r.Change.Describe()}. No partner can see this commitment, so it applies on {Labels.Date(DateOnly.FromDateTime(at))} unless you withdraw it.",
        var r => $"Requested: {r.Change.Describe()}.",
    };
}
