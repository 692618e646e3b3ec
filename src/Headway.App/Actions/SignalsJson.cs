using System.Text;
using System.Text.Json;
using Headway.Core.Analysis;

namespace Headway.App.Actions;

/// <summary>Stores an action's signals as a small JSON array in one column, written and read without reflection.</summary>
internal static class SignalsJson
{
    public static string Write(IReadOnlyList<Signal> signals)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var s in signals)
            {
                w.WriteStartObject();
                w.WriteString("code", s.Code.ToCode());
                w.WriteString("evidence", s.Evidence);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static IReadOnlyList<Signal> Read(string json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        using var doc = JsonDocument.Parse(json);
        var list = new List<Signal>();
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            if (SignalCodes.TryParse(e.GetProperty("code").GetString(), out var code))
            {
                list.Add(new Signal(code, e.GetProperty("evidence").GetString() ?? ""));
            }
        }

        return list;
    }
}
