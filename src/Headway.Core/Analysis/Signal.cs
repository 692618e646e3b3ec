namespace Headway.Core.Analysis;

/// <summary>One piece of evidence behind a verdict: the kind of signal and the words that triggered it.</summary>
public sealed record Signal(SignalCode Code, string Evidence);
