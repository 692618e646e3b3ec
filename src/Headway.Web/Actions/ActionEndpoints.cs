using Headway.App;
using Headway.App.Actions;
using Headway.Core;
using Headway.Core.Actions;
using Headway.Core.Analysis;
using Headway.Web.Accounts;
using Headway.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Headway.Web.Actions;

/// <summary>
/// The buttons on each action (done with a result, move, drop): plain form posts that redirect back, so they work
/// without JavaScript. Binding form fields makes ASP.NET Core require the antiforgery token.
/// </summary>
public static class ActionEndpoints
{
    public static WebApplication MapActions(this WebApplication app)
    {
        var actions = app.MapGroup("/actions/{id:long}");
        actions.MapPost("/done", (long id, [FromForm] string? result, [FromForm] string? returnUrl, HttpContext http, CurrentPlanner planner, CancellationToken ct) =>
            RunAsync(http, planner, returnUrl, s => CompleteAction.RunAsync(s, id, string.IsNullOrWhiteSpace(result) ? null : result, ct),
                a => $"Done: {a.Text}{(a.Result is null ? "" : " → " + a.Result)}", ct));
        actions.MapPost("/move", (long id, [FromForm] string to, [FromForm] string? returnUrl, HttpContext http, CurrentPlanner planner, CancellationToken ct) =>
            HorizonRules.TryParse(to, out var horizon)
                ? RunAsync(http, planner, returnUrl, s => MoveAction.RunAsync(s, id, horizon, ct), a => $"Moved to {Labels.Horizon(a.Horizon)}: {a.Text}", ct)
                : Task.FromResult(Results.BadRequest()));
        actions.MapPost("/drop", (long id, [FromForm] string? reason, [FromForm] string? returnUrl, HttpContext http, CurrentPlanner planner, CancellationToken ct) =>
            RunAsync(http, planner, returnUrl, s => DropAction.RunAsync(s, id, string.IsNullOrWhiteSpace(reason) ? null : reason, ct), a => $"Dropped: {a.Text}", ct));
        // The quick-add verdict as you type: the same component the page shows after Add, as an HTML fragment.
        app.MapGet("/add/verdict", (string? text) =>
        {
            var trimmed = text?.Trim() ?? "";
            return trimmed.Length is 0 or > TextRules.MaxActionLength
                ? Results.NoContent()
                : new RazorComponentResult<VerdictPanel>(new { Analysis = ActionAnalyzer.Analyze(trimmed) });
        });
        return app;
    }

    // A missing or foreign id is 404, whoever asks; a refusal (already done, a full list) is shown on the page it came from.
    private static Task<IResult> RunAsync(
        HttpContext http, CurrentPlanner planner, string? returnUrl, Func<PlannerSession, Task<Result<PlannedAction>>> run,
        Func<PlannedAction, string> done, CancellationToken ct) =>
        FormPost.RunAsync(http, planner, returnUrl, run, done, ct);
}
