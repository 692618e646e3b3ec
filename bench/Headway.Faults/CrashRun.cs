using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Headway.App.Storage;

namespace Headway.Faults;

/// <summary>How hard a crash run pushes: writes in the stream (a multiple of 10), SIGKILLs during it, parallel clients.</summary>
public sealed record CrashOptions(int Writes = 1000, int Kills = 20, int Clients = 4, int? Seed = null);

/// <summary>
/// Proves that an acknowledged write survives <c>kill -9</c> and that a retried one is not applied twice: a stream of
/// API writes against a real <c>headway-web</c> that is killed with SIGKILL at random moments and started again,
/// while each client retries every unacknowledged write (a create with the same Idempotency-Key, an update with the
/// same If-Match) until it is acknowledged. Then every acknowledged write must be there exactly once, with nothing
/// extra, through the API and in the database, and the database must pass its integrity check.
/// </summary>
/// <remarks>
/// The stream is made of cycles of ten writes, one client working a cycle at a time: a goal, six actions for it (each
/// with an expected outcome), two of them done with their result (the outcome achieved), then the goal achieved. So
/// creates of both kinds and updates are all caught by kills, and a client never holds more than one active goal
/// (the cap is five).
/// </remarks>
public sealed class CrashRun(string webExecutable, FaultDatabase database, CrashOptions options, TextWriter progress)
{
    public const int WritesPerCycle = 10;
    private const int ActionsPerCycle = 6;
    private const string Email = "crash@example.com";
    private const string Password = "kill nine and start again";
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(3);

    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];
    private readonly ConcurrentDictionary<string, Created> _created = new();
    private readonly ConcurrentBag<long> _doneActions = [];
    private readonly ConcurrentBag<long> _achievedGoals = [];
    private int _acknowledged;
    private int _failedAttempts;
    private int _replayedCreates;
    private int _updatesFoundApplied;

    /// <summary>A create the server acknowledged: what was sent under which key, and the id it answered.</summary>
    private sealed record Created(string Key, string Path, string Body, long Id, string Label);

    public async Task<CrashReport> RunAsync(CancellationToken ct)
    {
        if (options.Writes <= 0 || options.Writes % WritesPerCycle != 0 || options.Kills < 0 || options.Kills >= options.Writes
            || options.Clients is < 1 or > 5)
        {
            throw new ArgumentException($"Writes must be a positive multiple of {WritesPerCycle}, kills fewer than writes, clients 1 to 5.");
        }

        var seed = options.Seed ?? Random.Shared.Next();
        var clock = Stopwatch.StartNew();
        await using var server = new WebServerProcess(webExecutable, database.Connection, new Dictionary<string, string>
        {
            // The stream sends far more than a person would: the per-token limit would only slow it down.
            ["Api__RequestsPerMinute"] = "1000000",
        });
        await server.StartAndWaitAsync(ct);
        string token;
        using (var browser = new FormBrowser())
        {
            await browser.SetUpOwnerAsync(server.BaseAddress, Email, Password, ct);
            token = await browser.CreateTokenAsync(server.BaseAddress, "crash run", ct);
        }

        using var api = new HttpClient(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromSeconds(5) })
        {
            BaseAddress = server.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        progress.WriteLine($"crash run on {database.Provider}: {options.Writes} writes, {options.Kills} kills, {options.Clients} clients, seed {seed}, server {server.BaseAddress}");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var cycles = options.Writes / WritesPerCycle;
        var nextCycle = -1;
        var streamClock = Stopwatch.StartNew();
        var clients = Enumerable.Range(0, options.Clients).Select(_ => StopAllOnFailure(stop, async () =>
        {
            int cycle;
            while ((cycle = Interlocked.Increment(ref nextCycle)) < cycles)
            {
                await CycleAsync(api, cycle, stop.Token);
            }
        })).ToList();
        var recoveries = new List<TimeSpan>();
        var killer = StopAllOnFailure(stop, () => KillAtRandomMomentsAsync(server, new Random(seed), recoveries, stop.Token));
        try
        {
            await Task.WhenAll([.. clients, killer]);
        }
        catch when (clients.Concat([killer]).FirstOrDefault(t => t.IsFaulted) is { } failed)
        {
            // The first real failure, not the cancellations it caused in the other tasks.
            throw new InvalidOperationException($"The write stream failed: {failed.Exception!.InnerException!.Message}\nheadway-web's last lines:\n{WebServerProcess.Tail(server.Log)}", failed.Exception);
        }

        var streamTime = streamClock.Elapsed;
        progress.WriteLine($"stream done in {streamTime.TotalSeconds:F1} s; checking");
        var problems = new List<string>();
        await CheckThroughTheApiAsync(api, cycles, problems, ct);
        await ReplayEveryCreateAsync(api, problems, ct);
        await CheckThroughTheApiAsync(api, cycles, problems, ct);
        await server.KillAsync();
        await CheckTheDatabaseAsync(cycles, problems, ct);
        var integrity = await database.IntegrityAsync(ct);
        if (integrity != "ok")
        {
            problems.Add($"integrity check: {integrity}");
        }

        if (server.Log.Contains("database is locked", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add("headway-web logged \"database is locked\".");
        }

        return new CrashReport(
            database.Provider, seed, options.Writes, _acknowledged, server.Starts - 1, _failedAttempts, _replayedCreates, _updatesFoundApplied,
            streamTime, clock.Elapsed, recoveries, integrity, problems);
    }

    /// <summary>Runs <paramref name="work"/> on the thread pool; if it fails, the clients and the killer stop too.</summary>
    private static Task StopAllOnFailure(CancellationTokenSource stop, Func<Task> work) => Task.Run(async () =>
    {
        try
        {
            await work();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await stop.CancelAsync();
            throw;
        }
    });

    /// <summary>
    /// Chooses <c>Kills</c> distinct moments in the stream (after the Nth acknowledged write, plus 0–25 ms so the kill
    /// lands while requests are in flight), kills the server there and starts it again at once. The next kill waits
    /// until the restarted server has acknowledged a write, so every kill hits a working server.
    /// </summary>
    private async Task KillAtRandomMomentsAsync(WebServerProcess server, Random random, List<TimeSpan> recoveries, CancellationToken ct)
    {
        var moments = Enumerable.Range(1, options.Writes - 1).OrderBy(_ => random.Next()).Take(options.Kills).Order().ToList();
        foreach (var moment in moments)
        {
            while (Volatile.Read(ref _acknowledged) < moment)
            {
                await Task.Delay(2, ct);
            }

            await Task.Delay(random.Next(0, 26), ct);
            var acknowledgedBefore = Volatile.Read(ref _acknowledged);
            await server.KillAsync();
            var killed = Stopwatch.StartNew();
            server.Start();
            if (acknowledgedBefore >= options.Writes)
            {
                // The last writes were acknowledged during the pause: no write is left to prove the restart (waiting
                // for one would wait for ever), so the restarted server's first answer does.
                await server.WaitUntilAnsweringAsync(ct);
            }

            while (Volatile.Read(ref _acknowledged) == acknowledgedBefore && acknowledgedBefore < options.Writes)
            {
                await Task.Delay(2, ct);
            }

            lock (recoveries)
            {
                recoveries.Add(killed.Elapsed);
            }
        }
    }

    private async Task CycleAsync(HttpClient api, int cycle, CancellationToken ct)
    {
        var goal = await CreateAsync(api, $"crash-{_runId}-{cycle}-goal", "api/v1/goals", new JsonObject
        {
            ["title"] = $"Crash run goal {cycle}",
            ["area"] = "writing",
            ["target"] = new JsonObject { ["quantity"] = 3000, ["unit"] = "words" },
        }, $"goal {cycle}", ct);
        var actions = new List<long>();
        for (var step = 0; step < ActionsPerCycle; step++)
        {
            actions.Add(await CreateAsync(api, $"crash-{_runId}-{cycle}-action-{step}", "api/v1/actions", new JsonObject
            {
                ["text"] = $"Write 500 words of chapter {cycle} scene {step}",
                ["goalId"] = goal,
                ["horizon"] = "later",
                ["outcome"] = "500 words",
                ["keepPassive"] = true,
            }, $"action {cycle}.{step}", ct));
        }

        foreach (var id in actions.Take(2))
        {
            await UpdateAsync(api, $"api/v1/actions/{id}", "done", new JsonObject { ["result"] = $"{500 + id % 100} words" }, "done", ct);
            _doneActions.Add(id);
        }

        await UpdateAsync(api, $"api/v1/goals/{goal}", "achieve", null, "achieved", ct);
        _achievedGoals.Add(goal);
    }

    /// <summary>A create, sent again with the same key until the server answers it: the id it created.</summary>
    private async Task<long> CreateAsync(HttpClient api, string key, string path, JsonObject body, string label, CancellationToken ct)
    {
        var json = body.ToJsonString();
        var attempts = 0;
        using var response = await SendUntilAnsweredAsync(api, () =>
        {
            attempts++;
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", key);
            return request;
        }, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"POST {path} ({label}) answered {(int)response.StatusCode}: {text}");
        }

        var replayed = response.Headers.TryGetValues("Idempotent-Replayed", out var values) && values.Contains("true");
        if (replayed && attempts == 1)
        {
            throw new InvalidOperationException($"POST {path} ({label}) was answered as a replay on its first attempt.");
        }

        if (replayed)
        {
            // The first attempt was committed, but the server died before its answer reached us.
            Interlocked.Increment(ref _replayedCreates);
        }

        var id = JsonNode.Parse(text)!["id"]!.GetValue<long>();
        if (!_created.TryAdd(key, new Created(key, path, json, id, label)))
        {
            throw new InvalidOperationException($"The key {key} was used twice by the client.");
        }

        Interlocked.Increment(ref _acknowledged);
        return id;
    }

    /// <summary>
    /// An update of a record at version 1 (If-Match "1"), sent again until answered. A 412 on a retry means an earlier
    /// attempt was applied before the server died: the record must then be in the new state at version 2, so it was
    /// applied exactly once.
    /// </summary>
    private async Task UpdateAsync(HttpClient api, string path, string verb, JsonObject? body, string status, CancellationToken ct)
    {
        var attempts = 0;
        using var response = await SendUntilAnsweredAsync(api, () =>
        {
            attempts++;
            var request = new HttpRequestMessage(HttpMethod.Post, $"{path}/{verb}");
            request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
            if (body is not null)
            {
                request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            }

            return request;
        }, ct);
        if (response.StatusCode == HttpStatusCode.PreconditionFailed && attempts > 1)
        {
            var (state, etag) = await ReadAsync(api, path, ct);
            if (state["status"]!.GetValue<string>() != status || etag != "\"2\"")
            {
                throw new InvalidOperationException($"POST {path}/{verb}: 412 on a retry, but the record is {state["status"]} at version {etag}.");
            }

            Interlocked.Increment(ref _updatesFoundApplied);
        }
        else if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path}/{verb} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        }

        Interlocked.Increment(ref _acknowledged);
    }

    /// <summary>
    /// Sends until the server answers with anything but a server error: a refused connection (the server is down or
    /// starting), a reset one (it died mid-request), a timeout or a 5xx all mean "not acknowledged", so try again.
    /// </summary>
    private async Task<HttpResponseMessage> SendUntilAnsweredAsync(HttpClient api, Func<HttpRequestMessage> request, CancellationToken ct)
    {
        var since = Stopwatch.StartNew();
        var pause = TimeSpan.FromMilliseconds(20);
        while (true)
        {
            string failure;
            try
            {
                using var message = request();
                var response = await api.SendAsync(message, ct);
                if ((int)response.StatusCode < 500 && response.StatusCode != HttpStatusCode.TooManyRequests)
                {
                    return response;
                }

                failure = $"{(int)response.StatusCode}";
                response.Dispose();
            }
            catch (HttpRequestException e)
            {
                failure = e.Message;
            }
            catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
            {
                failure = e.Message;
            }

            Interlocked.Increment(ref _failedAttempts);
            if (since.Elapsed > GiveUpAfter)
            {
                throw new InvalidOperationException($"No answer for {GiveUpAfter.TotalMinutes} minutes; last failure: {failure}");
            }

            await Task.Delay(pause, ct);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromMilliseconds(250).Ticks));
        }
    }

    /// <summary>A read, sent again like a write when the server is down: a kill can land during it too.</summary>
    private async Task<(JsonNode Body, string? ETag)> ReadAsync(HttpClient api, string path, CancellationToken ct)
    {
        using var response = await SendUntilAnsweredAsync(api, () => new HttpRequestMessage(HttpMethod.Get, path), ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {text}");
        }

        return (JsonNode.Parse(text)!, response.Headers.ETag?.Tag);
    }

    /// <summary>Every acknowledged create is listed exactly once with what was sent, updates applied once, nothing extra.</summary>
    private async Task CheckThroughTheApiAsync(HttpClient api, int cycles, List<string> problems, CancellationToken ct)
    {
        var (goalList, _) = await ReadAsync(api, "api/v1/goals?all=true", ct);
        var goals = goalList.AsArray().Select(g => (Id: g!["id"]!.GetValue<long>(), Title: g["title"]!.GetValue<string>(), Status: g["status"]!.GetValue<string>())).ToList();
        var actions = new List<(long Id, string Text, string Status, string? Result)>();
        for (long after = 0; ;)
        {
            var (page, _) = await ReadAsync(api, $"api/v1/actions?limit=200&after={after}", ct);
            var items = page["items"]!.AsArray();
            actions.AddRange(items.Select(a => (a!["id"]!.GetValue<long>(), a["text"]!.GetValue<string>(), a["status"]!.GetValue<string>(), a["result"]?.GetValue<string>())));
            if (page["next"] is null || items.Count == 0)
            {
                break;
            }

            after = actions[^1].Id;
        }

        Expect(problems, goals.Count == cycles, $"{goals.Count} goals listed, {cycles} created");
        Expect(problems, actions.Count == cycles * ActionsPerCycle, $"{actions.Count} actions listed, {cycles * ActionsPerCycle} created");
        var goalById = goals.GroupBy(g => g.Id).ToDictionary(g => g.Key, g => g.ToList());
        var actionById = actions.GroupBy(a => a.Id).ToDictionary(a => a.Key, a => a.ToList());
        var done = _doneActions.ToHashSet();
        var achieved = _achievedGoals.ToHashSet();
        foreach (var created in _created.Values)
        {
            var sent = JsonNode.Parse(created.Body)!;
            if (created.Path.EndsWith("goals", StringComparison.Ordinal))
            {
                var found = goalById.GetValueOrDefault(created.Id) ?? [];
                Expect(problems, found.Count == 1, $"{created.Label} (id {created.Id}) is listed {found.Count} times");
                Expect(problems, found.Count != 1 || found[0].Title == sent["title"]!.GetValue<string>(), $"{created.Label} has the title '{found.FirstOrDefault().Title}'");
                Expect(problems, found.Count != 1 || found[0].Status == (achieved.Contains(created.Id) ? "achieved" : "active"), $"{created.Label} is {found.FirstOrDefault().Status}");
            }
            else
            {
                var found = actionById.GetValueOrDefault(created.Id) ?? [];
                Expect(problems, found.Count == 1, $"{created.Label} (id {created.Id}) is listed {found.Count} times");
                Expect(problems, found.Count != 1 || found[0].Text == sent["text"]!.GetValue<string>(), $"{created.Label} has the text '{found.FirstOrDefault().Text}'");
                var isDone = done.Contains(created.Id);
                Expect(problems, found.Count != 1 || found[0].Status == (isDone ? "done" : "open"), $"{created.Label} is {found.FirstOrDefault().Status}");
                Expect(problems, found.Count != 1 || !isDone || found[0].Result == $"{500 + created.Id % 100} words", $"{created.Label} has the result '{found.FirstOrDefault().Result}'");
            }
        }

        // Updated records are at version 2: the update applied exactly once, however many times it was sent.
        foreach (var path in achieved.Select(id => $"api/v1/goals/{id}").Concat(done.Select(id => $"api/v1/actions/{id}")))
        {
            var (_, etag) = await ReadAsync(api, path, ct);
            Expect(problems, etag == "\"2\"", $"{path} is at version {etag} after one update");
        }
    }

    /// <summary>After the crashes, every create sent again with its key gets its first answer back and creates nothing.</summary>
    private async Task ReplayEveryCreateAsync(HttpClient api, List<string> problems, CancellationToken ct)
    {
        foreach (var created in _created.Values.OrderBy(c => c.Id))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, created.Path) { Content = new StringContent(created.Body, Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", created.Key);
            using var response = await api.SendAsync(request, ct);
            var replayed = response.Headers.TryGetValues("Idempotent-Replayed", out var values) && values.Contains("true");
            var id = response.StatusCode == HttpStatusCode.Created ? JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!["id"]!.GetValue<long>() : 0;
            Expect(problems, replayed && id == created.Id, $"{created.Label} sent again: {(int)response.StatusCode}, replayed {replayed}, id {id} (first answer: id {created.Id})");
        }
    }

    /// <summary>The rows themselves, read from the database with the server stopped.</summary>
    private async Task CheckTheDatabaseAsync(int cycles, List<string> problems, CancellationToken ct)
    {
        var goals = await database.CountAsync("SELECT COUNT(*) FROM goals", ct);
        var actions = await database.CountAsync("SELECT COUNT(*) FROM actions", ct);
        var done = await database.CountAsync("SELECT COUNT(*) FROM actions WHERE result IS NOT NULL", ct);
        var keys = await database.CountAsync("SELECT COUNT(*) FROM idempotent_requests", ct);
        Expect(problems, goals == cycles, $"the goals table holds {goals} rows, {cycles} were created");
        Expect(problems, actions == cycles * ActionsPerCycle, $"the actions table holds {actions} rows, {cycles * ActionsPerCycle} were created");
        Expect(problems, done == cycles * 2, $"{done} actions have a result, {cycles * 2} were done");
        Expect(problems, keys == _created.Count, $"{keys} idempotency keys are stored, {_created.Count} were sent");
    }

    private static void Expect(List<string> problems, bool condition, string problem)
    {
        if (!condition && problems.Count < 50)
        {
            problems.Add(problem);
        }
    }
}

