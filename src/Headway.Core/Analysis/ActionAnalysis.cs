namespace Headway.Core.Analysis;

/// <summary>The analyzer's result for one action text.</summary>
/// <param name="Text">The text analyzed, unchanged.</param>
/// <param name="Verdict">Meaningful or passive; meaningful exactly when <paramref name="Score"/> is at least 50.</param>
/// <param name="Score">0–100; how strongly the text reads as progress rather than busy work.</param>
/// <param name="Outcome">The measurable amount the text states, or null.</param>
/// <param name="Signals">The reasons for the verdict, each with its evidence, in text order.</param>
/// <param name="Suggestion">A meaningful rewrite for a passive verdict; null exactly when meaningful.</param>
public sealed record ActionAnalysis(
    string Text,
    Verdict Verdict,
    int Score,
    Outcome? Outcome,
    IReadOnlyList<Signal> Signals,
    string? Suggestion)
{
    /// <summary>True when the action is outside the comfort zone: it carries an outreach or exposure signal.</summary>
    public bool IsStretch { get; } = HasStretchSignal(Signals);

    private static bool HasStretchSignal(IReadOnlyList<Signal>? signals)
    {
        if (signals is null)
        {
            return false;
        }

        foreach (var signal in signals)
        {
            if (signal.Code is SignalCode.Outreach or SignalCode.Exposure)
            {
                return true;
            }
        }

        return false;
    }
}
