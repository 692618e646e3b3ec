using System.Collections.Concurrent;
using System.Net;
using Headway.App.Notifications;

namespace Headway.Web.Tests.Hosting;

/// <summary>One post a webhook listener received, and whether its signature checked out against the secret.</summary>
public sealed record ReceivedPost(string Body, string? Signature, string? IdempotencyKey, bool SignatureValid);

/// <summary>An HTTP listener on a free loopback port that receives webhook posts and checks their signatures.</summary>
public sealed class WebhookListener : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public WebhookListener()
    {
        Port = SmtpSink.FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/hook";

    /// <summary>The secret to check signatures with (set once the webhook is added).</summary>
    public string? Secret { get; set; }

    /// <summary>The status to answer with (200 unless a test wants the receiver to fail).</summary>
    public int Status { get; set; } = 200;

    public ConcurrentQueue<ReceivedPost> Posts { get; } = new();

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var bytes = body.ToArray();
            var signature = context.Request.Headers[WebhookSignature.Header];
            var valid = Secret is not null && WebhookSignature.Verify(Secret, signature, bytes, DateTimeOffset.UtcNow, TimeSpan.FromDays(3650));
            Posts.Enqueue(new ReceivedPost(System.Text.Encoding.UTF8.GetString(bytes), signature, context.Request.Headers["Idempotency-Key"], valid));
            context.Response.StatusCode = Status;
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
