using Headway.Web.Accounts;
using Headway.Web.Actions;
using Headway.Web.Api;
using Headway.Web.Calendar;
using Headway.Web.Commitments;
using Headway.Web.Components;
using Headway.Web.Dashboard;
using Headway.Web.Goals;
using Headway.Web.Hosting;
using Headway.Web.Notifications;
using Headway.Web.Partners;
using Headway.Web.Reviews;
using Headway.Web.Tokens;

// The table of contents: each feature folder offers AddX() for its services and MapX() for its endpoints.
var builder = WebApplication.CreateBuilder(args);
builder.UseHeadwayDefaults();
if (StartupSettings.Problem(builder.Configuration) is { } problem)
{
    await Console.Error.WriteLineAsync($"headway-web: {problem}");
    return StartupSettings.ExitCode;
}

var database = builder.Services.AddHeadwayDatabase(builder.Configuration);
builder.Services.AddAccounts(database);
builder.Services.AddApi();
builder.Services.AddSharedKeys();
builder.Services.AddNotifications(builder.Configuration);
builder.Services.AddDashboardCache();
builder.Services.AddRazorComponents();

var app = builder.Build();
app.UseTrustedProxies();
app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseApiErrors();
app.UseAuthentication();
app.UseAuthorization();
app.UseSignInLimits();
app.UseRateLimiter();
app.UseAntiforgery();
app.UseDashboardCache();
app.MapStaticAssets().AllowAnonymous();
app.MapAccounts();
app.MapActions();
app.MapApi();
app.MapTokens();
app.MapCharts();
app.MapGoals();
app.MapCommitments();
app.MapPartners();
app.MapNotifications();
app.MapCalendar();
app.MapRazorComponents<App>();
await app.RunAsync();
return 0;
