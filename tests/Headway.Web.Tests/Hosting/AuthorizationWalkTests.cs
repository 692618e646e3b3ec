using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Headway.App.Actions;
using Headway.App.Commitments;
using Headway.App.Goals;
using Headway.App.Partners;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.App.Tokens;
using Headway.Core.Actions;
using Headway.Core.Commitments;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace Headway.Web.Tests.Hosting;

/// <summary>
/// Walks every route in the app's endpoint data source and proves who may reach what: an anonymous caller is sent to
/// sign in (pages, form posts) or gets 401 (API); a second person gets 404 for anything of the owner's, whether its id
/// is in the route, the query or the body. A route missing from <see cref="Routes"/> fails the test: add every new
/// endpoint there (docs/testing.md).
/// </summary>
public sealed partial class AuthorizationWalkTests
{
    private const string Marker = "Owner-only";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private enum Access
    {
        /// <summary>Open to anyone and holding no one's data: sign-in, setup, the API's description.</summary>
        Public,

        /// <summary>A page: sign-in first; an id in the route that is not yours is 404.</summary>
        Page,

        /// <summary>A form post from a page: sign-in first; an id in the route that is not yours is 404.</summary>
        Form,

        /// <summary>The API: 401 without a token; an id in the route that is not yours is 404.</summary>
        Api,
    }

    /// <summary>Every route pattern of the app and how it is reached. Add each new endpoint here.</summary>
    private static readonly Dictionary<string, Access> Routes = new(StringComparer.Ordinal)
    {
        ["/account/sign-in"] = Access.Public,
        ["/setup"] = Access.Public,
        ["/not-found"] = Access.Public,
        ["/openapi/{documentName}.json"] = Access.Public,
        ["/_framework/opaque-redirect"] = Access.Public,
        ["{**path:file}"] = Access.Public,
        ["/account/sign-in/two-factor"] = Access.Public,
        ["/invitations/{Token}"] = Access.Public,
        ["/calendar/{secret}.ics"] = Access.Public,
        ["/"] = Access.Page,
        ["/add"] = Access.Page,
        ["/review"] = Access.Page,
        ["/goals/new"] = Access.Page,
        ["/goals/{Id:long}"] = Access.Page,
        ["/settings/tokens"] = Access.Page,
        ["/settings"] = Access.Page,
        ["/settings/security"] = Access.Page,
        ["/start"] = Access.Page,
        ["/import"] = Access.Page,
        ["/add/verdict"] = Access.Page,
        ["/review/charts/outcomes.svg"] = Access.Page,
        ["/review/charts/progress.svg"] = Access.Page,
        ["/goals/{id:long}/outcomes.svg"] = Access.Page,
        ["/goals/{Id:long}/edit"] = Access.Page,
        ["/actions/{Id:long}/edit"] = Access.Page,
        ["/goals/{id:long}/status"] = Access.Form,
        ["/partners"] = Access.Page,
        ["/people/{UserId:long}"] = Access.Page,
        ["/notifications"] = Access.Page,
        ["/settings/notifications"] = Access.Page,
        ["/goals/{goalId:long}/commitments"] = Access.Form,
        ["/commitments/{id:long}/lock"] = Access.Form,
        ["/commitments/{id:long}/date"] = Access.Form,
        ["/commitments/{id:long}/withdraw"] = Access.Form,
        ["/partners/invitations/{id:long}/revoke"] = Access.Form,
        ["/partners/{id:long}/sharing"] = Access.Form,
        ["/partners/{id:long}/remove"] = Access.Form,
        ["/people/{userId:long}/notes"] = Access.Form,
        ["/people/{userId:long}/outcomes/{actionId:long}/verify"] = Access.Form,
        ["/people/{userId:long}/requests/{requestId:long}/approve"] = Access.Form,
        ["/people/{userId:long}/requests/{requestId:long}/deny"] = Access.Form,
        ["/notifications/read-all"] = Access.Form,
        ["/settings/notifications/check-in"] = Access.Form,
        ["/settings/notifications/webhooks/{id:long}/remove"] = Access.Form,
        ["/account/sign-out"] = Access.Form,
        ["/actions/{id:long}/done"] = Access.Form,
        ["/actions/{id:long}/move"] = Access.Form,
        ["/actions/{id:long}/drop"] = Access.Form,
        ["/settings/tokens/{id:long}/revoke"] = Access.Form,
        ["/api/v1/goals/"] = Access.Api,
        ["/api/v1/goals/{id:long}"] = Access.Api,
        ["/api/v1/goals/{id:long}/pause"] = Access.Api,
        ["/api/v1/goals/{id:long}/resume"] = Access.Api,
        ["/api/v1/goals/{id:long}/achieve"] = Access.Api,
        ["/api/v1/goals/{id:long}/drop"] = Access.Api,
        ["/api/v1/actions/"] = Access.Api,
        ["/api/v1/actions/{id:long}"] = Access.Api,
        ["/api/v1/actions/{id:long}/done"] = Access.Api,
        ["/api/v1/actions/{id:long}/move"] = Access.Api,
        ["/api/v1/actions/{id:long}/drop"] = Access.Api,
        ["/api/v1/commitments/"] = Access.Api,
        ["/api/v1/commitments/{id:long}"] = Access.Api,
        ["/api/v1/commitments/{id:long}/lock"] = Access.Api,
        ["/api/v1/commitments/{id:long}/change"] = Access.Api,
        ["/api/v1/commitments/{id:long}/requests"] = Access.Api,
        ["/api/v1/commitments/{id:long}/requests/pending"] = Access.Api,
        ["/api/v1/commitments/{id:long}/keep"] = Access.Api,
        ["/api/v1/check"] = Access.Api,
        ["/api/v1/review"] = Access.Api,
        ["/api/v1/partners"] = Access.Api,
        ["/api/v1/requests"] = Access.Api,
        ["/api/v1/people/"] = Access.Api,
        ["/api/v1/people/{userId:long}"] = Access.Api,
        ["/api/v1/people/{userId:long}/requests/{requestId:long}/approve"] = Access.Api,
        ["/api/v1/people/{userId:long}/requests/{requestId:long}/deny"] = Access.Api,
        ["/api/v1/{*path:nonfile}"] = Access.Api,
    };

