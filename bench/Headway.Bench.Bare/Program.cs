using Microsoft.Data.Sqlite;

// The anchor of bench/web/run: about the least ASP.NET Core can do to serve a page of data. One minimal-API endpoint
// reads 20 rows of the seeded database with ADO.NET and writes them as JSON; no authentication, no HTML, no Headway.
//   dotnet Headway.Bench.Bare.dll --urls http://127.0.0.1:5091 --database /path/to/headway.db
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var connection = new SqliteConnectionStringBuilder
{
    DataSource = builder.Configuration["database"] ?? throw new InvalidOperationException("Give --database PATH."),
    Mode = SqliteOpenMode.ReadOnly,
}.ToString();

var app = builder.Build();
app.MapGet("/actions", async (CancellationToken ct) =>
{
    await using var db = new SqliteConnection(connection);
    await db.OpenAsync(ct);
    await using var cmd = db.CreateCommand();
    cmd.CommandText = "SELECT id, text, horizon, status FROM actions WHERE status = 'open' ORDER BY id LIMIT 20";
    await using var reader = await cmd.ExecuteReaderAsync(ct);
    var rows = new List<Row>(20);
    while (await reader.ReadAsync(ct))
    {
        rows.Add(new Row(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
    }

    return rows;
});
await app.RunAsync();

internal sealed record Row(long Id, string Text, string Horizon, string Status);
