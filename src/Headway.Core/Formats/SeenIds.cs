namespace Headway.Core.Formats;

/// <summary>
/// The source ids met so far, to report duplicates. Keeps a 64-bit hash per id (FNV-1a), not the id, so memory grows
/// by about 16 bytes per item (800 KB for 50,000 items); two different ids share a hash with negligible odds
/// (about 3 in 100 million at a million items).
/// </summary>
internal sealed class SeenIds
{
    private readonly HashSet<ulong> _hashes = [];

    /// <summary>True when the id is new; false when it was seen before. Null or empty ids are never duplicates.</summary>
    public bool Add(string? id) => string.IsNullOrEmpty(id) || _hashes.Add(Hash(id));

    public static ReadResult Duplicate(int line, string field, string id) =>
        ReadResult.Skip(line, field, $"The id '{Shorten(id)}' appears earlier in the file; this copy was skipped.");

    private static string Shorten(string id) => id.Length <= 40 ? id : id[..40] + "…";

    private static ulong Hash(string id)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in id)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
