using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Headway.Web.Hosting;

/// <summary>
/// <c>Headway:TrustedProxies</c> (environment variable <c>Headway__TrustedProxies</c>): the reverse proxies or load
/// balancers in front of the server, as addresses or CIDR networks separated by commas. Only a request that arrives
/// from one of them has its <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> believed, so the sign-in throttle counts
/// visitors, not the proxy, and cookies are Secure behind TLS; a visitor who writes those headers themselves, straight
/// to the server, changes nothing.
/// </summary>
public static class TrustedProxies
{
    public const string Setting = "Headway:TrustedProxies";

    /// <summary>What is wrong with the setting, as one sentence, or null.</summary>
    public static string? Problem(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var entry in Entries(configuration[Setting]))
        {
            if (Parse(entry) is null)
            {
                return $"{Setting} '{entry}' is not an address or network: list the proxies' addresses or CIDR networks, separated by commas, like 10.0.0.5, 10.0.1.0/24.";
            }
        }

        return null;
    }

    /// <summary>Believes forwarded headers from the trusted proxies only; without the setting, from no one. Goes first.</summary>
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        var networks = Entries(app.Configuration[Setting]).Select(entry => Parse(entry)!.Value).ToList();
        if (networks.Count == 0)
        {
            return app;
        }

        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            // Through a chain of trusted proxies back to the first address that is not one: the visitor.
            ForwardLimit = null,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var network in networks)
        {
            options.KnownIPNetworks.Add(network);
        }

        app.UseForwardedHeaders(options);
        return app;
    }

    private static string[] Entries(string? setting) =>
        (setting ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static System.Net.IPNetwork? Parse(string entry)
    {
        if (entry.Contains('/', StringComparison.Ordinal))
        {
            return System.Net.IPNetwork.TryParse(entry, out var network) ? network : null;
        }

        return IPAddress.TryParse(entry, out var address)
            ? new System.Net.IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128)
            : null;
    }
}