    // One body that every API write can read (each takes the fields it knows): what a second person would send.
    private const string AnyBody = """{"title":"Bo's","text":"write 200 words","horizon":"later","to":"later","due":"2027-04-01","result":"done"}""";

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task EveryRoute_KeepsOutAnonymousCallersAndOtherPeople(Provider provider)
    {
        await using var web = await TestWeb.StartAsync(provider);
        using var owner = await web.App.OwnerAsync();
        var ids = await web.App.AsUserAsync(null, async s =>
        {
            var goal = (await AddGoal.RunAsync(s, new NewGoal($"{Marker} goal"), Ct)).Value;
            var action = (await AddAction.RunAsync(s, new NewAction($"write 100 words of the {Marker} chapter", goal.Id.ToString(CultureInfo.InvariantCulture), Horizon.Now), Ct)).Value;
            var commitment = (await CreateCommitment.RunAsync(s, new NewCommitment(goal.Id.ToString(CultureInfo.InvariantCulture), null, new DateOnly(2027, 3, 14), $"{Marker} race"), Ct)).Value;
            var token = (await CreateAccessToken.RunAsync(s, $"{Marker} token", null, Ct)).Value;
            var invitation = (await InvitePartner.RunAsync(s, null, "http://127.0.0.1:5080", null, Ct)).Value;
            var locked = (await CreateCommitment.RunAsync(s, new NewCommitment(goal.Id.ToString(CultureInfo.InvariantCulture), null, new DateOnly(2027, 3, 20), $"{Marker} open mic"), Ct)).Value;
            await ChangeCommitment.LockAsync(s, locked.Id, Ct);
            var request = (await ChangeCommitment.RequestAsync(s, locked.Id, CommitmentChange.Reschedule(new DateOnly(2027, 4, 20)), allowRequest: true, Ct)).Value.Request!;
            return new Dictionary<string, long>
            {
                ["goals"] = goal.Id,
                ["actions"] = action.Id,
                ["commitments"] = commitment.Id,
                ["tokens"] = token.Token.Id,
                ["users"] = s.UserId,
                ["invitations"] = invitation.Invitation.Id,
                ["requests"] = request.Id,
            };
        });

        using var bo = await web.App.PersonAsync("bo@example.com");
        var boUser = await web.App.CountAsync("SELECT MAX(id) FROM users");
        var (boToken, boAction) = await web.App.AsUserAsync(boUser, async s =>
            ((await CreateAccessToken.RunAsync(s, "Bo's", null, Ct)).Value.Secret,
             (await AddAction.RunAsync(s, new NewAction("write 300 words", null, Horizon.Later), Ct)).Value.Id));
        using var boApi = web.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        boApi.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", boToken);
        using var anonymous = web.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var boAntiforgery = AntiforgeryField().Match(await bo.PageAsync("/add")).Groups[1].Value;

        var endpoints = web.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null && !e.RoutePattern.RawText!.StartsWith("/api/reference", StringComparison.Ordinal))
            .ToList();
        var missing = endpoints.Select(e => e.RoutePattern.RawText!).Where(p => !Routes.ContainsKey(p)).Distinct().ToList();
        Assert.True(missing.Count == 0, $"Routes not in AuthorizationWalkTests.Routes (say who may reach them): {string.Join(", ", missing)}");

