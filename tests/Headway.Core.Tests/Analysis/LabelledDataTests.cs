using Xunit;

namespace Headway.Core.Tests.Analysis;

public sealed class LabelledDataTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("actions-public.tsv")]
    [InlineData("actions-extra.tsv")]
    [InlineData("actions-holdout.tsv")]
    public void Analyze_LabelledExamples_AgreesOnVerdictAndQuantity(string file)
    {
        var rows = LabelledAction.Load(file);
        var (agreement, quantityRate, misses) = LabelledAction.Measure(rows);
        output.WriteLine($"{file}: {rows.Count} rows, verdict agreement {agreement:P1}, exact quantities {quantityRate:P1}");
        output.WriteLine(misses);

        Assert.True(rows.Count >= 50, $"{file} should hold a real sample, has {rows.Count} rows");
        Assert.True(agreement >= 0.95, $"verdict agreement {agreement:P1} < 95% on {file}:\n{misses}");
        Assert.True(quantityRate >= 0.95, $"exact quantities {quantityRate:P1} < 95% on {file}:\n{misses}");
    }
}
