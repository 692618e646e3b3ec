using System.Net;
using System.Text.RegularExpressions;

namespace Headway.Faults;

/// <summary>
/// A browser without JavaScript over real HTTP: one cookie jar, shared by every server it talks to (cookies ignore the
/// port, so several instances on 127.0.0.1 behave like one site behind a load balancer), and forms posted with the
/// hidden fields (the antiforgery token among them) of the page they were read from.
/// </summary>
public sealed partial class FormBrowser : IDisposable
{
    private readonly HttpClient _http;

    public FormBrowser(CookieContainer? cookies = null)
    {
        Cookies = cookies ?? new CookieContainer();
        _http = new HttpClient(new SocketsHttpHandler { CookieContainer = Cookies, AllowAutoRedirect = false, UseCookies = true })
        {
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    public CookieContainer Cookies { get; }

    /// <summary>A page that must answer 200.</summary>
    public async Task<string> PageAsync(Uri url, CancellationToken ct)
    {
        using var response = await _http.GetAsync(url, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode} {response.Headers.Location} {WebServerProcess.Tail(body, 1000)}");
        }

        return body;
    }

    public async Task<HttpResponseMessage> GetAsync(Uri url, CancellationToken ct) => await _http.GetAsync(url, ct);

    /// <summary>
    /// Posts the form of <paramref name="html"/> (read from any server) that contains <paramref name="marker"/>, to
    /// its action resolved against <paramref name="server"/>, with its hidden fields and <paramref name="fields"/>.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(
        string html, Uri server, string pagePath, string marker, CancellationToken ct, params (string Name, string Value)[] fields)
    {
        var form = FormTag().Matches(html).Select(m => m.Value).FirstOrDefault(f => f.Contains(marker, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No form with '{marker}' on {pagePath}.");
        var values = HiddenInput().Matches(form)
            .Select(m => KeyValuePair.Create(WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value)))
            .Concat(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)))
            .ToList();
        var action = FormAction().Match(form) is { Success: true } a ? WebUtility.HtmlDecode(a.Groups[1].Value) : pagePath;
        using var content = new FormUrlEncodedContent(values);
        return await _http.PostAsync(new Uri(server, action), content, ct);
    }

    /// <summary>Reads <paramref name="path"/> on <paramref name="server"/> and posts its form there.</summary>
    public async Task<HttpResponseMessage> FillAsync(Uri server, string path, string marker, CancellationToken ct, params (string Name, string Value)[] fields) =>
        await SubmitAsync(await PageAsync(new Uri(server, path), ct), server, path, marker, ct, fields);

    /// <summary>Creates the first (owner) account on /setup, which also signs this browser in.</summary>
    public async Task SetUpOwnerAsync(Uri server, string email, string password, CancellationToken ct)
    {
        using var response = await FillAsync(server, "/setup", "value=\"setup\"", ct, ("Email", email), ("Password", password), ("Confirm", password));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"/setup answered {(int)response.StatusCode}: {WebServerProcess.Tail(await response.Content.ReadAsStringAsync(ct), 1000)}");
        }
    }

    /// <summary>Posts the sign-in form; the response says whether it worked (a redirect) or why not.</summary>
    public async Task<HttpResponseMessage> SignInAsync(Uri server, string email, string password, CancellationToken ct) =>
        await FillAsync(server, "/account/sign-in", "value=\"sign-in\"", ct, ("Email", email), ("Password", password));

    /// <summary>Makes a personal access token on /settings/tokens (signed in) and returns it: it is shown once.</summary>
    public async Task<string> CreateTokenAsync(Uri server, string name, CancellationToken ct)
    {
        using var response = await FillAsync(server, "/settings/tokens", "create-token", ct, ("Name", name));
        var body = await response.Content.ReadAsStringAsync(ct);
        return TokenValue().Match(body) is { Success: true } token
            ? token.Groups[1].Value
            : throw new InvalidOperationException($"No token on /settings/tokens after creating one ({(int)response.StatusCode}): {WebServerProcess.Tail(body, 1000)}");
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("<form[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormTag();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("<form[^>]*action=\"([^\"]+)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("id=\"secret\"[^>]*value=\"(hw_[^\"]+)\"")]
    private static partial Regex TokenValue();
}
