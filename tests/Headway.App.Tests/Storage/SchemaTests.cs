using Headway.App.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Headway.App.Tests.Storage;

/// <summary>
/// The migrations projects are the schema's source of truth; the SQL that Headway.App embeds and runs must be
/// exactly what they generate. Run with HEADWAY_UPDATE_SCHEMA=1 to regenerate the scripts after adding a migration.
/// </summary>
public sealed class SchemaTests
{
    private static HeadwayDbContext Context(Provider provider) => provider == Provider.Sqlite
        ? Migrations.Sqlite.DesignTimeFactory.Create("Data Source=:memory:")
        : Migrations.Postgres.DesignTimeFactory.Create("Host=127.0.0.1;Database=unused");

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public void Model_HasNoChangesWithoutAMigration(Provider provider)
    {
        using var db = Context(provider);

        Assert.False(db.Database.HasPendingModelChanges(), $"The model changed without a {provider} migration: run dotnet ef migrations add.");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public void EmbeddedScripts_MatchTheMigrations(Provider provider)
    {
        using var db = Context(provider);
        var expected = Generate(db);
        var dir = Path.Combine(RepositoryRoot(), "src", "Headway.App", "Storage", "Schema");
        var prefix = provider.ToString().ToLowerInvariant();

        if (Environment.GetEnvironmentVariable("HEADWAY_UPDATE_SCHEMA") == "1")
        {
            foreach (var stale in Directory.GetFiles(dir, prefix + ".*.sql"))
            {
                File.Delete(stale);
            }

            foreach (var (name, sql) in expected)
            {
                File.WriteAllText(Path.Combine(dir, $"{prefix}.{name}.sql"), sql);
            }
        }

        var embedded = SchemaMigrator.Scripts(provider).Select(s => (Name: s.Id, s.Sql)).Prepend((Name: "history", Sql: SchemaMigrator.HistoryScript(provider)));
        Assert.Equal(expected.OrderBy(e => e.Name, StringComparer.Ordinal), embedded.OrderBy(e => e.Name, StringComparer.Ordinal));
    }

    private static List<(string Name, string Sql)> Generate(HeadwayDbContext db)
    {
        var migrator = db.GetService<IMigrator>();
        var history = db.GetService<IHistoryRepository>();
        var list = new List<(string, string)> { ("history", Normalize(history.GetCreateIfNotExistsScript())) };
        var previous = Migration.InitialDatabase;
        foreach (var id in db.Database.GetMigrations())
        {
            list.Add((id, Normalize(migrator.GenerateScript(previous, id, MigrationsSqlGenerationOptions.NoTransactions))));
            previous = id;
        }

        return list;
    }

    private static string Normalize(string sql) => sql.ReplaceLineEndings("\n").Trim() + "\n";

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Headway.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Run the tests from inside the repository.");
    }
}
