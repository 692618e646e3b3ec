using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Headway.App;
using Headway.App.Concurrency;
using Headway.Core;
using Headway.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Headway.Web.Api;

/// <summary>A record as the API shows it, with the version its ETag is made from.</summary>
public sealed record Loaded<TJson>(TJson Json, int Version);

/// <summary>Reads one of the user's records by id (inside a transaction when given one).</summary>
public delegate Task<Result<Loaded<TJson>>> Loader<TJson>(PlannerSession s, long id, DbTransaction? tx, CancellationToken ct);

/// <summary>
/// The three ways an API handler touches a record: read it (with its ETag), update it (If-Match checked inside the
/// write transaction), create one (with its Idempotency-Key answer stored in the same transaction).
/// </summary>
public static class ApiWrites
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const int MaxKeyLength = 200;

    public static async Task<Results<Ok<TJson>, ProblemHttpResult>> GetAsync<TJson>(
        HttpContext http, CurrentPlanner planner, long id, Loader<TJson> load, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(planner);
        ArgumentNullException.ThrowIfNull(load);
        var s = await planner.OpenAsync(http.User, ct);
        return Answer(http, await load(s, id, null, ct));
    }

    /// <summary>
    /// Applies <paramref name="change"/> when the record is still at the version If-Match names. The check and the
    /// change share one transaction that holds the user's write lock, so of many updates sent with one ETag exactly
    /// one applies and the others get 412.
    /// </summary>
    public static async Task<Results<Ok<TJson>, ProblemHttpResult>> UpdateAsync<TJson>(
        HttpContext http, CurrentPlanner planner, Versioned kind, long id, Func<PlannerSession, Task<Error?>> change, Loader<TJson> load,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(planner);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(load);
        var (expected, problem) = Preconditions.Read(http.Request);
        if (problem is not null)
        {
            return problem;
        }

        var s = await planner.OpenAsync(http.User, ct);
        var result = await s.Db.WriteAsync<Loaded<TJson>>(async tx =>
        {
            if (await RowVersions.CheckAsync(s, tx, kind, id, expected, ct) is { } stale)
            {
                return stale;
            }

            // The use case's own WriteAsync joins this transaction.
            return await change(s) is { } refused ? refused : await load(s, id, tx, ct);
        }, ct);
        return Answer(http, result);
    }

    /// <summary>
    /// Creates a record and answers 201 with it. With an Idempotency-Key, the answer is stored in the create's
    /// transaction; a retry with the same key and request gets that answer again and creates nothing, and the same key
    /// with a different request is refused (422). The user's write lock makes concurrent retries wait for the first.
    /// </summary>
    public static async Task<Results<StoredResult<TJson>, ProblemHttpResult>> CreateAsync<TJson>(
        HttpContext http, CurrentPlanner planner, object body, Func<PlannerSession, Task<Result<long>>> create, Loader<TJson> load,
        Func<long, string> location, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(planner);
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(location);
        var key = http.Request.Headers[IdempotencyKeyHeader].ToString();
        if (http.Request.Headers.ContainsKey(IdempotencyKeyHeader) && !IsValidKey(key))
        {
            return ApiProblems.Status(StatusCodes.Status400BadRequest,
                $"An Idempotency-Key must be 1 to {MaxKeyLength} visible ASCII characters, like a UUID.");
        }

        var options = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var hash = RequestHash(http.Request, JsonSerializer.Serialize(body, body.GetType(), options));
        var s = await planner.OpenAsync(http.User, ct);
        var result = await s.Db.WriteAsync<(StoredResponse Response, string? ETag, bool Replayed)>(async tx =>
        {
            await s.Db.LockUserAsync(s.UserId, tx, ct);
            if (key.Length > 0 && await IdempotentRequests.FindAsync(s, tx, key, ct) is { } stored)
            {
                return (stored, null, true);
            }

            var created = await create(s);
            if (!created.IsOk)
            {
                return created.Error!;
            }

            var loaded = await load(s, created.Value, tx, ct);
            if (!loaded.IsOk)
            {
                return loaded.Error!;
            }

            var response = new StoredResponse(hash, StatusCodes.Status201Created, location(created.Value), JsonSerializer.Serialize(loaded.Value.Json, options));
            if (key.Length > 0)
            {
                await IdempotentRequests.SaveAsync(s, tx, key, response, ct);
            }

            return (response, Preconditions.ETag(loaded.Value.Version), false);
        }, ct);
        if (!result.IsOk)
        {
            return ApiProblems.For(result.Error!);
        }

        var (answer, etag, replayed) = result.Value;
        if (replayed && answer.RequestHash != hash)
        {
            return ApiProblems.Status(StatusCodes.Status422UnprocessableEntity,
                "This Idempotency-Key was already used for a different request: use a new key for a new request.");
        }

        await http.RequestServices.GetRequiredService<IdempotencyJanitor>().RunIfDueAsync(s.Db, ct);
        return new StoredResult<TJson>(answer.StatusCode, answer.Location, etag, answer.Body, replayed);
    }

    public static Results<Ok<TJson>, ProblemHttpResult> Answer<TJson>(HttpContext http, Result<Loaded<TJson>> result)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!result.IsOk)
        {
            return ApiProblems.For(result.Error!);
        }

        http.Response.Headers.ETag = Preconditions.ETag(result.Value.Version);
        return TypedResults.Ok(result.Value.Json);
    }

    /// <summary>The id of what a create use case made, or its error.</summary>
    public static Result<long> Id<T>(this Result<T> result, Func<T, long> id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return result.IsOk ? Result<long>.Ok(id(result.Value)) : Result<long>.Fail(result.Error!);
    }

    private static bool IsValidKey(string key) => key.Length is > 0 and <= MaxKeyLength && key.All(c => c is > ' ' and <= '~');

    // The same key may only repeat the same request: method, path and the body as the API read it (so formatting
    // differences in the JSON do not count as a different request).
    private static string RequestHash(HttpRequest request, string body) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{request.Method}\n{request.Path}\n{body}")));
}

/// <summary>Deletes every user's Idempotency-Keys older than a day, at most once an hour per server.</summary>
public sealed class IdempotencyJanitor(TimeProvider clock)
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);
    private DateTimeOffset _next = DateTimeOffset.MinValue;

    public async Task RunIfDueAsync(App.Storage.HeadwayDb db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (now < _next)
        {
            return;
        }

        _next = now + Every;
        await IdempotentRequests.PurgeAsync(db, now.UtcDateTime, ct);
    }
}
