namespace Headway.App.Notifications;

/// <summary>An email to send. <paramref name="MessageId"/>, when given, is stable per delivery so a resend can be recognized.</summary>
public sealed record MailMessage(string To, string Subject, string TextBody, string? MessageId = null);

/// <summary>Sends email over the configured SMTP server. When none is configured, <see cref="IsConfigured"/> is false and callers show the link or text instead.</summary>
public interface IMailer
{
    bool IsConfigured { get; }

    Task SendAsync(MailMessage message, CancellationToken ct);
}
