namespace Headway.Web.EndToEnd.Hosting;

/// <summary>The accessibility check itself: it must catch what it is there to catch.</summary>
public sealed class AccessibilityTests(Chromium chromium)
{
    [Fact]
    public async Task ImageWithoutText_AndUnlabelledField_FailTheCheck_NamingTheRules()
    {
        var context = await chromium.Browser().NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync("""<html lang="en"><head><title>t</title></head><body><main><img src="x.png"><input type="text"></main></body></html>""");

        var problems = await Accessibility.ProblemsAsync(page);

        Assert.Contains(problems, p => p.Contains("image-alt", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("label", StringComparison.Ordinal));
        await context.DisposeAsync();
    }
}
