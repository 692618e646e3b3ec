using Headway.App.Storage;
using Headway.App.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Headway.Web.Accounts;

/// <summary>
/// Creates accounts: the owner on first run, linked to the local owner's row (the command line's data, or a new row),
/// and later accounts for people of their own. There is no public registration: other accounts come by invitation.
/// </summary>
public sealed class AccountSetup(HeadwayDataSource source, TimeProvider clock)
{
    private volatile bool _ownerExists;

    /// <summary>True once any account exists: the first-run setup page is then gone.</summary>
    public async Task<bool> OwnerExistsAsync(CancellationToken ct)
    {
        if (!_ownerExists)
        {
            await using var db = await source.OpenAsync(ct);
            _ownerExists = await db.LongAsync("SELECT COUNT(*) FROM identity_users", null, ct) > 0;
        }

        return _ownerExists;
    }

    public async Task<IdentityResult> CreateOwnerAsync(UserManager<HeadwayIdentityUser> users, string email, string password, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(users);
        if (await OwnerExistsAsync(ct))
        {
            return AlreadySetUp;
        }

        long userId;
        await using (var db = await source.OpenAsync(ct))
        {
            userId = (await LocalOwner.EnsureAsync(db, clock, ct)).UserId;
        }

        try
        {
            var result = await users.CreateAsync(new HeadwayIdentityUser { UserName = email.Trim(), Email = email.Trim(), UserId = userId }, password);
            _ownerExists = result.Succeeded;
            return result;
        }
        catch (DbUpdateException)
        {
            // Two first-run forms sent at once: the unique link to the owner's row lets only one of them through.
            _ownerExists = true;
            return AlreadySetUp;
        }
    }

    /// <summary>An account for a new person, with an empty planner of their own.</summary>
    public async Task<(IdentityResult Result, HeadwayIdentityUser? Account)> CreatePersonAsync(
        UserManager<HeadwayIdentityUser> users, string name, string email, string password, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(users);
        var account = new HeadwayIdentityUser { UserName = email.Trim(), Email = email.Trim() };
        // Check the password before creating the user row, so a refused password leaves nothing behind.
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, account, password);
            if (!check.Succeeded)
            {
                return (check, null);
            }
        }

        await using (var db = await source.OpenAsync(ct))
        {
            account.UserId = (await AddUser.RunAsync(db, name, clock, ct)).UserId;
        }

        var result = await users.CreateAsync(account, password);
        return (result, result.Succeeded ? account : null);
    }

    private static IdentityResult AlreadySetUp =>
        IdentityResult.Failed(new IdentityError { Code = "AlreadySetUp", Description = "Headway is already set up: sign in instead." });
}
