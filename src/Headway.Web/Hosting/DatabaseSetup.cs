using Headway.App.Storage;

namespace Headway.Web.Hosting;

public static class DatabaseSetup
{
    /// <summary>
    /// The database comes from <c>--database</c> or <c>HEADWAY_DATABASE</c>, read exactly as the command line reads
    /// them, so the web app and the CLI share one file (or one PostgreSQL database) by default.
    /// </summary>
    public static DatabaseTarget AddHeadwayDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var target = Target(configuration);
        // One data source for the application: it holds the connection pool (SQLite's too) and migrates the schema once.
        services.AddSingleton(_ => HeadwayDataSource.Create(target.Pooled()));
        return target;
    }

    public static DatabaseTarget Target(IConfiguration configuration)
    {
        var parsed = DatabaseTarget.Parse(configuration["database"] ?? configuration["HEADWAY_DATABASE"]);
        return parsed.IsOk ? parsed.Value : throw new InvalidOperationException(parsed.Error!.Message);
    }
}
