using System.Security.Cryptography;
using System.Text;
using Headway.App.Storage;

namespace Headway.App.Users;

/// <summary>
/// Counts sign-in attempts per key in fixed wall-clock minutes, in the database: several instances behind a load
/// balancer share one count, so spreading guesses over them gains nothing. An attempt is counted before it is checked,
/// refused ones included; a minute's rows are purged once they can no longer matter.
/// </summary>
public static class SignInCounters
{
    private const string Count = """
        INSERT INTO sign_in_counters (key_hash, minute, attempts) VALUES (@k, @m, 1)
        ON CONFLICT (key_hash, minute) DO UPDATE SET attempts = sign_in_counters.attempts + 1
        RETURNING attempts
        """;

    /// <summary>Counts one attempt at each key and returns each key's attempts in the current minute, in order.</summary>
    public static async Task<int[]> CountAsync(HeadwayDb db, IReadOnlyList<string> keys, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(keys);
        var minute = MinuteOf(now);
        var counted = await db.WriteAsync<int[]>(async tx =>
        {
            var attempts = new int[keys.Count];
            for (var i = 0; i < keys.Count; i++)
            {
                attempts[i] = (int)await db.LongAsync(Count, tx, ct, ("k", Hash(keys[i])), ("m", minute));
            }

            // The first attempt of a minute clears the minutes before the last one; their counts can refuse nothing.
            if (attempts.Contains(1))
            {
                await db.ExecuteAsync("DELETE FROM sign_in_counters WHERE minute < @m", tx, ct, ("m", minute - 1));
            }

            return attempts;
        }, ct);
        return counted.Value;
    }

    /// <summary>How long until the current minute's counts end.</summary>
    public static TimeSpan UntilNextMinute(DateTimeOffset now) =>
        DateTimeOffset.FromUnixTimeSeconds((MinuteOf(now) + 1) * 60) - now;

    private static long MinuteOf(DateTimeOffset now) => now.ToUnixTimeSeconds() / 60;

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
