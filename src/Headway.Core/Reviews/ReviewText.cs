using System.Globalization;

namespace Headway.Core.Reviews;

/// <summary>Culture-invariant wording shared by the review's evidence and notes.</summary>
internal static class ReviewText
{
    private const int MaxQuoted = 60;

    /// <summary>An action's or goal's text in quotes, cut to about 60 characters so a sentence stays readable.</summary>
    public static string Quote(string text)
    {
        var t = text.Trim();
        if (t.Length > MaxQuoted)
        {
            var cut = t.LastIndexOf(' ', MaxQuoted - 1);
            t = string.Concat(t.AsSpan(0, cut > MaxQuoted / 2 ? cut : MaxQuoted - 1).TrimEnd(), "…");
        }

        return $"“{t}”";
    }

    /// <summary>Up to three quoted texts, then "and N more".</summary>
    public static string QuoteSome(IReadOnlyList<string> texts)
    {
        var shown = string.Join(", ", texts.Take(3).Select(Quote));
        return texts.Count > 3 ? string.Create(CultureInfo.InvariantCulture, $"{shown} and {texts.Count - 3} more") : shown;
    }

    /// <summary>"3 of 5 (60%)".</summary>
    public static string Share(int part, int whole) =>
        string.Create(CultureInfo.InvariantCulture, $"{part} of {whole} ({Percent(part, whole)}%)");

    public static int Percent(int part, int whole) => whole == 0 ? 0 : (int)Math.Round(100.0 * part / whole, MidpointRounding.AwayFromZero);

    public static string Times(int n) => n == 1 ? "once" : string.Create(CultureInfo.InvariantCulture, $"{n} times");

    public static string Plural(int n, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {(n == 1 ? one : many)}");

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
