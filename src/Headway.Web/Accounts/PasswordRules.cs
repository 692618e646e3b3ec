using System.Reflection;
using Headway.App.Storage;
using Microsoft.AspNetCore.Identity;

namespace Headway.Web.Accounts;

/// <summary>
/// What Identity's own options cannot say: a password of at most 128 characters (long passphrases are welcome, unbounded
/// input is not) that is not one of the commonly used passwords (Accounts/common-passwords.txt) nor the account's email.
/// </summary>
public sealed class PasswordRules : IPasswordValidator<HeadwayIdentityUser>
{
    public const int MinLength = 12;
    public const int MaxLength = 128;

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommon);

    public Task<IdentityResult> ValidateAsync(UserManager<HeadwayIdentityUser> manager, HeadwayIdentityUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (password is null)
        {
            return Task.FromResult(IdentityResult.Success);
        }

        if (password.Length > MaxLength)
        {
            return Fail("TooLong", $"Use at most {MaxLength} characters.");
        }

        if (IsCommon(password))
        {
            return Fail("Common", "That password is one of the most commonly used ones: pick another (a few unrelated words work well).");
        }

        return string.Equals(password.Trim(), user.Email, StringComparison.OrdinalIgnoreCase)
            ? Fail("SameAsEmail", "Do not use your email address as the password.")
            : Task.FromResult(IdentityResult.Success);
    }

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim());

    private static Task<IdentityResult> Fail(string code, string description) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code, Description = description }));

    private static HashSet<string> LoadCommon()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt is missing from the build.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line.Trim());
            }
        }

        return set;
    }
}
