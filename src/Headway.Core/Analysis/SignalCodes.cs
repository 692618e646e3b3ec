namespace Headway.Core.Analysis;

/// <summary>Conversions between <see cref="SignalCode"/> and its kebab-case wire code.</summary>
public static class SignalCodes
{
    private static readonly string[] Codes =
    [
        "specific-outcome", "creation", "outreach", "exposure", "commitment", "practice", "completion", "deadline",
        "consumption", "acquisition", "intention", "preparation", "passive-connection", "polishing", "vague",
    ];

    /// <summary>The wire code, e.g. <c>specific-outcome</c> or <c>passive-connection</c>.</summary>
    public static string ToCode(this SignalCode code)
    {
        var index = (int)code;
        return (uint)index < (uint)Codes.Length ? Codes[index] : "vague";
    }

    /// <summary>Parses a wire code (case-insensitive, surrounding spaces ignored); false for null or unknown text.</summary>
    public static bool TryParse(string? code, out SignalCode value)
    {
        var trimmed = code.AsSpan().Trim();
        for (var i = 0; i < Codes.Length; i++)
        {
            if (trimmed.Equals(Codes[i], StringComparison.OrdinalIgnoreCase))
            {
                value = (SignalCode)i;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>True for the codes that count toward a meaningful verdict (specific-outcome … deadline).</summary>
    public static bool IsMeaningfulSide(this SignalCode code) => code <= SignalCode.Deadline;
}
