using Headway.App;
using Headway.App.Json;
using Headway.App.Partners;
using Headway.Core;
using Headway.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Headway.Web.Api;

/// <summary>
/// The partner's side of the API: your partners and invitations; the people who made you their partner and what they
/// share; the requests to loosen a locked commitment that wait for you, and approving or denying one. Access is checked
/// on every request, so a removed partner or an unshared goal is 404 from the next call on.
/// </summary>
public static class PartnersApi
{
    public static RouteGroupBuilder MapPartnersApi(this RouteGroupBuilder api)
    {
        api.MapGet("/partners", PartnersAsync).WithTags("Partners").WithSummary("Your partners, the goals each one sees, and your open invitations.");
        api.MapGet("/requests", WaitingAsync).WithTags("Partners")
            .WithSummary("The requests to loosen a locked commitment that wait for your decision, oldest first.");

        var people = api.MapGroup("/people").WithTags("Partners");
        people.MapGet("/", PeopleAsync).WithSummary("The people who made you their partner.");
        people.MapGet("/{userId:long}", PersonAsync)
            .WithSummary("What one person shares with you: goals, their commitments, outcomes, requests waiting for you, check-ins and your notes.");
        people.MapPost("/{userId:long}/requests/{requestId:long}/approve", ApproveAsync)
            .WithSummary("Approves a request: its change applies exactly once. 409 when it was settled already or the commitment changed since.");
        people.MapPost("/{userId:long}/requests/{requestId:long}/deny", DenyAsync)
            .WithSummary("Denies a request: the commitment stays as it is. 409 when it was settled already.");
        return api;
    }

    private static async Task<Ok<PartnersJson>> PartnersAsync(HttpContext http, CurrentPlanner planner, CancellationToken ct)
    {
        var s = await planner.OpenAsync(http.User, ct);
        var partners = await PartnerQueries.ListAsync(s, ct);
        var invitations = await ListInvitations.RunAsync(s, ct);
        return TypedResults.Ok(new PartnersJson([.. partners.Select(p => p.ToJson())], [.. invitations.Select(i => i.ToJson())]));
    }

    private static async Task<Ok<List<WaitingRequestJson>>> WaitingAsync(HttpContext http, CurrentPlanner planner, CancellationToken ct)
    {
        var s = await planner.OpenAsync(http.User, ct);
        return TypedResults.Ok((await WaitingRequests.RunAsync(s, ct)).Select(r => r.ToJson()).ToList());
    }

    private static async Task<Ok<List<PersonJson>>> PeopleAsync(HttpContext http, CurrentPlanner planner, CancellationToken ct)
    {
        var s = await planner.OpenAsync(http.User, ct);
        return TypedResults.Ok((await PartnerQueries.PeopleAsync(s, ct)).Select(p => p.ToJson()).ToList());
    }

    private static async Task<Results<Ok<PersonViewJson>, ProblemHttpResult>> PersonAsync(long userId, HttpContext http, CurrentPlanner planner, CancellationToken ct)
    {
        var s = await planner.OpenAsync(http.User, ct);
        var view = await ViewPerson.RunAsync(s, userId, ct);
        return view.IsOk ? TypedResults.Ok(view.Value.ToJson()) : ApiProblems.For(view.Error!);
    }

    private static Task<Results<Ok<ChangeRequestJson>, ProblemHttpResult>> ApproveAsync(
        long userId, long requestId, HttpContext http, CurrentPlanner planner, CancellationToken ct) =>
        DecideAsync(http, planner, s => DecideChangeRequest.ApproveAsync(s, userId, requestId, ct), ct);

    private static Task<Results<Ok<ChangeRequestJson>, ProblemHttpResult>> DenyAsync(
        long userId, long requestId, HttpContext http, CurrentPlanner planner, CancellationToken ct) =>
        DecideAsync(http, planner, s => DecideChangeRequest.DenyAsync(s, userId, requestId, ct), ct);

    // A decision needs no If-Match: it names the request, and a request is settled by exactly one decision (a second
    // one is refused with 409). The answer says how it was settled: applied, denied, or void (the commitment changed).
    private static async Task<Results<Ok<ChangeRequestJson>, ProblemHttpResult>> DecideAsync(
        HttpContext http, CurrentPlanner planner, Func<PlannerSession, Task<Result<Core.Commitments.ChangeRequest>>> decide, CancellationToken ct)
    {
        var s = await planner.OpenAsync(http.User, ct);
        var decided = await decide(s);
        return decided.IsOk ? TypedResults.Ok(decided.Value.ToJson()) : ApiProblems.For(decided.Error!);
    }
}
