using Headway.Web.Accounts;
using Headway.Web.Actions;
using Headway.Web.Calendar;
using Headway.Web.Components;
using Headway.Web.Hosting;
using Headway.Web.Notifications;

// The table of contents: each feature folder offers AddX() for its services and MapX() for its endpoints.
var builder = WebApplication.CreateBuilder(args);
builder.UseHeadwayDefaults();
var database = builder.Services.AddHeadwayDatabase(builder.Configuration);
builder.Services.AddAccounts(database);
builder.Services.AddNotifications(builder.Configuration);
builder.Services.AddRazorComponents();

var app = builder.Build();
app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapStaticAssets().AllowAnonymous();
app.MapAccounts();
app.MapActions();
app.MapNotifications();
app.MapCalendar();
app.MapRazorComponents<App>();
await app.RunAsync();
