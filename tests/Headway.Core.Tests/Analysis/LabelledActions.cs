using System.Globalization;
using Headway.Core.Analysis;

namespace Headway.Core.Tests.Analysis;

/// <summary>One labelled row of a TSV file: id label domain text quantity unit.</summary>
internal sealed record LabelledAction(string Id, Verdict Label, string Domain, string Text, double? Quantity, string? Unit)
{
    public static IReadOnlyList<LabelledAction> Load(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", fileName);
        var rows = new List<LabelledAction>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#'))
            {
                continue;
            }

            var f = line.Split('\t');
            var label = f[1] == "meaningful" ? Verdict.Meaningful : Verdict.Passive;
            double? quantity = f.Length > 4 && f[4].Length > 0 ? double.Parse(f[4], CultureInfo.InvariantCulture) : null;
            var unit = f.Length > 5 && f[5].Length > 0 ? f[5] : null;
            rows.Add(new LabelledAction(f[0], label, f[2], f[3], quantity, unit));
        }

        return rows;
    }

    /// <summary>Verdict agreement and exact-quantity rate over rows, with a readable list of the misses.</summary>
    public static (double Agreement, double QuantityRate, string Misses) Measure(IReadOnlyList<LabelledAction> rows)
    {
        var agree = 0;
        var withQuantity = 0;
        var quantityRight = 0;
        var misses = new List<string>();
        foreach (var row in rows)
        {
            var a = ActionAnalyzer.Analyze(row.Text);
            var signals = string.Join(", ", a.Signals.Select(s => $"{s.Code.ToCode()}:\"{s.Evidence}\""));
            if (a.Verdict == row.Label)
            {
                agree++;
            }
            else
            {
                misses.Add($"{row.Id} verdict {a.Verdict} (score {a.Score}) want {row.Label}: {row.Text} [{signals}]");
            }

            var got = a.Outcome is null ? "none" : $"{a.Outcome.Quantity.ToString(CultureInfo.InvariantCulture)} {a.Outcome.Unit}";
            var want = row.Quantity is null ? "none" : $"{row.Quantity.Value.ToString(CultureInfo.InvariantCulture)} {row.Unit}";
            if (row.Quantity is not null)
            {
                withQuantity++;
                if (got == want)
                {
                    quantityRight++;
                }
            }

            if (got != want)
            {
                misses.Add($"{row.Id} outcome {got} want {want}: {row.Text}");
            }
        }

        var agreement = rows.Count == 0 ? 0 : (double)agree / rows.Count;
        var quantityRate = withQuantity == 0 ? 1 : (double)quantityRight / withQuantity;
        return (agreement, quantityRate, string.Join(Environment.NewLine, misses));
    }
}
