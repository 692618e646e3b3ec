using System.Net;
using Headway.App.Actions;
using Headway.App.Goals;
using Headway.Core.Actions;
using Headway.Web.Tests.Hosting;

namespace Headway.Web.Tests.Reviews;

public sealed class ReviewPageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Review_ShowsTheProgressRatioStalledGoalsAndDiagnosis()
    {
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();
        await web.App.AsUserAsync(null, async s =>
        {
            var novel = (await AddGoal.RunAsync(s, new("Finish my novel"), Ct)).Value;
            await AddGoal.RunAsync(s, new("Run the Hometown 5K"), Ct);
            var write = (await AddAction.RunAsync(s, new NewAction("write 1,000 words", novel.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Horizon.Now), Ct)).Value;
            var read = (await AddAction.RunAsync(s, new NewAction("read about story structure", Horizon: Horizon.Now, KeepPassive: true), Ct)).Value;
            await CompleteAction.RunAsync(s, write.Id, "1,150 words", Ct);
            return await CompleteAction.RunAsync(s, read.Id, null, Ct);
        });

        var page = await owner.PageAsync("/review");

        Assert.Contains("Progress ratio <strong>50%</strong>", page, StringComparison.Ordinal);
        Assert.Contains("stalled", page, StringComparison.Ordinal);
        Assert.Contains("perfectionism", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_OfABadWeek_IsABadRequest()
    {
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();

        using var response = await owner.GetAsync("/review?week=someday");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
