namespace Headway.Web.Hosting;

/// <summary>
/// A one-time message carried across a redirect (post → redirect → get) in a short-lived cookie, shown by
/// &lt;FlashMessage/&gt; on the next page and then deleted.
/// </summary>
public static class Flash
{
    private const string Cookie = "headway-flash";

    public static void Ok(HttpContext http, string message) => Set(http, "ok", message);

    public static void Error(HttpContext http, string message) => Set(http, "error", message);

    /// <summary>Whether the request carries a message to show (a page showing one is never served from a cache).</summary>
    public static bool IsPending(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Cookies.ContainsKey(Cookie);
    }

    /// <summary>The message, if any (its kind is "ok" or "error"), removed so it shows once.</summary>
    public static (string Kind, string Text)? Take(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!http.Request.Cookies.TryGetValue(Cookie, out var value) || value.Split('|', 2) is not [var kind, var text])
        {
            return null;
        }

        if (!http.Response.HasStarted)
        {
            http.Response.Cookies.Delete(Cookie);
        }

        return (kind == "ok" ? "ok" : "error", Uri.UnescapeDataString(text));
    }

    private static void Set(HttpContext http, string kind, string message)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Cookies.Append(Cookie, $"{kind}|{Uri.EscapeDataString(message.Length > 400 ? message[..400] : message)}", new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            MaxAge = TimeSpan.FromMinutes(1),
        });
    }
}
