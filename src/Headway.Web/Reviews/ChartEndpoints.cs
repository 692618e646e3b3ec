using System.Globalization;
using Headway.App.Goals;
using Headway.App.Reviews;
using Headway.Core;
using Headway.Web.Accounts;
using Headway.Web.Hosting;

namespace Headway.Web.Reviews;

/// <summary>
/// The charts as SVG images of their own (GET, cookie-authenticated like the pages): the review's two and a goal's
/// outcomes. <c>week</c> picks the last of the twelve weeks (default: this week); a foreign goal id is 404.
/// </summary>
public static class ChartEndpoints
{
    public const string OutcomesPath = "/review/charts/outcomes.svg";
    public const string ProgressPath = "/review/charts/progress.svg";

    public static string GoalPath(long goalId) => $"/goals/{goalId.ToString(CultureInfo.InvariantCulture)}/outcomes.svg";

    public static WebApplication MapCharts(this WebApplication app)
    {
        app.MapGet(OutcomesPath, (string? week, HttpContext http, CurrentPlanner planner) =>
            DrawAsync(http, planner, week, Charts.OutcomesPerGoal));
        app.MapGet(ProgressPath, (string? week, HttpContext http, CurrentPlanner planner) =>
            DrawAsync(http, planner, week, Charts.ProgressTrend));
        app.MapGet("/goals/{id:long}/outcomes.svg", async (long id, string? week, HttpContext http, CurrentPlanner planner) =>
        {
            var s = await planner.OpenAsync(http.User, http.RequestAborted);
            var goal = await GoalQueries.FindAsync(s, id, http.RequestAborted);
            return goal.IsOk
                ? await DrawAsync(http, planner, week, h => Charts.OutcomesOfGoal(h, id, goal.Value.Title))
                : Results.StatusCode(ErrorStatus.For(goal.Error!.Kind));
        });
        return app;
    }

    /// <summary>Reads the optional week (an ISO date); a word that is not one is an error, not this week.</summary>
    public static Result<DateOnly?> ParseWeek(string? week)
    {
        if (string.IsNullOrEmpty(week))
        {
            return (DateOnly?)null;
        }

        return DateOnly.TryParseExact(week, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : Error.Invalid("The week is not a date: use a date like 2027-03-01.");
    }

    private static async Task<IResult> DrawAsync(HttpContext http, CurrentPlanner planner, string? week, Func<Core.Reviews.ReviewHistory, string> draw)
    {
        var day = ParseWeek(week);
        if (!day.IsOk)
        {
            return Results.Text(day.Error!.Message, statusCode: ErrorStatus.For(day.Error.Kind));
        }

        var s = await planner.OpenAsync(http.User, http.RequestAborted);
        var history = await BuildHistory.RunAsync(s, day.Value, http.RequestAborted);
        // Someone's own figures, which change with every completed action: never shared or kept by a cache.
        http.Response.Headers.CacheControl = "private, no-cache";
        return Results.Text(draw(history), "image/svg+xml; charset=utf-8");
    }
}
