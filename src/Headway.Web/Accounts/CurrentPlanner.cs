using System.Security.Claims;
using Headway.App;
using Headway.App.Storage;
using Headway.App.Users;

namespace Headway.Web.Accounts;

/// <summary>
/// The signed-in person's planner for one request: one connection, their user and calendar, and what time did since
/// their last visit (Housekeeping). Every use case called with it is scoped to that user.
/// </summary>
public sealed class CurrentPlanner(HeadwayDataSource source, TimeProvider clock) : IAsyncDisposable
{
    private HeadwayDb? _db;
    private PlannerSession? _session;
    private UserContext? _adopted;
    private (long UserId, HousekeepingDue Due)? _expected;

    /// <summary>
    /// Takes over a connection the request already opened, with the user it already read (the API's token check
    /// reads the token and its user in one query), so that the planner opens no second connection and reads the user
    /// no second time. The planner disposes the connection. False (the caller keeps it) when one is already open.
    /// </summary>
    public bool Adopt(HeadwayDb db, UserContext user)
    {
        if (_db is not null)
        {
            return false;
        }

        _db = db;
        _adopted = user;
        return true;
    }

    /// <summary>
    /// What the session or token check read, with the user, of when their housekeeping has work: opening the planner
    /// then asks the database nothing more when there is none (nearly always).
    /// </summary>
    public void Expect(long userId, HousekeepingDue due) => _expected = (userId, due);

    public async Task<PlannerSession> OpenAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        if (_session is not null)
        {
            return _session;
        }

        // The fallback authorization policy lets no request without this claim reach a page or endpoint.
        var userId = AccountClaims.UserId(principal)
            ?? throw new InvalidOperationException("The request has no Headway user: is the page missing the authorization policy?");
        _db ??= await source.OpenAsync(ct);
        var user = _adopted?.UserId == userId
            ? _adopted
            : await LocalOwner.LoadAsync(_db, ct, userId) ?? throw new InvalidOperationException($"The account's Headway user {userId} does not exist.");
        _session = new PlannerSession(_db, user, clock);
        await Housekeeping.RunAsync(_session, _expected?.UserId == userId ? _expected.Value.Due : null, ct);
        return _session;
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }
}