        var failures = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var pattern = endpoint.RoutePattern.RawText!;
            var access = Routes[pattern];
            var path = Fill(pattern, ids);
            var ownsId = path != Fill(pattern, []);
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                if (access == Access.Public)
                {
                    continue;
                }

                using (var response = await anonymous.SendAsync(Request(method, path, access), Ct))
                {
                    var expected = access == Access.Api ? "401" : "302 to sign-in";
                    var got = (int)response.StatusCode == 302 && response.Headers.Location!.OriginalString.Contains("/account/sign-in", StringComparison.Ordinal)
                        ? "302 to sign-in" : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
                    Check(failures, $"anonymous {method} {path}", expected, got);
                }

                if (access == Access.Form && !ownsId)
                {
                    // Nothing of the owner's to reach (signing out), and posting it would end the second person's session.
                    continue;
                }

                if (access == Access.Page && method == "POST" && ownsId)
                {
                    // A page's forms are told apart by their handler name: post each form of the owner's page as the
                    // second person (a post naming no form is refused before any data is read).
                    // (A page about a person, /people/{id}, is for their partners: the owner cannot open their own and it has no forms to post.)
                    using var ownerPage = await owner.GetAsync(path);
                    var handlers = ownerPage.IsSuccessStatusCode
                        ? HandlerField().Matches(await ownerPage.Content.ReadAsStringAsync(Ct)).Select(m => m.Groups[1].Value).Distinct().ToList()
                        : [];
                    foreach (var handler in handlers)
                    {
                        using var posted = await bo.PostAsync(path, [("__RequestVerificationToken", boAntiforgery), ("_handler", handler)]);
                        Check(failures, $"second person POST {path} ({handler})", "404", ((int)posted.StatusCode).ToString(CultureInfo.InvariantCulture));
                    }

                    using var unnamed = await bo.PostAsync(path, [("__RequestVerificationToken", boAntiforgery)]);
                    Check(failures, $"second person POST {path} (no form named)", "400", ((int)unnamed.StatusCode).ToString(CultureInfo.InvariantCulture));
                    continue;
                }

