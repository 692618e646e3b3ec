using Headway.App;
using Headway.App.Concurrency;
using Headway.App.Goals;
using Headway.App.Json;
using Headway.Core;
using Headway.Core.Goals;
using Headway.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Headway.Web.Api;

/// <summary>/api/v1/goals: list, read, create, edit, and pause, resume, achieve or drop a goal.</summary>
public static class GoalsApi
{
    public static RouteGroupBuilder MapGoalsApi(this RouteGroupBuilder api)
    {
        var goals = api.MapGroup("/goals").WithTags("Goals");
        goals.MapGet("/", ListAsync).WithSummary("Your goals: active and paused, or all with ?all=true.");
        goals.MapGet("/{id:long}", GetAsync).WithSummary("One goal, with its ETag.");
        goals.MapPost("/", CreateAsync).WithSummary("Adds an active goal (at most five are active). Takes an Idempotency-Key.");
        goals.MapPatch("/{id:long}", EditAsync).WithSummary("Changes title, why, area, target or target date. Needs If-Match.");
        goals.MapPost("/{id:long}/pause", (long id, HttpContext http, CurrentPlanner planner, CancellationToken ct) => StatusAsync(id, GoalStatus.Paused, http, planner, ct))
            .WithName("PauseGoal").WithSummary("Pauses a goal. Needs If-Match.");
        goals.MapPost("/{id:long}/resume", (long id, HttpContext http, CurrentPlanner planner, CancellationToken ct) => StatusAsync(id, GoalStatus.Active, http, planner, ct))
            .WithName("ResumeGoal").WithSummary("Makes a paused, achieved or dropped goal active again (within the five). Needs If-Match.");
        goals.MapPost("/{id:long}/achieve", (long id, HttpContext http, CurrentPlanner planner, CancellationToken ct) => StatusAsync(id, GoalStatus.Achieved, http, planner, ct))
            .WithName("AchieveGoal").WithSummary("Marks a goal achieved. Needs If-Match.");
        goals.MapPost("/{id:long}/drop", (long id, HttpContext http, CurrentPlanner planner, CancellationToken ct) => StatusAsync(id, GoalStatus.Dropped, http, planner, ct))
            .WithName("DropGoal").WithSummary("Drops a goal. Needs If-Match.");
        return api;
    }

    public static async Task<Result<Loaded<GoalJson>>> LoadAsync(PlannerSession s, long id, System.Data.Common.DbTransaction? tx, CancellationToken ct)
    {
        var found = await GoalQueries.FindAsync(s, id, ct, tx);
        return found.IsOk ? new Loaded<GoalJson>(found.Value.ToJson(), found.Value.Version) : found.Error!;
    }

    private static async Task<Ok<List<GoalJson>>> ListAsync(bool? all, HttpContext http, CurrentPlanner planner, CancellationToken ct)
    {
        var s = await planner.OpenAsync(http.User, ct);
        return TypedResults.Ok((await GoalQueries.ListAsync(s, all ?? false, ct)).Select(g => g.ToJson()).ToList());
    }

    private static Task<Results<Ok<GoalJson>, ProblemHttpResult>> GetAsync(long id, HttpContext http, CurrentPlanner planner, CancellationToken ct) =>
        ApiWrites.GetAsync<GoalJson>(http, planner, id, LoadAsync, ct);

    private static async Task<Results<StoredResult<GoalJson>, ProblemHttpResult>> CreateAsync(
        GoalBody body, HttpContext http, CurrentPlanner planner, CancellationToken ct)
    {
        var area = body.Area is null ? GoalArea.Other : ApiInput.Area(body.Area) is { IsOk: true } a ? a.Value : (GoalArea?)null;
        var target = ApiInput.Target(body.Target);
        if (area is null || !target.IsOk)
        {
            return ApiProblems.For(area is null ? ApiInput.Area(body.Area!).Error! : target.Error!);
        }

        var goal = new NewGoal(body.Title ?? "", body.Why, area.Value, target.Value, body.TargetDate);
        return await ApiWrites.CreateAsync<GoalJson>(http, planner, body,
            async s => (await AddGoal.RunAsync(s, goal, ct)).Id(g => g.Id),
            LoadAsync, id => $"/api/v1/goals/{id}", ct);
    }

    private static async Task<Results<Ok<GoalJson>, ProblemHttpResult>> EditAsync(
        long id, GoalBody body, HttpContext http, CurrentPlanner planner, CancellationToken ct)
    {
        Result<GoalArea>? area = body.Area is null ? (Result<GoalArea>?)null : ApiInput.Area(body.Area);
        var target = ApiInput.Target(body.Target);
        if (area is { IsOk: false } || !target.IsOk)
        {
            return ApiProblems.For(area is { IsOk: false } bad ? bad.Error! : target.Error!);
        }

        var edit = new GoalEdit(body.Title, body.Why, area?.Value, target.Value, body.TargetDate);
        return await ApiWrites.UpdateAsync<GoalJson>(http, planner, Versioned.Goal, id, async s => (await EditGoal.RunAsync(s, id, edit, ct)).Error, LoadAsync, ct);
    }

    private static Task<Results<Ok<GoalJson>, ProblemHttpResult>> StatusAsync(
        long id, GoalStatus status, HttpContext http, CurrentPlanner planner, CancellationToken ct) =>
        ApiWrites.UpdateAsync<GoalJson>(http, planner, Versioned.Goal, id, async s => (await ChangeGoalStatus.RunAsync(s, id, status, ct)).Error, LoadAsync, ct);
}
