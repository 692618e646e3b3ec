using System.Text;

namespace Headway.Core.Formats;

/// <summary>
/// Strings for short values that come back from record to record (a project, a tag, a priority): the last few are
/// kept with their UTF-8 bytes, and a value met again gets the string made the first time rather than a new one, so
/// 50,000 tasks in eight projects hold eight project names, not 50,000.
/// </summary>
internal sealed class RepeatedStrings
{
    private const int Slots = 16;
    private const int MaxBytes = 64;

    private readonly byte[][] _bytes = new byte[Slots][];
    private readonly string[] _strings = new string[Slots];
    private int _next;

    /// <summary>The string of <paramref name="utf8"/>, which must be valid UTF-8.</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxBytes)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        for (var i = 0; i < Slots; i++)
        {
            if (_strings[i] is { } known && utf8.SequenceEqual(_bytes[i]))
            {
                return known;
            }
        }

        var text = Encoding.UTF8.GetString(utf8);
        _bytes[_next] = utf8.ToArray();
        _strings[_next] = text;
        _next = (_next + 1) % Slots;
        return text;
    }
}
