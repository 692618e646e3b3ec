using Headway.App.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Headway.Migrations.Sqlite;

/// <summary>Builds the context on SQLite with this assembly's migrations, for `dotnet ef` and the schema tests.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<HeadwayDbContext>
{
    public HeadwayDbContext CreateDbContext(string[] args) => Create("Data Source=design.db");

    public static HeadwayDbContext Create(string connectionString) =>
        new(new DbContextOptionsBuilder<HeadwayDbContext>()
            .UseSqlite(connectionString, b => b.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options);
}
