using System.Diagnostics;
using Headway.Web.Hosting;
using Microsoft.Extensions.Configuration;

namespace Headway.Web.Tests.Hosting;

/// <summary>A bad setting stops the real server process at start with one sentence on stderr and exit code 2.</summary>
public sealed class StartupSettingsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Headway:Smtp:Port", "70000", "Headway:Smtp:Port 70000 is not a port")]
    [InlineData("Headway:Smtp:Port", "submission", "'Headway:Smtp:Port'")]
    [InlineData("Headway:Smtp:Security", "ssl", "Headway:Smtp:Security 'ssl' is not known: use none, starttls or tls.")]
    [InlineData("Headway:Smtp:From", "", "Headway:Smtp:From is missing or not an email address")]
    [InlineData("Headway:Smtp:From", "not an address", "Headway:Smtp:From is missing or not an email address")]
    [InlineData("Headway:Smtp:User", "mailer", "Headway:Smtp:User is set but Headway:Smtp:Password is not")]
    [InlineData("Headway:Smtp:Host", "smtp.example.org:587", "is not a host name")]
    [InlineData("Headway:PublicUrl", "plans.example.org", "Headway:PublicUrl 'plans.example.org' is not a web address")]
    [InlineData("Headway:TrustedProxies", "10.0.0.5, proxy.internal", "Headway:TrustedProxies 'proxy.internal' is not an address or network")]
    [InlineData("Headway:TrustedProxies", "10.0.0.0/33", "Headway:TrustedProxies '10.0.0.0/33' is not an address or network")]
    public async Task ABadSetting_StopsTheServerAtStart_WithOneSentence(string key, string value, string message)
    {
        var directory = Directory.CreateTempSubdirectory("headway-settings-");
        try
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = directory.FullName,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "headway-web.dll"));
            start.ArgumentList.Add("--urls=http://127.0.0.1:0");
            start.Environment["database"] = Path.Combine(directory.FullName, "headway.db");
            start.Environment["Headway__Smtp__Host"] = "smtp.example.org";
            start.Environment["Headway__Smtp__From"] = "headway@example.org";
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;

            using var server = Process.Start(start)!;
            var output = server.StandardOutput.ReadToEndAsync(Ct);
            var error = await server.StandardError.ReadToEndAsync(Ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            timeout.CancelAfter(TimeSpan.FromMinutes(2));
            await server.WaitForExitAsync(timeout.Token);

            Assert.Equal(StartupSettings.ExitCode, server.ExitCode);
            var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("headway-web: ", line, StringComparison.Ordinal);
            Assert.Contains(message, line, StringComparison.Ordinal);
            Assert.Empty(await output);
            Assert.False(File.Exists(Path.Combine(directory.FullName, "headway.db")), "the server touched the database before checking its settings");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void GoodSettings_OrNone_AreNoProblem()
    {
        Assert.Null(StartupSettings.Problem(new ConfigurationBuilder().Build()));
        Assert.Null(StartupSettings.Problem(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Headway:Smtp:Host"] = "smtp.example.org",
            ["Headway:Smtp:Port"] = "465",
            ["Headway:Smtp:Security"] = "tls",
            ["Headway:Smtp:From"] = "Headway <headway@example.org>",
            ["Headway:PublicUrl"] = "https://plans.example.org/headway/",
            ["Headway:TrustedProxies"] = "10.0.0.5, 10.0.1.0/24 fd00::/8",
        }).Build()));
    }
}
