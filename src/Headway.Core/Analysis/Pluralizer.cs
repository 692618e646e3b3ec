namespace Headway.Core.Analysis;

/// <summary>English plural of a lowercase noun, good enough for units ("class" → "classes", "study" → "studies").</summary>
internal static class Pluralizer
{
    public static string Pluralize(string noun)
    {
        if (noun.Length < 2)
        {
            return noun;
        }

        switch (noun)
        {
            case "person": return "people";
            case "child": return "children";
            case "man": return "men";
            case "woman": return "women";
            case "foot": return "feet";
            case "tooth": return "teeth";
            case "mouse": return "mice";
            case "series" or "species" or "fish" or "sheep" or "news": return noun;
            default: break;
        }

        var last = noun[^1];
        var beforeLast = noun[^2];
        if (last == 'y' && beforeLast is not 'a' and not 'e' and not 'i' and not 'o' and not 'u')
        {
            return string.Concat(noun.AsSpan(0, noun.Length - 1), "ies");
        }

        if (last is 's' or 'x' or 'z' || noun.EndsWith("ch", StringComparison.Ordinal) || noun.EndsWith("sh", StringComparison.Ordinal))
        {
            return noun + "es";
        }

        return noun + "s";
    }

    /// <summary>True when a lowercase noun already looks plural ("pages", "studies"), not "class" or "bus".</summary>
    public static bool LooksPlural(string noun) =>
        noun.Length > 2 && noun[^1] == 's' && noun[^2] is not 's' and not 'u' and not 'i'
        || noun is "people" or "children" or "men" or "women" or "feet" or "teeth" or "series" or "km" or "usd"
            or "eur" or "gbp" or "kg" or "lbs";
}
