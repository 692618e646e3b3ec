namespace Headway.Core.Analysis;

/// <summary>The fixed set of signals the analyzer reports (DESIGN.md).</summary>
public enum SignalCode
{
    /// <summary>A stated amount of real work: "1,000 words", "30 minutes".</summary>
    SpecificOutcome,
    /// <summary>Making something: write, draft, build, paint.</summary>
    Creation,
    /// <summary>A request or invitation to a specific person.</summary>
    Outreach,
    /// <summary>Putting work or oneself in front of others: submit, publish, perform.</summary>
    Exposure,
    /// <summary>A commitment with a date or to others: sign up, register, book, schedule.</summary>
    Commitment,
    /// <summary>Deliberate practice or training.</summary>
    Practice,
    /// <summary>Finishing or delivering something.</summary>
    Completion,
    /// <summary>A date or time bound: "by fri".</summary>
    Deadline,
    /// <summary>Reading, watching, listening, browsing, liking, following.</summary>
    Consumption,
    /// <summary>Buying gear, apps or courses.</summary>
    Acquisition,
    /// <summary>Intending or wishing: "try to", "think about".</summary>
    Intention,
    /// <summary>Research, planning or organizing with no output.</summary>
    Preparation,
    /// <summary>Connecting without follow-up.</summary>
    PassiveConnection,
    /// <summary>Perfecting small details.</summary>
    Polishing,
    /// <summary>No checkable result.</summary>
    Vague,
}
