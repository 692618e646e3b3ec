using System.ComponentModel;
using Headway.App.Json;
using Headway.App.Reviews;
using Headway.Core;
using Headway.Core.Analysis;
using Headway.Web.Accounts;
using Headway.Web.Reviews;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Headway.Web.Api;

/// <summary>/api/v1/check (the analyzer alone: nothing is saved) and /api/v1/review (a week's review).</summary>
public static class CheckApi
{
    public static RouteGroupBuilder MapCheckApi(this RouteGroupBuilder api)
    {
        api.MapPost("/check", Check).WithTags("Check").WithSummary("Judges an action's text: verdict, score, outcome, signals with evidence, suggestion. Saves nothing.");
        api.MapGet("/review", ReviewAsync).WithTags("Review").WithSummary("The weekly review of the week holding ?week=YYYY-MM-DD (this week when absent).");
        return api;
    }

    private static Results<Ok<AnalysisJson>, ProblemHttpResult> Check(CheckBody body) =>
        TextRules.Check(body.Text, "action", TextRules.MaxActionLength) is { } bad
            ? ApiProblems.For(bad)
            : TypedResults.Ok(ActionAnalyzer.Analyze(body.Text!.Trim()).ToJson());

    // The week is read here, not bound as a DateOnly?: the compile-time request delegates answer an unreadable optional
    // date with a bare 400, where the API owes a sentence.
    private static async Task<Results<Ok<ReviewJson>, ProblemHttpResult>> ReviewAsync(
        [Description("Any day of the week to review, YYYY-MM-DD; this week when left out.")] string? week,
        HttpContext http, CurrentPlanner planner, CancellationToken ct)
    {
        var day = ChartEndpoints.ParseWeek(week);
        if (!day.IsOk)
        {
            return ApiProblems.Status(StatusCodes.Status400BadRequest, BadRequests.Parameter(nameof(week), week!));
        }

        var s = await planner.OpenAsync(http.User, ct);
        return TypedResults.Ok((await BuildReview.RunAsync(s, day.Value, ct)).ToJson());
    }
}
