using System.Text;
using System.Text.Json;

namespace Headway.App.Transfer;

/// <summary>An action's labels (tags, @contexts, a +project kept as a label) as a small JSON array in one column; null when none.</summary>
internal static class LabelsJson
{
    public static string? Write(IReadOnlyList<string> labels)
    {
        if (labels.Count == 0)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var label in labels)
            {
                w.WriteStringValue(label);
            }

            w.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static IReadOnlyList<string> Read(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        using var doc = JsonDocument.Parse(json);
        return [.. doc.RootElement.EnumerateArray().Select(e => e.GetString() ?? "")];
    }
}
