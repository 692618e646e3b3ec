namespace Headway.Core.Analysis;

/// <summary>The analyzer's judgement of one action.</summary>
public enum Verdict
{
    /// <summary>An active step that leaves a specific, checkable result or change.</summary>
    Meaningful,

    /// <summary>Consuming, acquiring, intending, preparing or polishing without a checkable output.</summary>
    Passive,
}
