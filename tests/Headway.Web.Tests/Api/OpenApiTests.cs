using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Headway.Web.Tests.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Headway.Web.Tests.Api;

public sealed partial class OpenApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Document_DescribesEveryApiRoute_AndTheBearerScheme()
    {
        await using var web = await TestWeb.StartAsync();
        using var client = web.App.CreateClient();

        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
        var paths = document.GetProperty("paths");
        var routes = web.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/v1/", StringComparison.Ordinal) && e.Metadata.GetMetadata<HttpMethodMetadata>() is not null)
            .ToList();
        Assert.True(routes.Count >= 20, $"only {routes.Count} API routes found");
        foreach (var route in routes)
        {
            var path = Constraint().Replace(route.RoutePattern.RawText!, "}").TrimEnd('/');
            var described = paths.EnumerateObject().FirstOrDefault(p => p.Name.TrimEnd('/') == path);
            Assert.True(described.Value.ValueKind == JsonValueKind.Object, $"{path} is not in the OpenAPI document");
            foreach (var method in route.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods)
            {
                Assert.True(described.Value.TryGetProperty(method.ToLowerInvariant(), out _), $"{method} {path} is not in the OpenAPI document");
            }
        }
    }

    [Fact]
    public async Task ReferencePage_ServesItsScriptsFromTheSite_UnderItsOwnNarrowPolicy()
    {
        await using var web = await TestWeb.StartAsync();
        using var client = web.App.CreateClient();

        using var page = await client.GetAsync(new Uri("/api/reference", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("http", csp, StringComparison.Ordinal);
        var html = await page.Content.ReadAsStringAsync(Ct);
        var sources = ScriptSource().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(sources);
        foreach (var source in sources)
        {
            Assert.False(source.Contains("//", StringComparison.Ordinal), $"{source} is not served by the site");
            using var script = await client.GetAsync(new Uri(new Uri("http://localhost/api/reference/"), source), Ct);
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        }

        using var dashboard = await client.GetAsync(new Uri("/account/sign-in", UriKind.Relative), Ct);
        Assert.Contains("script-src 'self';", dashboard.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [GeneratedRegex(":[^}]+}")]
    private static partial Regex Constraint();

    [GeneratedRegex("<script[^>]*src=\"([^\"]+)\"")]
    private static partial Regex ScriptSource();
}
