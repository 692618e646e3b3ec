using System.Text;
using CsCheck;
using Headway.Core.Analysis;
using Xunit;

namespace Headway.Core.Tests.Analysis;

public sealed class RobustnessTests
{
    private static void AssertConsistent(ActionAnalysis a)
    {
        Assert.InRange(a.Score, 0, 100);
        Assert.Equal(a.Score >= 50, a.Verdict == Verdict.Meaningful);
        Assert.Equal(a.Verdict == Verdict.Passive, a.Suggestion is not null);
        Assert.All(a.Signals, s => Assert.NotNull(s.Evidence));
    }

    [Fact]
    public void Analyze_ArbitraryStrings_NeverThrowsAndStaysConsistent()
    {
        Gen.String.Sample(text => AssertConsistent(ActionAnalyzer.Analyze(text)), iter: 5_000);
    }

    [Fact]
    public void Analyze_ArbitraryUtf16IncludingLoneSurrogatesAndControls_NeverThrows()
    {
        var chars = Gen.Char[(char)0, (char)0xFFFF].Array[0, 200].Select(a => new string(a));
        chars.Sample(text => AssertConsistent(ActionAnalyzer.Analyze(text)), iter: 5_000);
    }

    [Fact]
    public void Analyze_SameText_GivesEqualResults()
    {
        var words = Gen.OneOf<string>("write", "read", "buy", "ask", "5k", "1,000", "words", "by", "fri", "my", "the", "and",
            "$150", "half", "an", "hour", "sign", "up", "for", "no", "follow-up", "w/", "re:", "tmrw", "try", "to", "Maya's");
        words.Array[0, 12].Select(a => string.Join(' ', a)).Sample(text =>
        {
            var first = ActionAnalyzer.Analyze(text);
            var second = ActionAnalyzer.Analyze(text);
            Assert.Equal(first.Verdict, second.Verdict);
            Assert.Equal(first.Score, second.Score);
            Assert.Equal(first.Outcome, second.Outcome);
            Assert.Equal(first.Signals, second.Signals);
            Assert.Equal(first.Suggestion, second.Suggestion);
            AssertConsistent(first);
        }, iter: 3_000);
    }

    [Fact]
    public void Analyze_EvidenceAlwaysAppearsInTheText()
    {
        var words = Gen.OneOf<string>("write", "watch", "buy", "email", "3", "pages", "by", "fri", "my", "like", "Sam's", "post",
            "research", "tell", "myself", "polish", "again", "sign", "up", "tonight", "a", "thousand");
        words.Array[1, 10].Select(a => string.Join(' ', a)).Sample(text =>
        {
            foreach (var signal in ActionAnalyzer.Analyze(text).Signals)
            {
                Assert.Contains(signal.Evidence, text, StringComparison.Ordinal);
            }
        }, iter: 3_000);
    }

    [Fact]
    public void Analyze_TenMegabyteLine_Returns()
    {
        var line = new StringBuilder(10 * 1024 * 1024);
        while (line.Length < 10 * 1024 * 1024)
        {
            line.Append("watch 3 tutorials and write 1,000 words by fri ");
        }

        var analysis = ActionAnalyzer.Analyze(line.ToString());

        AssertConsistent(analysis);
        Assert.Equal(line.Length, analysis.Text.Length);
        Assert.All(analysis.Signals, s => Assert.True(s.Evidence.Length <= 80));
        Assert.True(analysis.Suggestion is null || analysis.Suggestion.Length < 500);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?!?!...,,,;;")]
    [InlineData("🏃‍♀️🔥💯")]
    [InlineData("run 5k 🏃‍♀️ tmrw")]
    [InlineData("לכתוב 500 מילים")]
    [InlineData("اكتب ٥٠٠ كلمة")]
    [InlineData("\u0000\u0001\u001b[31mwrite\u0007")]
    [InlineData("\ud800write\udc00 500 words\ud800")]
    [InlineData("\u202Ecall mom\u202C")]
    public void Analyze_UnusualInput_ReturnsAConsistentResult(string text)
    {
        AssertConsistent(ActionAnalyzer.Analyze(text));
    }

    [Fact]
    public void Analyze_Null_IsTreatedAsEmpty()
    {
        var analysis = ActionAnalyzer.Analyze(null!);

        Assert.Equal(string.Empty, analysis.Text);
        Assert.Equal(Verdict.Passive, analysis.Verdict);
    }

    [Fact]
    public void Analyze_RunInParallel_GivesTheSameResults()
    {
        var texts = LabelledAction.Load("actions-public.tsv").Select(r => r.Text).ToArray();
        var expected = texts.Select(ActionAnalyzer.Analyze).ToArray();

        var actual = new ActionAnalysis[texts.Length];
        Parallel.For(0, texts.Length * 20, i => actual[i % texts.Length] = ActionAnalyzer.Analyze(texts[i % texts.Length]));

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(expected[i].Score, actual[i].Score);
            Assert.Equal(expected[i].Signals, actual[i].Signals);
        }
    }
}
