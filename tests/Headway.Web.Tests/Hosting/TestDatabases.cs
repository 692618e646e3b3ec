using Headway.App.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Headway.Web.Tests.Hosting;

/// <summary>
/// Fresh databases for tests (a copy of Headway.App.Tests' helper): a temporary SQLite file, or a new database on the
/// PostgreSQL server that scripts/test starts (HEADWAY_TEST_POSTGRES); without a server they skip, or fail in CI.
/// </summary>
public static class TestDatabases
{
    public const string PostgresVariable = "HEADWAY_TEST_POSTGRES";

    public static IEnumerable<TheoryDataRow<Provider>> Providers() => [new(Provider.Sqlite), new(Provider.Postgres)];

    public static async Task<TestDatabase> CreateAsync(Provider provider)
    {
        if (provider == Provider.Sqlite)
        {
            var dir = Directory.CreateTempSubdirectory("headway-web-test-");
            return new TestDatabase(DatabaseTarget.Parse(Path.Combine(dir.FullName, "headway.db")).Value, () =>
            {
                SqliteConnection.ClearAllPools();
                dir.Delete(recursive: true);
                return Task.CompletedTask;
            });
        }

        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            {
                Assert.Fail($"{PostgresVariable} is not set, and CI must run the PostgreSQL tests: run them through scripts/test.");
            }

            Assert.Skip($"No PostgreSQL server: set {PostgresVariable} (scripts/test starts one) to run this test.");
        }

        var name = "headway_web_" + Guid.NewGuid().ToString("N")[..16];
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new TestDatabase(DatabaseTarget.Parse(builder.ConnectionString).Value, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        });
    }
}

public sealed class TestDatabase(DatabaseTarget target, Func<Task> cleanup) : IAsyncDisposable
{
    public DatabaseTarget Target { get; } = target;

    public async ValueTask DisposeAsync() => await cleanup();
}
