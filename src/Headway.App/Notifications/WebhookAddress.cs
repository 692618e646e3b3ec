using System.Net;
using System.Net.Sockets;
using Headway.Core;

namespace Headway.App.Notifications;

/// <summary>
/// Which addresses a webhook may reach. Posting wherever a user asks would let anyone with an account probe the
/// server's own network (server-side request forgery), so loopback, private, link-local, unique-local and other
/// non-public ranges are refused unless an administrator allows private networks
/// (<c>Headway:Webhooks:AllowPrivateNetworks</c>). Checked when a webhook is added and again at every connection,
/// since a name can resolve to a public address today and a private one tomorrow (DNS rebinding).
/// </summary>
public static class WebhookAddress
{
    /// <summary>Parses a webhook URL: absolute http(s), a host, no user name or password, at most 2,000 characters.</summary>
    public static Result<Uri> ParseUrl(string? text)
    {
        var value = text?.Trim() ?? "";
        if (value.Length == 0)
        {
            return Error.Invalid("Give the webhook's URL, like https://hooks.example.org/headway.");
        }

        if (value.Length > 2000 || !Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || string.IsNullOrEmpty(uri.Host))
        {
            return Error.Invalid("The webhook URL is not valid: use an http:// or https:// address, like https://hooks.example.org/headway.");
        }

        if (uri.UserInfo.Length > 0)
        {
            return Error.Invalid("The webhook URL must not hold a user name or password: the signature authenticates each post.");
        }

        return uri;
    }

    /// <summary>
    /// Resolves the URL's host and refuses it when any of its addresses is not public (one private answer is enough
    /// for a rebinding attack to pick it).
    /// </summary>
    public static async Task<Result<Uri>> CheckAsync(Uri uri, bool allowPrivate, Func<string, CancellationToken, Task<IPAddress[]>> resolve, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(resolve);
        if (allowPrivate)
        {
            return uri;
        }

        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(uri.IdnHost, out var literal) ? [literal] : await resolve(uri.IdnHost, ct);
        }
        catch (SocketException)
        {
            return Error.Invalid($"The webhook's host {uri.Host} could not be resolved: check the address.");
        }

        if (addresses.Length == 0)
        {
            return Error.Invalid($"The webhook's host {uri.Host} could not be resolved: check the address.");
        }

        return addresses.FirstOrDefault(a => !IsPublic(a)) is { } refused ? Refused(uri, refused) : uri;
    }

    public static Error Refused(Uri uri, IPAddress address) => Error.Refused(
        $"The webhook address {uri.Host} resolves to {address}, a loopback, private or link-local address, which Headway does not post to: use a public address, or ask the administrator to set Headway:Webhooks:AllowPrivateNetworks.");

    /// <summary>True for an address on the public internet; false for loopback, private, link-local, unique-local, shared, multicast, documentation and reserved ranges.</summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0                                   // "this network"
                || b[0] == 10                                   // private
                || b[0] == 127                                  // loopback
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)   // carrier-grade NAT (shared)
                || (b[0] == 169 && b[1] == 254)                 // link-local (cloud metadata lives here)
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)    // private
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)      // IETF protocol assignments
                || (b[0] == 192 && b[1] == 0 && b[2] == 2)      // documentation
                || (b[0] == 192 && b[1] == 168)                 // private
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19))  // benchmarking
                || (b[0] == 198 && b[1] == 51 && b[2] == 100)   // documentation
                || (b[0] == 203 && b[1] == 0 && b[2] == 113)    // documentation
                || b[0] >= 224);                                // multicast, reserved, broadcast
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        var v6 = address.GetAddressBytes();
        return !(IPAddress.IPv6Loopback.Equals(address) || IPAddress.IPv6None.Equals(address)
            || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal
            || address.IsIPv6Teredo || address.IsIPv4MappedToIPv6
            || (v6[0] == 0x20 && v6[1] == 0x01 && v6[2] == 0x0d && v6[3] == 0xb8)   // documentation 2001:db8::/32
            || (v6[0] == 0x00 && v6[1] == 0x64 && v6[2] == 0xff && v6[3] == 0x9b)   // NAT64 64:ff9b::/96 reaches IPv4 inside
            || (v6[0] & 0xe0) != 0x20);                                             // only 2000::/3 is global unicast
    }
}
