using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Headway.Web.Hosting;

/// <summary>
/// <c>Headway:PublicUrl</c>: the address people reach this server at (https://plans.example.org behind a reverse
/// proxy). Environment variable <c>Headway__PublicUrl</c>.
/// </summary>
public sealed class PublicUrlSettings
{
    public string? PublicUrl { get; set; }

    /// <summary>A PublicUrl that cannot make links stops the server at start with one sentence.</summary>
    public sealed class Validation : IValidateOptions<PublicUrlSettings>
    {
        public ValidateOptionsResult Validate(string? name, PublicUrlSettings options)
        {
            ArgumentNullException.ThrowIfNull(options);
            return string.IsNullOrWhiteSpace(options.PublicUrl) || PublicAddress.Parse(options.PublicUrl) is not null
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    $"Headway:PublicUrl '{options.PublicUrl}' is not a web address: give the scheme and host people use, like https://plans.example.org.");
        }
    }
}

/// <summary>
/// Makes the links that leave the app (in emails, webhook posts and invitations) absolute. Their base is
/// <c>Headway:PublicUrl</c> when set; otherwise the address of the request being answered, or, for work that has no
/// request (the delivery worker), the first address this server listens on — http://127.0.0.1:5080 on a laptop.
/// </summary>
public sealed class PublicAddress(IOptions<PublicUrlSettings> settings, IServer server)
{
    /// <summary>The base of absolute links; <paramref name="request"/> when there is one and no PublicUrl is set.</summary>
    public Uri Base(HttpRequest? request = null)
    {
        if (Parse(settings.Value.PublicUrl) is { } configured)
        {
            return configured;
        }

        if (request is not null)
        {
            return new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
        }

        // A wildcard listening address (http://+:80, http://0.0.0.0:80, http://[::]:80) names no host to link to.
        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? ServerDefaults.Url;
        var address = new UriBuilder(listening.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (address.Host is "0.0.0.0" or "[::]" or "::")
        {
            address.Host = "localhost";
        }

        return Parse(address.Uri.ToString()) ?? new Uri(ServerDefaults.Url + "/");
    }

    /// <summary>An app path like <c>/people/3</c> as an absolute link; an absolute link stays as it is; null stays null.</summary>
    public string? Absolute(string? link, HttpRequest? request = null) =>
        // On Unix "/people/3" parses as an absolute file: URI, so only http(s) counts as a link that is already absolute.
        link is null || (Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            ? link
            : new Uri(Base(request), link.TrimStart('/')).ToString();

    /// <summary>An absolute http(s) address without query or fragment, ending in a slash so paths append to it.</summary>
    internal static Uri? Parse(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Query.Length == 0 && uri.Fragment.Length == 0
            ? new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/")
            : null;
}
