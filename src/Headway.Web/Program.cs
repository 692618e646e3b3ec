using Headway.Web.Components;
using Headway.Web.Hosting;

// The table of contents: each feature folder offers AddX() for its services and MapX() for its endpoints.
var builder = WebApplication.CreateBuilder(args);
builder.UseHeadwayDefaults();
builder.Services.AddHeadwayDatabase(builder.Configuration);
builder.Services.AddRazorComponents();

var app = builder.Build();
app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();
app.MapStaticAssets();
app.MapRazorComponents<App>();
await app.RunAsync();
