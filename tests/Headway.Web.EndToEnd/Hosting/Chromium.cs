using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Headway.Web.EndToEnd.Hosting.Chromium))]

// One page at a time: the machines that run these tests have two cores, a browser page and a server per test are
// heavy, and a test that waits for what a person sees should not fail because another test hogs the CPU.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]

namespace Headway.Web.EndToEnd.Hosting;

/// <summary>
/// One headless Chromium for the whole test run: Debian's <c>/usr/bin/chromium</c> (or <c>HEADWAY_CHROMIUM</c>), driven by
/// Playwright. Playwright cannot download a browser here, so none is installed through it. Without a browser the tests
/// skip on a laptop and fail when <c>CI</c> is set: CI must never silently skip them.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string PathVariable = "HEADWAY_CHROMIUM";
    public const string DefaultPath = "/usr/bin/chromium";

    // Flags for a quiet, headless browser in a container: no sandbox (root), no GPU, nothing fetched from outside.
    private static readonly string[] Flags =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _problem;

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path ? path : DefaultPath;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            _problem = $"No Chromium at {ExecutablePath}: install it (apt-get install chromium) or set {PathVariable}.";
            return;
        }

        // The machine is shared and can be slow: wait longer than Playwright's 5 s for what a user should see.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ExecutablePath, Headless = true, Args = Flags });
    }

    /// <summary>The browser, or a skipped test (a failed one under CI) when there is none.</summary>
    public IBrowser Browser()
    {
        if (_browser is not null)
        {
            return _browser;
        }

        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Assert.Fail(_problem + " CI must run the browser tests.");
        }

        Assert.Skip(_problem!);
        return null!;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
