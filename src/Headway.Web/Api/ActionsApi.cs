using System.Globalization;
using Headway.App;
using Headway.App.Actions;
using Headway.App.Concurrency;
using Headway.App.Goals;
using Headway.App.Json;
using Headway.Core;
using Headway.Core.Actions;
using Headway.Core.Analysis;
using Headway.Web.Accounts;
using Headway.Web.Dashboard;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Headway.Web.Api;

/// <summary>/api/v1/actions: list (filtered, paged), read, add (judged by the analyzer), edit, done, move, drop.</summary>
public static class ActionsApi
{
    public const int DefaultPage = 50;
    public const int MaxPage = 200;

    public static RouteGroupBuilder MapActionsApi(this RouteGroupBuilder api)
    {
        var actions = api.MapGroup("/actions").WithTags("Actions");
        actions.MapGet("/", ListAsync).WithSummary("Your actions in id order, filtered by horizon, status and goal, a page at a time.")
            .CacheOutput(DashboardCache.ApiPolicy);
        actions.MapGet("/{id:long}", GetAsync).WithSummary("One action, with its ETag.");
        actions.MapPost("/", CreateAsync)
            .WithSummary("Adds an action after the analyzer judged it. A passive one needs keepPassive or an override (else 422 with the verdict). Takes an Idempotency-Key.");
        actions.MapPatch("/{id:long}", EditAsync).WithSummary("Changes an open action; new text is judged again. Needs If-Match.");
        actions.MapPost("/{id:long}/done", DoneAsync).WithSummary("Marks an action done with the result achieved (optional body {\"result\": \"1,150 words\"}). Needs If-Match.");
        actions.MapPost("/{id:long}/move", MoveAsync).WithSummary("Moves an action to now, week or later, within the caps. Needs If-Match.");
        actions.MapPost("/{id:long}/drop", DropAsync).WithSummary("Drops an open action (optional body {\"reason\": \"...\"}). Needs If-Match.");
        return api;
    }

    public static async Task<Result<Loaded<ActionJson>>> LoadAsync(PlannerSession s, long id, System.Data.Common.DbTransaction? tx, CancellationToken ct)
    {
        var found = await ActionQueries.FindAsync(s, id, ct, tx);
        return found.IsOk ? new Loaded<ActionJson>(found.Value.ToJson(), found.Value.Version) : found.Error!;
    }

    private static async Task<Results<Ok<ActionPageJson>, ProblemHttpResult>> ListAsync(
        string? horizon, string? status, long? goalId, long? after, int? limit, HttpContext http, CurrentPlanner planner, CancellationToken ct)
    {
        Result<Horizon>? h = horizon is null ? (Result<Horizon>?)null : ApiInput.Horizon(horizon);
        Result<ActionStatus>? st = status is null ? (Result<ActionStatus>?)null : ApiInput.Status(status);
        if (h is { IsOk: false } || st is { IsOk: false })
        {
            return ApiProblems.For(h is { IsOk: false } badH ? badH.Error! : st!.Value.Error!);
        }

        if (limit is < 1 or > MaxPage || after is < 0)
        {
            return ApiProblems.Status(StatusCodes.Status400BadRequest, $"limit must be 1 to {MaxPage} and after an action id (0 or more).");
        }

        var s = await planner.OpenAsync(http.User, ct);
        if (goalId is { } g && await GoalQueries.FindAsync(s, g, ct) is { IsOk: false } missing)
        {
            return ApiProblems.For(missing.Error!);
        }

        var size = limit ?? DefaultPage;
        var page = await ActionQueries.PageAsync(s, h?.Value, st?.Value, goalId, after ?? 0, size, ct);
        string? next = null;
        if (page.Count == size)
        {
            var query = new List<string>();
            if (horizon is not null)
            {
                query.Add("horizon=" + h!.Value.Value.Name());
            }

            if (status is not null)
            {
                query.Add("status=" + st!.Value.Value.ToString().ToLowerInvariant());
            }

            if (goalId is not null)
            {
                query.Add(string.Create(CultureInfo.InvariantCulture, $"goalId={goalId}"));
            }

            query.Add(string.Create(CultureInfo.InvariantCulture, $"after={page[^1].Id}"));
            query.Add(string.Create(CultureInfo.InvariantCulture, $"limit={size}"));
            next = "/api/v1/actions?" + string.Join('&', query);
        }

        return TypedResults.Ok(new ActionPageJson(page.Select(a => a.ToJson()).ToList(), next));
    }

    private static Task<Results<Ok<ActionJson>, ProblemHttpResult>> GetAsync(long id, HttpContext http, CurrentPlanner planner, CancellationToken ct) =>
        ApiWrites.GetAsync<ActionJson>(http, planner, id, LoadAsync, ct);

