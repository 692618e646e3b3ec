using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Headway.App.Notifications;

namespace Headway.Web.Notifications;

/// <summary>Webhook settings: <c>Headway:Webhooks:AllowPrivateNetworks</c> lets an administrator allow private addresses (a hook on the same network).</summary>
public sealed class WebhookSettings
{
    public const string Section = "Headway:Webhooks";

    public bool AllowPrivateNetworks { get; set; }
}

/// <summary>A post the receiver did not accept (a status other than 2xx), to retry later.</summary>
public sealed class WebhookRejectedException(string message) : Exception(message);

/// <summary>
/// Posts a notification to a webhook: JSON, signed (<see cref="WebhookSignature"/>), with an Idempotency-Key stable per
/// delivery. The connection itself checks the address it is about to reach, so a name that resolved to a public
/// address when the hook was added but to a private one now (DNS rebinding) is refused at send time too.
/// </summary>
public sealed class WebhookSender(HttpClient http, TimeProvider clock)
{
    public const string ClientName = "webhooks";

    /// <summary>The handler for the webhook client: no redirects (a redirect could lead anywhere), addresses checked at connect.</summary>
    public static SocketsHttpHandler Handler(bool allowPrivate) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = async (context, ct) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
            if (!allowPrivate && addresses.FirstOrDefault(a => !WebhookAddress.IsPublic(a)) is { } refused)
            {
                throw new HttpRequestException(WebhookAddress.Refused(new Uri($"http://{(host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host)}/"), refused).Message);
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    public async Task SendAsync(ClaimedDelivery delivery, string secret, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var body = JsonSerializer.SerializeToUtf8Bytes(new WebhookBody(
            delivery.NotificationId, delivery.Kind, delivery.Subject, delivery.Body, delivery.Link, delivery.CreatedAt), WebhookJson.Default.WebhookBody);
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Recipient) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(secret, clock.GetUtcNow().ToUnixTimeSeconds(), body));
        request.Headers.Add("Idempotency-Key", delivery.IdempotencyKey);
        request.Headers.UserAgent.ParseAdd("Headway-Webhooks/1");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new WebhookRejectedException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"The webhook answered {(int)response.StatusCode} {response.ReasonPhrase}."));
        }
    }

    public static string Describe(Exception e) => e switch
    {
        WebhookRejectedException => e.Message,
        HttpRequestException { InnerException: { } inner } => $"{e.Message} ({inner.Message})",
        TaskCanceledException => "The webhook did not answer within 10 seconds.",
        _ => e.Message,
    };
}

/// <summary>What a webhook receives: the notification, in camelCase JSON.</summary>
public sealed record WebhookBody(long Id, string Kind, string Subject, string Body, string? Link, DateTime CreatedAt);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
[System.Text.Json.Serialization.JsonSerializable(typeof(WebhookBody))]
internal sealed partial class WebhookJson : System.Text.Json.Serialization.JsonSerializerContext;