/// <summary>What a crash run measured and found.</summary>
public sealed record CrashReport(
    Provider Provider, int Seed, int Writes, int Acknowledged, int Kills, int FailedAttempts, int ReplayedCreates, int UpdatesFoundApplied,
    TimeSpan StreamTime, TimeSpan TotalTime, IReadOnlyList<TimeSpan> Recoveries, string Integrity, IReadOnlyList<string> Problems)
{
    public bool Passed => Problems.Count == 0 && Acknowledged == Writes;

    public override string ToString()
    {
        var recovery = Recoveries.Count == 0
            ? "none"
            : string.Create(CultureInfo.InvariantCulture, $"median {Median(Recoveries).TotalSeconds:F2} s, max {Recoveries.Max().TotalSeconds:F2} s");
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"provider {Provider.ToString().ToLowerInvariant()}, seed {Seed}"),
            string.Create(CultureInfo.InvariantCulture, $"writes acknowledged: {Acknowledged} of {Writes}"),
            string.Create(CultureInfo.InvariantCulture, $"SIGKILLs: {Kills}; from a kill to the next acknowledged write: {recovery}"),
            string.Create(CultureInfo.InvariantCulture, $"attempts not acknowledged (retried): {FailedAttempts}"),
            string.Create(CultureInfo.InvariantCulture, $"creates committed before a kill and answered on retry from the stored answer: {ReplayedCreates}"),
            string.Create(CultureInfo.InvariantCulture, $"updates applied before a kill and found applied on retry (412, version 2): {UpdatesFoundApplied}"),
            $"integrity check: {Integrity}",
            string.Create(CultureInfo.InvariantCulture, $"stream {StreamTime.TotalSeconds:F1} s, whole run {TotalTime.TotalSeconds:F1} s"),
            Passed ? "PASSED: every acknowledged write is there exactly once, nothing extra" : "FAILED:",
        };
        lines.AddRange(Problems.Select(p => "  " + p));
        return string.Join(Environment.NewLine, lines);
    }

    private static TimeSpan Median(IReadOnlyList<TimeSpan> values) => values.Order().ElementAt(values.Count / 2);
}
