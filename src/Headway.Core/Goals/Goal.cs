namespace Headway.Core.Goals;

/// <summary>The life area a goal belongs to.</summary>
public enum GoalArea
{
    /// <summary>Work and job search.</summary>
    Career,
    /// <summary>Writing projects.</summary>
    Writing,
    /// <summary>Training and sport.</summary>
    Fitness,
    /// <summary>Meeting people, growing a network.</summary>
    Networking,
    /// <summary>Study and skills.</summary>
    Learning,
    /// <summary>Art, music and other making.</summary>
    Creative,
    /// <summary>Body and mind.</summary>
    Health,
    /// <summary>Money.</summary>
    Finance,
    /// <summary>Family, friends, partners.</summary>
    Relationships,
    /// <summary>Anything else.</summary>
    Other,
}

/// <summary>Where a goal stands. Only active goals count toward the cap.</summary>
public enum GoalStatus
{
    /// <summary>Being worked on; counts toward the cap of five.</summary>
    Active,
    /// <summary>Set aside for now.</summary>
    Paused,
    /// <summary>Reached.</summary>
    Achieved,
    /// <summary>Given up on purpose.</summary>
    Dropped,
}

/// <summary>A measurable amount: 80,000 words, 5 km, 30 minutes.</summary>
public sealed record Quantity(double Amount, string Unit)
{
    /// <summary>"80,000 words", "1.5 hours".</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Amount:#,0.##} {Unit}");
}

/// <summary>A big-picture aim.</summary>
public sealed record Goal(
    long Id,
    string Title,
    string? Why,
    GoalArea Area,
    GoalStatus Status,
    Quantity? Target,
    DateOnly? TargetDate,
    DateTime CreatedAt,
    int Version = 1);
