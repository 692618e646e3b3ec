namespace Headway.Core.Goals;

/// <summary>One reflective question of goal discovery, with an example that makes it easier to answer.</summary>
/// <param name="Text">The question.</param>
/// <param name="Example">A nudge in the essay's spirit.</param>
public sealed record DiscoveryQuestion(string Text, string Example);

/// <summary>
/// Goal discovery: the essay's "spend an afternoon journaling", in a few minutes. A few questions whose answers
/// become the raw material of 3–5 goals, then one action for each that can be done right now.
/// </summary>
public static class Discovery
{
    /// <summary>The questions, asked in this order by the web's /start and the command line's <c>headway start</c>.</summary>
    public static IReadOnlyList<DiscoveryQuestion> Questions { get; } =
    [
        new("A year from now, what would make this year count?", "“I finished the first draft of my novel.” “I ran a race.”"),
        new("What do you keep putting off, or saying you will do “someday”?", "Asking your manager to invest in you; learning Spanish; calling old friends."),
        new("What scares you a little, but would make you proud to have done?", "Speaking at a meetup; sending your stories to a magazine; an open-mic night."),
        new("What new thing would you like to explore or try out this year?", "Public speaking, making new friends, painting, a side business."),
    ];

    // Words that point to an area, checked whole-word in the answer: the area with the most hits wins.
    private static readonly (GoalArea Area, string[] Words)[] AreaWords =
    [
        (GoalArea.Writing, ["write", "writing", "novel", "book", "story", "stories", "blog", "poem", "poems", "poetry", "essay", "essays", "article", "chapter", "manuscript", "draft", "publish", "magazine"]),
        (GoalArea.Fitness, ["run", "running", "ran", "5k", "10k", "marathon", "race", "gym", "workout", "fit", "fitness", "swim", "cycling", "bike", "yoga", "lift", "climb", "train", "training"]),
        (GoalArea.Career, ["job", "career", "promotion", "manager", "interview", "resume", "cv", "salary", "raise", "boss", "hired", "work", "team", "lead"]),
        (GoalArea.Networking, ["network", "networking", "meetup", "conference", "mentor", "linkedin", "contacts", "connections", "people", "speaking", "speak", "talk"]),
        (GoalArea.Learning, ["learn", "learning", "study", "course", "class", "language", "spanish", "french", "german", "japanese", "code", "coding", "programming", "degree", "certificate", "skill", "skills"]),
        (GoalArea.Creative, ["paint", "painting", "draw", "drawing", "sketch", "music", "guitar", "piano", "sing", "singing", "photo", "photography", "film", "art", "craft", "design", "dance", "open-mic", "mic"]),
        (GoalArea.Health, ["health", "healthy", "sleep", "diet", "weight", "eat", "eating", "meditate", "meditation", "doctor", "stress", "therapy", "smoking", "drinking"]),
        (GoalArea.Finance, ["money", "save", "saving", "savings", "debt", "invest", "investing", "budget", "income", "finances", "business", "revenue", "pay"]),
        (GoalArea.Relationships, ["friend", "friends", "family", "partner", "kids", "children", "parents", "mom", "dad", "dating", "marriage", "relationship", "wife", "husband"]),
    ];

    /// <summary>The area an answer most likely belongs to, or <see cref="GoalArea.Other"/>.</summary>
    public static GoalArea GuessArea(string? answer)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            return GoalArea.Other;
        }

        var words = answer.ToLowerInvariant()
            .Split([' ', ',', '.', ';', ':', '!', '?', '“', '”', '"', '\'', '(', ')', '/'], StringSplitOptions.RemoveEmptyEntries)
            .ToHashSet(StringComparer.Ordinal);
        var best = GoalArea.Other;
        var most = 0;
        foreach (var (area, list) in AreaWords)
        {
            var hits = list.Count(words.Contains);
            if (hits > most)
            {
                (best, most) = (area, hits);
            }
        }

        return best;
    }

    /// <summary>A first draft of a goal's title from an answer: one line, trimmed, its first letter upper-case.</summary>
    public static string DraftTitle(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var line = string.Join(' ', answer.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Trim('“', '”', '"', ' ', '.');
        if (line.Length > GoalRules.MaxTitleLength)
        {
            line = line[..GoalRules.MaxTitleLength].TrimEnd();
        }

        return line.Length == 0 ? line : char.ToUpperInvariant(line[0]) + line[1..];
    }
}
