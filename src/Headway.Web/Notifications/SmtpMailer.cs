using Headway.App.Notifications;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Headway.Web.Notifications;

/// <summary>Sends email through the configured SMTP server with MailKit, one connection per message.</summary>
public sealed class SmtpMailer(IOptions<SmtpSettings> options) : IMailer
{
    private readonly SmtpSettings _settings = options.Value;

    public bool IsConfigured => _settings.IsConfigured;

    public async Task SendAsync(MailMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!IsConfigured)
        {
            throw new InvalidOperationException("Email is not configured: set Headway:Smtp:Host before sending.");
        }

        using var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(_settings.From!));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        // A stable Message-Id per delivery: a resend after a crash mid-send is recognizably the same message.
        mime.MessageId = message.MessageId ?? MimeKit.Utils.MimeUtils.GenerateMessageId();
        mime.Body = new TextPart("plain") { Text = message.TextBody };

        using var client = new SmtpClient { Timeout = 30_000 };
        var security = _settings.SecurityMode switch
        {
            "none" => SecureSocketOptions.None,
            "tls" => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(_settings.Host!.Trim(), _settings.EffectivePort, security, ct);
        if (!string.IsNullOrWhiteSpace(_settings.User))
        {
            await client.AuthenticateAsync(_settings.User, _settings.Password ?? "", ct);
        }

        await client.SendAsync(mime, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
