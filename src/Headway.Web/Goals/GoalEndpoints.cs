using Headway.App.Goals;
using Headway.Core;
using Headway.Core.Goals;
using Headway.Web.Accounts;
using Headway.Web.Actions;
using Headway.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Headway.Web.Goals;

/// <summary>
/// The goal page's status buttons (pause, resume, achieve, drop): plain form posts that redirect back to the goal.
/// Resuming counts against the cap of five active goals; the refusal is shown on the page.
/// </summary>
public static class GoalEndpoints
{
    public static WebApplication MapGoals(this WebApplication app)
    {
        app.MapPost("/goals/{id:long}/status", async (long id, [FromForm] string to, HttpContext http, CurrentPlanner planner, CancellationToken ct) =>
        {
            if (!Enum.TryParse<GoalStatus>(to, ignoreCase: true, out var status) || !Enum.IsDefined(status) || int.TryParse(to, out _))
            {
                return Results.BadRequest();
            }

            var changed = await ChangeGoalStatus.RunAsync(await planner.OpenAsync(http.User, ct), id, status, ct);
            if (!changed.IsOk && changed.Error!.Kind == ErrorKind.NotFound)
            {
                return Results.StatusCode(ErrorStatus.For(changed.Error.Kind));
            }

            if (changed.IsOk)
            {
                Flash.Ok(http, $"{Done(status)}: {changed.Value.Title}");
            }
            else
            {
                Flash.Error(http, Labels.ForWeb(changed.Error!.Message));
            }

            return Results.Redirect($"/goals/{id}");
        });
        return app;
    }

    /// <summary>The button that moves a goal to <paramref name="status"/>.</summary>
    public static string Verb(GoalStatus status, GoalStatus from) => status switch
    {
        GoalStatus.Active => from == GoalStatus.Paused ? "Resume" : "Reopen",
        GoalStatus.Paused => "Pause",
        GoalStatus.Achieved => "Mark achieved",
        _ => "Drop",
    };

    private static string Done(GoalStatus status) => status switch
    {
        GoalStatus.Active => "Active again",
        GoalStatus.Paused => "Paused",
        GoalStatus.Achieved => "Achieved",
        _ => "Dropped",
    };
}
