using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Headway.Faults.Tests.Hosting;
using Microsoft.Data.Sqlite;

namespace Headway.Faults.Tests.Concurrency;

/// <summary>
/// The command line and the web server writing one SQLite file at the same moment, as when a script runs
/// <c>headway add</c> in a loop while the app is open: SQLite lets one writer in at a time, and Headway must make the
/// others wait (busy timeout, BEGIN IMMEDIATE) rather than fail with "database is locked".
/// </summary>
public sealed class CliBesideServerTests
{
    private const int WritesEach = 200;

    [Fact(Timeout = 10 * 60 * 1000)]
    public async Task TwoHundredCliWrites_AndTwoHundredApiWrites_AtOnce_AllLand_NoneLocked()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = FaultDatabase.Sqlite();
        await using var server = new WebServerProcess(Builds.WebServer, database.Connection, new Dictionary<string, string> { ["Api__RequestsPerMinute"] = "100000" });
        await server.StartAndWaitAsync(ct);
        string token;
        using (var browser = new FormBrowser())
        {
            // The web's owner account and the command line's owner are the same person: the database's first user.
            await browser.SetUpOwnerAsync(server.BaseAddress, "ana@example.com", "blue kettle under the stairs", ct);
            token = await browser.CreateTokenAsync(server.BaseAddress, "beside the command line", ct);
        }

        var cli = new ConcurrentBag<(int Exit, string Error)>();
        var api = new ConcurrentBag<(HttpStatusCode Status, string Body)>();
        var cliTimes = new ConcurrentBag<(DateTime Start, DateTime End)>();
        var apiTimes = new ConcurrentBag<(DateTime Start, DateTime End)>();
        var cliNext = -1;
        var apiNext = -1;
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        // Two command-line processes at a time and two API clients, all writing from the first moment.
        var writers = new List<Task>();
        for (var w = 0; w < 2; w++)
        {
            writers.Add(Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref cliNext)) < WritesEach)
                {
                    var start = DateTime.UtcNow;
                    cli.Add(await RunCliAsync(database.Connection, "add", $"Write 300 words of CLI note {i}", "--later", "--keep", "--outcome", "300 words"));
                    cliTimes.Add((start, DateTime.UtcNow));
                }
            }, ct));
            writers.Add(Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref apiNext)) < WritesEach)
                {
                    var start = DateTime.UtcNow;
                    api.Add(await CreateAsync(http, i));
                    apiTimes.Add((start, DateTime.UtcNow));
                }
            }, ct));
        }

        await Task.WhenAll(writers);

        Assert.All(cli, r => Assert.True(r.Exit == 0 && r.Error.Length == 0, $"headway add exited {r.Exit}: {r.Error}"));
        Assert.All(api, r => Assert.True(r.Status == HttpStatusCode.Created, $"POST /api/v1/actions answered {(int)r.Status}: {r.Body}"));
        // The two streams really overlapped: each started before the other ended.
        Assert.True(cliTimes.Min(t => t.Start) < apiTimes.Max(t => t.End) && apiTimes.Min(t => t.Start) < cliTimes.Max(t => t.End));
        Assert.DoesNotContain("database is locked", server.Log, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SQLITE_BUSY", server.Log, StringComparison.OrdinalIgnoreCase);

        await server.KillAsync();
        var texts = ReadTexts(database.Connection);
        var expected = Enumerable.Range(0, WritesEach).SelectMany(i => new[] { $"Write 300 words of CLI note {i}", $"Write 300 words of API note {i}" });
        Assert.Equal(expected.Order(StringComparer.Ordinal), texts.Order(StringComparer.Ordinal));
        Assert.Equal("ok", await database.IntegrityAsync(ct));
    }

    private static async Task<(HttpStatusCode, string)> CreateAsync(HttpClient http, int i)
    {
        var body = new JsonObject { ["text"] = $"Write 300 words of API note {i}", ["horizon"] = "later", ["outcome"] = "300 words", ["keepPassive"] = true };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/actions") { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", $"beside-cli-{i}");
        using var response = await http.SendAsync(request, Builds.Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Builds.Ct));
    }

    /// <summary>One run of the real <c>headway</c> executable on <paramref name="database"/>: its exit code and stderr.</summary>
    private static async Task<(int, string)> RunCliAsync(string database, params string[] args)
    {
        var start = new ProcessStartInfo(Builds.CommandLine) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["HEADWAY_DATABASE"] = database;
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        try
        {
            var output = process.StandardOutput.ReadToEndAsync(Builds.Ct);
            var error = await process.StandardError.ReadToEndAsync(Builds.Ct);
            await output;
            await process.WaitForExitAsync(Builds.Ct);
            return (process.ExitCode, error);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    private static List<string> ReadTexts(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT text FROM actions";
        using var reader = command.ExecuteReader();
        var texts = new List<string>();
        while (reader.Read())
        {
            texts.Add(reader.GetString(0));
        }

        return texts;
    }
}
