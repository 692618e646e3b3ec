using Microsoft.Extensions.Options;
using MimeKit;

namespace Headway.Web.Notifications;

/// <summary>
/// The SMTP server mail goes through: <c>Headway:Smtp:Host|Port|Security|User|Password|From</c> in configuration
/// (environment variables <c>Headway__Smtp__Host</c> and so on). Without a host, email is off.
/// </summary>
public sealed class SmtpSettings
{
    public const string Section = "Headway:Smtp";

    public string? Host { get; set; }

    public int? Port { get; set; }

    /// <summary>none, starttls (the default) or tls (implicit TLS, usually port 465).</summary>
    public string? Security { get; set; }

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, "Headway &lt;headway@example.org&gt;" or a bare address.</summary>
    public string? From { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public string SecurityMode => string.IsNullOrWhiteSpace(Security) ? "starttls" : Security.Trim().ToLowerInvariant();

    public int EffectivePort => Port ?? SecurityMode switch
    {
        "tls" => 465,
        "none" => 25,
        _ => 587,
    };
}

/// <summary>Checks the SMTP settings when the server starts, so a typo is one clear sentence at start and not a silent failure at the first email.</summary>
public sealed class SmtpSettingsValidation : IValidateOptions<SmtpSettings>
{
    public ValidateOptionsResult Validate(string? name, SmtpSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsConfigured)
        {
            return string.IsNullOrWhiteSpace(options.From) && string.IsNullOrWhiteSpace(options.User)
                ? ValidateOptionsResult.Success
                : Fail("Headway:Smtp has settings but no Host: set Headway:Smtp:Host to the SMTP server's name, or remove the other Smtp settings to turn email off.");
        }

        if (options.Host!.Trim().Contains(' ', StringComparison.Ordinal) || Uri.CheckHostName(options.Host.Trim()) == UriHostNameType.Unknown)
        {
            return Fail($"Headway:Smtp:Host '{options.Host}' is not a host name: give a name like smtp.example.org or an IP address, without a scheme or port.");
        }

        if (options.Port is { } port && (port < 1 || port > 65535))
        {
            return Fail($"Headway:Smtp:Port {port} is not a port: use a number from 1 to 65535 (usually 587 with starttls, 465 with tls).");
        }

        if (options.SecurityMode is not ("none" or "starttls" or "tls"))
        {
            return Fail($"Headway:Smtp:Security '{options.Security}' is not known: use none, starttls or tls.");
        }

        if (string.IsNullOrWhiteSpace(options.From) || !MailboxAddress.TryParse(options.From, out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
        {
            return Fail("Headway:Smtp:From is missing or not an email address: set it to the sender, like Headway <headway@example.org>.");
        }

        if (!string.IsNullOrWhiteSpace(options.User) && string.IsNullOrEmpty(options.Password))
        {
            return Fail("Headway:Smtp:User is set but Headway:Smtp:Password is not: set both, or neither for a server that needs no sign-in.");
        }

        return ValidateOptionsResult.Success;
    }

    private static ValidateOptionsResult Fail(string message) => ValidateOptionsResult.Fail(message);
}
