using Microsoft.AspNetCore.Http.HttpResults;

namespace Headway.Web.Hosting;

public static class LocalUrl
{
    /// <summary>A return address on this site, or the dashboard: never a redirect to somewhere else.</summary>
    public static string OrHome(string? url) => !string.IsNullOrEmpty(url) && RedirectHttpResult.IsLocalUrl(url) ? url : "/";
}
