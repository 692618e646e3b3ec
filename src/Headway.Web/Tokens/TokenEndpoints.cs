using Headway.App.Tokens;
using Headway.Core;
using Headway.Web.Accounts;
using Headway.Web.Hosting;

namespace Headway.Web.Tokens;

/// <summary>
/// The revoke button of /settings/tokens: a plain form post that redirects back. Binding a form field makes ASP.NET
/// Core require the antiforgery token; a missing or foreign token id is 404.
/// </summary>
public static class TokenEndpoints
{
    public static WebApplication MapTokens(this WebApplication app)
    {
        app.MapPost("/settings/tokens/{id:long}/revoke", RevokeAsync);
        return app;
    }

    private static async Task<IResult> RevokeAsync(
        long id, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl, HttpContext http, CurrentPlanner planner, CancellationToken ct)
    {
        var revoked = await RevokeAccessToken.RunAsync(await planner.OpenAsync(http.User, ct), id, ct);
        if (revoked.IsOk)
        {
            Flash.Ok(http, $"Revoked the token “{revoked.Value.Name}”: it no longer works.");
        }
        else if (revoked.Error!.Kind == ErrorKind.NotFound)
        {
            return Results.StatusCode(ErrorStatus.For(revoked.Error.Kind));
        }
        else
        {
            Flash.Error(http, revoked.Error.Message);
        }

        return Results.Redirect("/settings/tokens");
    }
}
