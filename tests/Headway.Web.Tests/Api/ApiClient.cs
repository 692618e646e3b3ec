using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Headway.App.Tokens;
using Headway.App.Users;
using Headway.Web.Tests.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Headway.Web.Tests.Api;

/// <summary>An HTTP client holding a personal access token of one user, as a script would.</summary>
public sealed class ApiClient(HttpClient client, long userId) : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public HttpClient Client { get; } = client;

    public long UserId { get; } = userId;

    /// <summary>A token for the local owner (the CLI's user), or for a new second person when <paramref name="name"/> is given.</summary>
    public static async Task<ApiClient> StartAsync(WebApp app, string? name = null)
    {
        long? userId = null;
        if (name is not null)
        {
            await using var db = await app.Services.GetRequiredService<App.Storage.HeadwayDataSource>().OpenAsync(Ct);
            userId = (await AddUser.RunAsync(db, name, app.Clock, Ct)).UserId;
        }

        var (secret, id) = await app.AsUserAsync(userId, async s => ((await CreateAccessToken.RunAsync(s, "tests", null, Ct)).Value.Secret, s.UserId));
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return new ApiClient(client, id);
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, object? body = null, string? ifMatch = null, string? key = null)
    {
        var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
        if (body is string raw)
        {
            request.Content = new StringContent(raw, Encoding.UTF8, "application/json");
        }
        else if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return Client.SendAsync(request, Ct);
    }

    public Task<HttpResponseMessage> GetAsync(string url) => SendAsync(HttpMethod.Get, url);

    public Task<HttpResponseMessage> PostAsync(string url, object? body = null, string? ifMatch = null, string? key = null) =>
        SendAsync(HttpMethod.Post, url, body, ifMatch, key);

    public Task<HttpResponseMessage> PatchAsync(string url, object body, string? ifMatch) => SendAsync(HttpMethod.Patch, url, body, ifMatch);

    /// <summary>The JSON of a successful answer (a failure shows its problem).</summary>
    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.IsSuccessStatusCode || (int)response.StatusCode == 422, $"{(int)response.StatusCode}: {text}");
            return JsonDocument.Parse(text).RootElement.Clone();
        }
    }

    /// <summary>Asserts a problem (application/problem+json) with this status, and returns its detail.</summary>
    public static async Task<string> ProblemAsync(HttpResponseMessage response, int status)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(Ct);
            Assert.True((int)response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {text}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var detail = JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString()!;
            Assert.False(string.IsNullOrWhiteSpace(detail));
            return detail;
        }
    }

    public void Dispose() => Client.Dispose();
}
