using Headway.Web.Notifications;

namespace Headway.Web.Hosting;

/// <summary>
/// The settings a typo in would otherwise surface late (at the first email, the first link) or as a stack trace:
/// checked before the server builds anything, so a bad value stops it with one sentence and exit code 2.
/// </summary>
public static class StartupSettings
{
    public const int ExitCode = 2;

    /// <summary>What is wrong with the settings, as one sentence, or null when the server can start.</summary>
    public static string? Problem(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        try
        {
            var smtp = new SmtpSettingsValidation().Validate(null, configuration.GetSection(SmtpSettings.Section).Get<SmtpSettings>() ?? new());
            if (smtp.Failed)
            {
                return smtp.FailureMessage;
            }

            var publicUrl = new PublicUrlSettings.Validation().Validate(null, configuration.GetSection("Headway").Get<PublicUrlSettings>() ?? new());
            return publicUrl.Failed ? publicUrl.FailureMessage : TrustedProxies.Problem(configuration);
        }
        catch (InvalidOperationException e)
        {
            // The binder's own message names the key and the type, like "Failed to convert configuration value 'abc'
            // at 'Headway:Smtp:Port' to type 'System.Nullable`1[System.Int32]'."
            return e.Message;
        }
    }
}
