using Headway.App;
using Headway.Core;
using Headway.Web.Accounts;
using Headway.Web.Actions;

namespace Headway.Web.Hosting;

/// <summary>
/// A button's form post: run one use case as the signed-in person, then go back to the page it came from with a
/// one-time message. A missing or foreign id is 404 whoever asks; any other refusal is shown on that page.
/// </summary>
public static class FormPost
{
    public static async Task<IResult> RunAsync<T>(
        HttpContext http, CurrentPlanner planner, string? returnUrl, Func<PlannerSession, Task<Result<T>>> run, Func<T, string> done, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(planner);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(done);
        var result = await run(await planner.OpenAsync(http.User, ct));
        if (result.IsOk)
        {
            Flash.Ok(http, done(result.Value));
        }
        else if (result.Error!.Kind == ErrorKind.NotFound)
        {
            return Results.StatusCode(ErrorStatus.For(result.Error.Kind));
        }
        else
        {
            Flash.Error(http, Labels.ForWeb(result.Error.Message));
        }

        return Results.Redirect(LocalUrl.OrHome(returnUrl));
    }
}
