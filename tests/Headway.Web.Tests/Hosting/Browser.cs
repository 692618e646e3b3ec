using System.Net;
using System.Text.RegularExpressions;

namespace Headway.Web.Tests.Hosting;

/// <summary>A cookie-keeping client that fills in and sends the forms of the pages it reads, as a browser without JavaScript would.</summary>
public sealed partial class Browser(HttpClient client) : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public HttpClient Client { get; } = client;

    public Task<HttpResponseMessage> GetAsync(string url) => Client.GetAsync(new Uri(url, UriKind.Relative), Ct);

    public async Task<string> PageAsync(string url)
    {
        using var response = await GetAsync(url);
        var body = await response.Content.ReadAsStringAsync(Ct);
        // The body says why when it is not the page (an error page, or a redirect's target).
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {response.Headers.Location} {body[..Math.Min(body.Length, 2000)]}");
        return body;
    }

    /// <summary>
    /// Reads <paramref name="pageUrl"/>, finds the form that contains <paramref name="marker"/> (its handler name or
    /// action), and posts its hidden fields (the antiforgery token among them) with <paramref name="fields"/>.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pageUrl, string marker, params (string Name, string Value)[] fields) =>
        await SubmitFormAsync(await PageAsync(pageUrl), pageUrl, marker, fields);

    /// <summary>Posts the form with <paramref name="marker"/> of a page already read (its <paramref name="html"/>), as a browser would from an open tab.</summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(string html, string pageUrl, string marker, params (string Name, string Value)[] fields)
    {
        var form = FormTag().Matches(html).Select(m => m.Value).FirstOrDefault(f => f.Contains(marker, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No form with '{marker}' on {pageUrl}.");
        var values = HiddenInput().Matches(form).Select(m => (Name: WebUtility.HtmlDecode(m.Groups[1].Value), Value: WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();
        values.AddRange(fields);
        var action = FormAction().Match(form) is { Success: true } a ? WebUtility.HtmlDecode(a.Groups[1].Value) : pageUrl;
        // A button's formaction sends the form elsewhere: the marker names that button's endpoint, as a click on it would.
        if (ButtonAction().Matches(form).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).FirstOrDefault(u => marker == $"action=\"{u}\"") is { } button)
        {
            action = button;
        }

        return await PostAsync(action, values);
    }

    /// <summary>
    /// Like <see cref="SubmitAsync"/> for a form with a file field: sends it as multipart/form-data, as a browser does,
    /// with the file's bytes under <paramref name="fileField"/>.
    /// </summary>
    public async Task<HttpResponseMessage> UploadAsync(
        string pageUrl, string marker, string fileField, string fileName, byte[] bytes, params (string Name, string Value)[] fields)
    {
        var html = await PageAsync(pageUrl);
        var form = FormTag().Matches(html).Select(m => m.Value).FirstOrDefault(f => f.Contains(marker, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No form with '{marker}' on {pageUrl}.");
        using var content = new MultipartFormDataContent();
        foreach (var m in HiddenInput().Matches(form).Cast<Match>())
        {
            content.Add(new StringContent(WebUtility.HtmlDecode(m.Groups[2].Value)), WebUtility.HtmlDecode(m.Groups[1].Value));
        }

        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, fileField, fileName);
        return await Client.PostAsync(new Uri(pageUrl, UriKind.Relative), content, Ct);
    }

    public async Task<HttpResponseMessage> PostAsync(string url, IEnumerable<(string Name, string Value)> fields)
    {
        using var content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));
        return await Client.PostAsync(new Uri(url, UriKind.Relative), content, Ct);
    }

    /// <summary>Follows one redirect and returns the page it leads to.</summary>
    public async Task<string> FollowAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var location = response.Headers.Location!;
            return await PageAsync(location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
        }
    }

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("<form[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormTag();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("<form[^>]*action=\"([^\"]+)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("<button[^>]*formaction=\"([^\"]+)\"")]
    private static partial Regex ButtonAction();
}