    private static async Task<Results<StoredResult<ActionJson>, ProblemHttpResult>> CreateAsync(
        ActionBody body, HttpContext http, CurrentPlanner planner, CancellationToken ct)
    {
        var horizon = ApiInput.Horizon(body.Horizon ?? "week");
        var verdictOverride = ApiInput.Override(body.Override);
        if (!horizon.IsOk || !verdictOverride.IsOk)
        {
            return ApiProblems.For(horizon.Error ?? verdictOverride.Error!);
        }

        // The user sees a passive verdict, its reasons and a meaningful rewrite before a passive action is saved: the
        // client gets them in the problem and sends the action again with keepPassive (or an override, or the rewrite).
        if (TextRules.Check(body.Text, "action", TextRules.MaxActionLength) is null
            && ActionAnalyzer.Analyze(body.Text!.Trim()) is var analysis
            && (verdictOverride.Value?.Verdict ?? analysis.Verdict) == Verdict.Passive && body.KeepPassive != true)
        {
            return ApiProblems.Status(StatusCodes.Status422UnprocessableEntity,
                $"This looks passive ({AddAction.Evidence(analysis)}): try \"{analysis.Suggestion}\" instead, or send it again with \"keepPassive\": true, or override the verdict with a reason.",
                new Dictionary<string, object?> { ["analysis"] = analysis.ToJson() });
        }

        var input = new NewAction(
            body.Text ?? "", body.GoalId?.ToString(CultureInfo.InvariantCulture), horizon.Value, body.Due, body.Outcome, body.KeepPassive ?? false,
            verdictOverride.Value, body.Stretch ?? false);
        return await ApiWrites.CreateAsync<ActionJson>(http, planner, body, async s => (await AddAction.RunAsync(s, input, ct)).Id(a => a.Id),
            LoadAsync, id => $"/api/v1/actions/{id}", ct);
    }

    private static async Task<Results<Ok<ActionJson>, ProblemHttpResult>> EditAsync(
        long id, ActionEditBody body, HttpContext http, CurrentPlanner planner, CancellationToken ct)
    {
        var verdictOverride = ApiInput.Override(body.Override);
        if (!verdictOverride.IsOk)
        {
            return ApiProblems.For(verdictOverride.Error!);
        }

        if ((body.Unalign == true && body.GoalId is not null) || (body.ClearDue == true && body.Due is not null))
        {
            return ApiProblems.Status(StatusCodes.Status400BadRequest, "Give goalId or unalign, and due or clearDue, not both.");
        }

        var edit = new ActionEdit(
            body.Text, body.Unalign == true ? "none" : body.GoalId?.ToString(CultureInfo.InvariantCulture), body.Due, body.ClearDue ?? false,
            body.Outcome, verdictOverride.Value, body.Stretch);
        return await ApiWrites.UpdateAsync<ActionJson>(http, planner, Versioned.Action, id, async s => (await EditAction.RunAsync(s, id, edit, ct)).Error, LoadAsync, ct);
    }

    // Done and drop take an optional body, read by hand: a bound optional body keeps a POST without Content-Type
    // from reaching the endpoint at all.
    private static async Task<Results<Ok<ActionJson>, ProblemHttpResult>> DoneAsync(long id, HttpContext http, CurrentPlanner planner, CancellationToken ct)
    {
        var body = await ApiInput.OptionalBodyAsync<DoneBody>(http, ct);
        return await ApiWrites.UpdateAsync<ActionJson>(http, planner, Versioned.Action, id,
            async s => (await CompleteAction.RunAsync(s, id, string.IsNullOrWhiteSpace(body?.Result) ? null : body.Result, ct)).Error, LoadAsync, ct);
    }

    private static async Task<Results<Ok<ActionJson>, ProblemHttpResult>> MoveAsync(
        long id, MoveBody body, HttpContext http, CurrentPlanner planner, CancellationToken ct)
    {
        var to = body.To is null ? Error.Invalid("Give where to move it: \"to\": \"now\", \"week\" or \"later\".") : ApiInput.Horizon(body.To);
        return !to.IsOk
            ? ApiProblems.For(to.Error!)
            : await ApiWrites.UpdateAsync<ActionJson>(http, planner, Versioned.Action, id, async s => (await MoveAction.RunAsync(s, id, to.Value, ct)).Error, LoadAsync, ct);
    }

    private static async Task<Results<Ok<ActionJson>, ProblemHttpResult>> DropAsync(long id, HttpContext http, CurrentPlanner planner, CancellationToken ct)
    {
        var body = await ApiInput.OptionalBodyAsync<DropBody>(http, ct);
        return await ApiWrites.UpdateAsync<ActionJson>(http, planner, Versioned.Action, id,
            async s => (await DropAction.RunAsync(s, id, string.IsNullOrWhiteSpace(body?.Reason) ? null : body.Reason, ct)).Error, LoadAsync, ct);
    }
}
