using Microsoft.Playwright;

namespace Headway.Web.EndToEnd.Hosting;

/// <summary>
/// Full-page screenshots at a phone's and a laptop's viewport, written as <c>NAME-390x844.png</c> and
/// <c>NAME-1280x800.png</c> to <c>artifacts/screenshots/</c> at the repository's root (or <c>HEADWAY_SCREENSHOTS</c>).
/// The names never change between runs, so a reviewer can compare them and docs can point at them.
/// </summary>
public static class Screenshots
{
    public const string DirectoryVariable = "HEADWAY_SCREENSHOTS";

    public static readonly IReadOnlyList<ViewportSize> Sizes = [new() { Width = 390, Height = 844 }, new() { Width = 1280, Height = 800 }];

    public static ViewportSize Phone => Sizes[0];

    public static string Folder { get; } = FindFolder();

    /// <summary>Takes the page at every size, then calls <paramref name="atEachSize"/> (for checks that depend on the layout).</summary>
    public static async Task TakeAsync(IPage page, string name, Func<IPage, Task>? atEachSize = null)
    {
        var original = page.ViewportSize;
        foreach (var size in Sizes)
        {
            await page.SetViewportSizeAsync(size.Width, size.Height);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, $"{name}-{size.Width}x{size.Height}.png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });
            if (atEachSize is not null)
            {
                await atEachSize(page);
            }
        }

        if (original is not null)
        {
            await page.SetViewportSizeAsync(original.Width, original.Height);
        }
    }

    private static string FindFolder()
    {
        if (Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } given)
        {
            return Directory.CreateDirectory(given).FullName;
        }

        // The test runs from tests/Headway.Web.EndToEnd/bin/<config>/<tfm>/: the root is where Headway.slnx is.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Headway.slnx")))
            {
                return Directory.CreateDirectory(Path.Combine(dir.FullName, "artifacts", "screenshots")).FullName;
            }
        }

        return Directory.CreateTempSubdirectory("headway-screenshots-").FullName;
    }
}