                using var asBo = access == Access.Api
                    ? await boApi.SendAsync(Request(method, path, access), Ct)
                    : method == "GET" ? await bo.GetAsync(path) : await bo.PostAsync(path, [("__RequestVerificationToken", boAntiforgery), ("to", FormTo(path)), ("result", "done"), ("date", "2027-04-30"), ("kind", "cheer"), ("body", "well done")]);
                var text = await asBo.Content.ReadAsStringAsync(Ct);
                if (ownsId)
                {
                    Check(failures, $"second person {method} {path}", "404", ((int)asBo.StatusCode).ToString(CultureInfo.InvariantCulture));
                }
                else if ((int)asBo.StatusCode >= 500 || text.Contains(Marker, StringComparison.Ordinal))
                {
                    failures.Add($"second person {method} {path}: {(int)asBo.StatusCode}, {(text.Contains(Marker, StringComparison.Ordinal) ? "shows the owner's data" : "fails")}");
                }
            }
        }

        // Ids outside the route: in the query and in the body.
        var goal = ids["goals"];
        foreach (var (method, path, body) in new (string, string, string?)[]
        {
            ("GET", $"/api/v1/actions?goalId={goal}", null),
            ("POST", "/api/v1/actions", $$"""{"text":"write 200 words","horizon":"later","goalId":{{goal}}}"""),
            ("POST", "/api/v1/commitments", $$"""{"goalId":{{goal}},"due":"2027-04-01"}"""),
            ("POST", "/api/v1/commitments", $$"""{"actionId":{{ids["actions"]}},"due":"2027-04-01"}"""),
            ("PATCH", $"/api/v1/actions/{boAction}", $$"""{"goalId":{{goal}}}"""),
        })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
            request.Headers.TryAddWithoutValidation("If-Match", "*");
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }

            using var response = await boApi.SendAsync(request, Ct);
            Check(failures, $"second person {method} {path} {body}", "404", ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Equal(1, await web.App.CountAsync($"SELECT COUNT(*) FROM goals WHERE title = '{Marker} goal'"));
        Assert.Equal(0, await web.App.CountAsync("SELECT COUNT(*) FROM access_tokens WHERE revoked_at IS NOT NULL"));
    }

    // Valid form values (here and in the post above), so that a post is refused for whose record it names, not for its values.
    private static string FormTo(string path) => path.EndsWith("/status", StringComparison.Ordinal) ? "paused" : "later";

    private static void Check(List<string> failures, string what, string expected, string got)
    {
        if (expected != got)
        {
            failures.Add($"{what}: expected {expected}, got {got}");
        }
    }

    private static HttpRequestMessage Request(string method, string path, Access access)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (access == Access.Api)
        {
            request.Headers.TryAddWithoutValidation("If-Match", "*");
            if (method is "POST" or "PATCH" or "PUT")
            {
                request.Content = new StringContent(AnyBody, Encoding.UTF8, "application/json");
            }
        }
        else if (method == "POST")
        {
            request.Content = new FormUrlEncodedContent([KeyValuePair.Create("to", "later")]);
        }

        return request;
    }

    /// <summary>The pattern with its id filled in with the owner's record of that kind (or 0 when none is given).</summary>
    private static string Fill(string pattern, Dictionary<string, long> ids) =>
        RouteParameter().Replace(pattern, m =>
        {
            // {id} takes the id of the kind named before it (goals/{id}); {goalId}, {userId}... name their kind themselves.
            var kind = m.Groups["kind"].Value;
            var prefix = kind.Length > 0 ? kind + "/" : "";
            var name = m.Groups["name"].Value;
            var key = name.Equals("id", StringComparison.OrdinalIgnoreCase) ? kind
                : name.EndsWith("Id", StringComparison.Ordinal) ? char.ToLowerInvariant(name[0]) + name[1..^2] + "s" : null;
            return key is null ? prefix + "nothing-here" : prefix + ids.GetValueOrDefault(key).ToString(CultureInfo.InvariantCulture);
        }).TrimEnd('/') is { Length: > 0 } filled ? filled : "/";

    [GeneratedRegex(@"(?:(?<kind>[\w-]+)/)?\{\*?(?<name>\w+)(?::[^}]+)?\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex("name=\"_handler\" value=\"([^\"]+)\"")]
    private static partial Regex HandlerField();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
