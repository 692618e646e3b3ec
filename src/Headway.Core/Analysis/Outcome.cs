namespace Headway.Core.Analysis;

/// <summary>A measurable amount stated by an action ("1,000 words" is 1000 <c>words</c>).</summary>
/// <param name="Quantity">The amount, e.g. 1000 or 0.5.</param>
/// <param name="Unit">A lowercase plural noun, normalized: <c>minutes</c>, <c>hours</c>, <c>km</c>, <c>pages</c>, <c>usd</c>.</param>
/// <param name="Phrase">The words that state it, as they appear in the text.</param>
public sealed record Outcome(double Quantity, string Unit, string Phrase);
