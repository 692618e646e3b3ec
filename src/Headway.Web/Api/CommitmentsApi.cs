using Headway.App;
using Headway.App.Commitments;
using Headway.App.Concurrency;
using Headway.App.Json;
using Headway.Core;
using Headway.Core.Commitments;
using Headway.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Headway.Web.Api;

/// <summary>
/// /api/v1/commitments: list, read, create, lock, change (at once when allowed), request a loosening of a locked one
/// (applied after cooling off or a partner's approval), withdraw that request, keep.
/// </summary>
public static class CommitmentsApi
{
    public static RouteGroupBuilder MapCommitmentsApi(this RouteGroupBuilder api)
    {
        var commitments = api.MapGroup("/commitments").WithTags("Commitments");
        commitments.MapGet("/", ListAsync).WithSummary("Your live commitments, or all with ?all=true, each with its pending request.");
        commitments.MapGet("/{id:long}", GetAsync).WithSummary("One commitment, with its ETag.");
        commitments.MapPost("/", CreateAsync).WithSummary("Sets a firm date on a goal or an action, locked at once with lock: true. Takes an Idempotency-Key.");
        commitments.MapPost("/{id:long}/lock", LockAsync).WithSummary("Locks an open commitment. Needs If-Match.");
        commitments.MapPost("/{id:long}/change", ChangeAsync)
            .WithSummary("Changes the date or target, or drops it: at once on an open commitment, or when it makes a locked one stricter (tighten); a loosening of a locked one is refused (409). Needs If-Match.");
        commitments.MapPost("/{id:long}/requests", RequestAsync)
            .WithSummary("Asks to make a locked commitment easier: it applies after a 7-day cooling-off or a partner's approval. Needs If-Match.");
        commitments.MapDelete("/{id:long}/requests/pending", WithdrawAsync).WithSummary("Withdraws the pending request. Needs If-Match.");
        commitments.MapPost("/{id:long}/keep", KeepAsync).WithSummary("Marks a live commitment kept. Needs If-Match.");
        return api;
    }

    public static async Task<Result<Loaded<CommitmentJson>>> LoadAsync(PlannerSession s, long id, System.Data.Common.DbTransaction? tx, CancellationToken ct)
    {
        var found = await CommitmentQueries.FindAsync(s, id, ct, tx);
        return found.IsOk
            ? new Loaded<CommitmentJson>(found.Value.ToJson(await CommitmentQueries.PendingRequestAsync(s, id, ct, tx)), found.Value.Version)
            : found.Error!;
    }

    private static async Task<Ok<List<CommitmentJson>>> ListAsync(bool? all, HttpContext http, CurrentPlanner planner, CancellationToken ct)
    {
        var s = await planner.OpenAsync(http.User, ct);
        var pending = (await CommitmentQueries.PendingRequestsAsync(s, ct)).ToDictionary(r => r.CommitmentId);
        return TypedResults.Ok((await CommitmentQueries.ListAsync(s, all ?? false, ct)).Select(c => c.ToJson(pending.GetValueOrDefault(c.Id))).ToList());
    }

    private static Task<Results<Ok<CommitmentJson>, ProblemHttpResult>> GetAsync(long id, HttpContext http, CurrentPlanner planner, CancellationToken ct) =>
        ApiWrites.GetAsync<CommitmentJson>(http, planner, id, LoadAsync, ct);

    private static async Task<Results<StoredResult<CommitmentJson>, ProblemHttpResult>> CreateAsync(
        CommitmentBody body, HttpContext http, CurrentPlanner planner, CancellationToken ct)
    {
        var target = ApiInput.Target(body.Target);
        if (!target.IsOk || body.Due is null)
        {
            return ApiProblems.For(target.Error ?? Error.Invalid("Give the commitment's date as \"due\": \"YYYY-MM-DD\"."));
        }

        var input = new NewCommitment(
            body.GoalId?.ToString(System.Globalization.CultureInfo.InvariantCulture), body.ActionId, body.Due.Value, body.EventName, body.EventLink,
            target.Value, body.Lock ?? false);
        return await ApiWrites.CreateAsync<CommitmentJson>(http, planner, body, async s => (await CreateCommitment.RunAsync(s, input, ct)).Id(c => c.Id),
            LoadAsync, id => $"/api/v1/commitments/{id}", ct);
    }

    private static Task<Results<Ok<CommitmentJson>, ProblemHttpResult>> LockAsync(long id, HttpContext http, CurrentPlanner planner, CancellationToken ct) =>
        UpdateAsync(http, planner, id, async s => (await ChangeCommitment.LockAsync(s, id, ct)).Error, ct);

    private static Task<Results<Ok<CommitmentJson>, ProblemHttpResult>> ChangeAsync(
        long id, CommitmentChangeBody body, HttpContext http, CurrentPlanner planner, CancellationToken ct) =>
        ChangeOrRequestAsync(id, body, allowRequest: false, http, planner, ct);

    private static Task<Results<Ok<CommitmentJson>, ProblemHttpResult>> RequestAsync(
        long id, CommitmentChangeBody body, HttpContext http, CurrentPlanner planner, CancellationToken ct) =>
        ChangeOrRequestAsync(id, body, allowRequest: true, http, planner, ct);

    private static Task<Results<Ok<CommitmentJson>, ProblemHttpResult>> WithdrawAsync(long id, HttpContext http, CurrentPlanner planner, CancellationToken ct) =>
        UpdateAsync(http, planner, id, async s => (await ChangeCommitment.WithdrawAsync(s, id, ct)).Error, ct);

    private static Task<Results<Ok<CommitmentJson>, ProblemHttpResult>> KeepAsync(long id, HttpContext http, CurrentPlanner planner, CancellationToken ct) =>
        UpdateAsync(http, planner, id, async s => (await ChangeCommitment.KeepAsync(s, id, ct)).Error, ct);

    private static async Task<Results<Ok<CommitmentJson>, ProblemHttpResult>> ChangeOrRequestAsync(
        long id, CommitmentChangeBody body, bool allowRequest, HttpContext http, CurrentPlanner planner, CancellationToken ct)
    {
        var target = ApiInput.Target(body.Target);
        if (!target.IsOk)
        {
            return ApiProblems.For(target.Error!);
        }

        CommitmentChange? change = (body.Due, target.Value, body.Drop) switch
        {
            ({ } due, null, null or false) => CommitmentChange.Reschedule(due),
            (null, { } t, null or false) => CommitmentChange.Retarget(t),
            (null, null, true) => CommitmentChange.Drop(),
            _ => null,
        };
        return change is null
            ? ApiProblems.Status(StatusCodes.Status400BadRequest, "Give exactly one change: \"due\", \"target\" or \"drop\": true.")
            : await UpdateAsync(http, planner, id, async s => (await ChangeCommitment.RequestAsync(s, id, change, allowRequest, ct)).Error, ct);
    }

    private static Task<Results<Ok<CommitmentJson>, ProblemHttpResult>> UpdateAsync(
        HttpContext http, CurrentPlanner planner, long id, Func<PlannerSession, Task<Error?>> change, CancellationToken ct) =>
        ApiWrites.UpdateAsync<CommitmentJson>(http, planner, Versioned.Commitment, id, change, LoadAsync, ct);
}
