using Headway.App.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Headway.Migrations.Postgres;

/// <summary>Builds the context on PostgreSQL with this assembly's migrations, for `dotnet ef` and the schema tests.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<HeadwayDbContext>
{
    public HeadwayDbContext CreateDbContext(string[] args) => Create("Host=127.0.0.1;Database=headway_design;Username=postgres");

    public static HeadwayDbContext Create(string connectionString) =>
        new(new DbContextOptionsBuilder<HeadwayDbContext>()
            .UseNpgsql(connectionString, b => b.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options);
}
