using Headway.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Headway.Web.Tests.Hosting;

/// <summary>The server keeps its shipped settings (log levels) wherever it is started from.</summary>
public sealed class ShippedSettingsTests : IDisposable
{
    private const string Key = "Logging:LogLevel:Microsoft.AspNetCore";

    private readonly DirectoryInfo _install = Directory.CreateTempSubdirectory("headway-install-");
    private readonly DirectoryInfo _elsewhere = Directory.CreateTempSubdirectory("headway-cwd-");

    public ShippedSettingsTests() =>
        File.WriteAllText(Path.Combine(_install.FullName, "appsettings.json"), """{ "Logging": { "LogLevel": { "Microsoft.AspNetCore": "Warning" } } }""");

    public void Dispose()
    {
        _install.Delete(recursive: true);
        _elsewhere.Delete(recursive: true);
    }

    private WebApplicationBuilder StartedElsewhere() =>
        WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = _elsewhere.FullName });

    [Fact]
    public void StartedFromAnotherDirectory_ReadsTheSettingsBesideTheServer()
    {
        var builder = StartedElsewhere();
        Assert.Null(builder.Configuration[Key]);

        ServerDefaults.ReadShippedSettings(builder.Configuration, _install.FullName);

        Assert.Equal("Warning", builder.Configuration[Key]);
    }

    [Fact]
    public void EnvironmentOrArguments_StillOverrideTheShippedSettings()
    {
        var builder = StartedElsewhere();
        builder.Configuration.AddInMemoryCollection([new(Key, "Information")]);

        ServerDefaults.ReadShippedSettings(builder.Configuration, _install.FullName);

        Assert.Equal("Information", builder.Configuration[Key]);
    }

    [Fact]
    public void ASettingsFileInTheContentRoot_StillOverridesTheShippedOne()
    {
        File.WriteAllText(Path.Combine(_elsewhere.FullName, "appsettings.json"), """{ "Logging": { "LogLevel": { "Microsoft.AspNetCore": "Debug" } } }""");
        var builder = StartedElsewhere();

        ServerDefaults.ReadShippedSettings(builder.Configuration, _install.FullName);

        Assert.Equal("Debug", builder.Configuration[Key]);
    }
}
