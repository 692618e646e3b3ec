using Headway.Web.Accounts;
using Headway.Web.Actions;
using Headway.Web.Api;
using Headway.Web.Components;
using Headway.Web.Goals;
using Headway.Web.Hosting;
using Headway.Web.Reviews;
using Headway.Web.Tokens;

// The table of contents: each feature folder offers AddX() for its services and MapX() for its endpoints.
var builder = WebApplication.CreateBuilder(args);
builder.UseHeadwayDefaults();
var database = builder.Services.AddHeadwayDatabase(builder.Configuration);
builder.Services.AddAccounts(database);
builder.Services.AddApi();
builder.Services.AddSharedKeys();
builder.Services.AddSignInLimits();
builder.Services.AddRazorComponents();

var app = builder.Build();
app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseApiErrors();
app.UseAuthentication();
app.UseAuthorization();
app.UseSignInLimits();
app.UseRateLimiter();
app.UseAntiforgery();
app.MapStaticAssets().AllowAnonymous();
app.MapAccounts();
app.MapActions();
app.MapApi();
app.MapTokens();
app.MapCharts();
app.MapGoals();
app.MapRazorComponents<App>();
await app.RunAsync();
