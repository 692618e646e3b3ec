using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Headway.App.Notifications;

/// <summary>
/// The <c>Headway-Signature</c> header of a webhook post: <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256&gt;</c>, the
/// HMAC keyed with the webhook's secret over "t.body" (the raw bytes as sent). Signing the time as well lets a
/// receiver refuse an old post replayed later.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "Headway-Signature";

    public static string Sign(string secret, long unixSeconds, ReadOnlySpan<byte> body) =>
        string.Create(CultureInfo.InvariantCulture, $"t={unixSeconds},v1={Convert.ToHexStringLower(Mac(secret, unixSeconds, body))}");

    /// <summary>True when the header is well formed, its MAC matches and its time is within <paramref name="tolerance"/> of now.</summary>
    public static bool Verify(string secret, string? header, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        long? time = null;
        byte[]? given = null;
        foreach (var part in (header ?? "").Split(',', StringSplitOptions.TrimEntries))
        {
            if (part.StartsWith("t=", StringComparison.Ordinal) && long.TryParse(part[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var t))
            {
                time = t;
            }
            else if (part.StartsWith("v1=", StringComparison.Ordinal) && part.Length == 3 + 64)
            {
                try
                {
                    given = Convert.FromHexString(part[3..]);
                }
                catch (FormatException)
                {
                    return false;
                }
            }
        }

        return time is { } at && given is not null
            && Math.Abs(now.ToUnixTimeSeconds() - at) <= tolerance.TotalSeconds
            && CryptographicOperations.FixedTimeEquals(given, Mac(secret, at, body));
    }

    private static byte[] Mac(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(unixSeconds.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
    }
}
