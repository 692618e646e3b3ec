using Headway.Cli.Serve;
using Headway.Cli.Tests.Hosting;

namespace Headway.Cli.Tests.Serve;

public sealed class ServeCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("headway-serve-");

    public void Dispose()
    {
        _cli.Dispose();
        _dir.Delete(recursive: true);
    }

    [Fact]
    public async Task Serve_BadDatabase_IsInvalidBeforeAnythingStarts()
    {
        var result = await _cli.RunAsync("serve", "--database", "postgres://");

        result.AssertOneSentenceError(2);
    }

    [Fact]
    public void Locate_PrefersThePublishedServerBesideTheCommandLine()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, WebServer.Name), "");

        var server = WebServer.Locate(_dir.FullName);

        Assert.NotNull(server);
        Assert.Equal(Path.Combine(_dir.FullName, WebServer.Name), server.FileName);
        Assert.Null(server.Dll);
    }

    [Fact]
    public void Locate_InASourceCheckout_RunsTheNewestBuildWithDotnet()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, "Headway.slnx"), "");
        var debug = Directory.CreateDirectory(Path.Combine(_dir.FullName, "src", "Headway.Web", "bin", "Debug", "net10.0"));
        var release = Directory.CreateDirectory(Path.Combine(_dir.FullName, "src", "Headway.Web", "bin", "Release", "net10.0"));
        File.WriteAllText(Path.Combine(debug.FullName, "headway-web.dll"), "");
        File.WriteAllText(Path.Combine(release.FullName, "headway-web.dll"), "");
        File.SetLastWriteTimeUtc(Path.Combine(debug.FullName, "headway-web.dll"), DateTime.UtcNow.AddHours(-1));
        var cliBin = Directory.CreateDirectory(Path.Combine(_dir.FullName, "src", "Headway.Cli", "bin", "Debug", "net10.0"));

        var server = WebServer.Locate(cliBin.FullName);

        Assert.NotNull(server);
        Assert.Equal("dotnet", server.FileName);
        Assert.Equal(Path.Combine(release.FullName, "headway-web.dll"), server.Dll);
        Assert.Equal(Path.Combine(_dir.FullName, "src", "Headway.Web"), server.WorkingDirectory);
        Assert.Equal([server.Dll!, "--urls", "http://127.0.0.1:6000"], server.StartInfo("http://127.0.0.1:6000").ArgumentList);
    }

    [Fact]
    public void Locate_WithoutAServer_IsNull()
    {
        Assert.Null(WebServer.Locate(_dir.FullName));
    }
}
