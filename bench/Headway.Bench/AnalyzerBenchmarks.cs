using BenchmarkDotNet.Attributes;
using Headway.Core.Analysis;

namespace Headway.Bench;

/// <summary>
/// ActionAnalyzer.Analyze over a realistic mix of to-do lines: every labelled file in the test data (public, extra and
/// the held-out set; about half passive, so suggestions are written too). One operation analyzes one line.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class AnalyzerBenchmarks
{
    private string[] _lines = [];
    private int _next;
    private readonly string _meaningful = "write 1,000 words for chapter 4 by fri";
    private readonly string _passive = "like Maya's latest social media post";

    [GlobalSetup]
    public void Setup()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "Data");
        _lines = Directory.GetFiles(dir, "actions-*.tsv")
            .Order(StringComparer.Ordinal)
            .SelectMany(f => File.ReadLines(f).Skip(1))
            .Select(l => l.Split('\t'))
            .Where(f => f.Length > 3)
            .Select(f => f[3])
            .ToArray();
    }

    [Benchmark(Description = "Analyzer: one line of the mix")]
    public ActionAnalysis Analyze()
    {
        var line = _lines[_next];
        _next = _next + 1 == _lines.Length ? 0 : _next + 1;
        return ActionAnalyzer.Analyze(line);
    }

    [Benchmark(Description = "Analyzer: meaningful line")]
    public ActionAnalysis AnalyzeMeaningful() => ActionAnalyzer.Analyze(_meaningful);

    [Benchmark(Description = "Analyzer: passive line with suggestion")]
    public ActionAnalysis AnalyzePassive() => ActionAnalyzer.Analyze(_passive);
}
