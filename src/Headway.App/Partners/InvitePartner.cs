using Headway.App.Notifications;
using Headway.Core;
using Headway.Core.Partners;
using MailAddress = System.Net.Mail.MailAddress;

namespace Headway.App.Partners;

/// <summary>A new invitation and its link (shown once: only its hash is kept), and whether it went out by email.</summary>
public sealed record NewInvitation(Invitation Invitation, string Link, bool Emailed, string? EmailProblem);

/// <summary>
/// Invites an accountability partner: a single-use link that works for seven days and can be revoked. With an email
/// address and a configured mailer the link is sent; otherwise it is returned for the user to pass on themselves.
/// </summary>
public static class InvitePartner
{
    /// <summary>More unused links than this at once is a mistake or abuse, not a way to find a partner.</summary>
    public const int MaxPending = 20;

    public static async Task<Result<NewInvitation>> RunAsync(
        PlannerSession s, string? email, string baseUrl, IMailer? mailer, CancellationToken ct)
    {
        var address = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        if (address is not null && (address.Length > 256 || !MailAddress.TryCreate(address, out var parsed) || parsed.Address != address))
        {
            return Error.Invalid($"'{PartnerQueries.Shorten(address)}' is not an email address: give one like sam@example.com, or none to copy the link yourself.");
        }

        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var root) || (root.Scheme != Uri.UriSchemeHttp && root.Scheme != Uri.UriSchemeHttps)
            || root.Query.Length > 0 || root.Fragment.Length > 0)
        {
            return Error.Invalid($"'{PartnerQueries.Shorten(baseUrl)}' is not the web app's address: give one like https://headway.example.org.");
        }

        var token = InvitationQueries.NewToken();
        var created = await s.Db.WriteAsync<Invitation>(async tx =>
        {
            await s.Db.LockUserAsync(s.UserId, tx, ct);
            var pending = await s.Db.LongAsync(
                "SELECT COUNT(*) FROM invitations WHERE user_id = @u AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > @now", tx, ct,
                ("u", s.UserId), ("now", s.NowUtc));
            if (pending >= MaxPending)
            {
                return Error.Refused($"You have {pending} unused invitations: revoke some (`headway partner list`) before sending more.");
            }

            var now = s.NowUtc;
            var id = await s.Db.LongAsync(
                "INSERT INTO invitations (user_id, token_hash, email, created_at, expires_at) VALUES (@u, @h, @e, @now, @exp) RETURNING id", tx, ct,
                ("u", s.UserId), ("h", InvitationQueries.Hash(token)), ("e", address), ("now", now), ("exp", now + Invitation.Lifetime));
            return new Invitation(id, s.UserId, address, now, now + Invitation.Lifetime, null, null, null);
        }, ct);
        if (!created.IsOk)
        {
            return created.Error!;
        }

        var link = $"{root.GetLeftPart(UriPartial.Path).TrimEnd('/')}/invitations/{token}";
        if (address is null || mailer is not { IsConfigured: true })
        {
            return new NewInvitation(created.Value, link, false, null);
        }

        try
        {
            await mailer.SendAsync(new MailMessage(address, $"{s.User.Name} asks you to be their accountability partner", Letter(s.User.Name, link)), ct);
            return new NewInvitation(created.Value, link, true, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The invitation stands; the user can still pass the link on by hand.
            return new NewInvitation(created.Value, link, false, $"The email could not be sent ({e.Message.Split('\n')[0].TrimEnd('.')}): copy the link and send it yourself.");
        }
    }

    private static string Letter(string name, string link) =>
        $"""
        Hello,

        {name} is working toward a few goals on Headway and asks you to hold them accountable: you would see the goals
        they share with you, their firm dates and the outcomes they deliver, and you could cheer, nudge, verify an outcome,
        and approve or deny a request to loosen a locked deadline.

        Accept here (the link works once, for 7 days):
        {link}

        If you were not expecting this, ignore this email.
        """;
}
