using Headway.Core.Analysis;
using Xunit;

namespace Headway.Core.Tests.Analysis;

public sealed class SuggestionTests
{
    [Theory]
    [InlineData("like Sam's post about the launch", "Sam's post about the launch", "DM Sam")]
    [InlineData("read a book about the FIRE movement", "a book about the FIRE movement", "takeaways")]
    [InlineData("research trademark rules for the brand name", "trademark rules for the brand name", "ask one person")]
    [InlineData("buy new workout clothes from lululemon", "new workout clothes", "session")]
    [InlineData("download a writing prompts app", "a writing prompts app", "first real step")]
    [InlineData("tell myself i'm going to work out this week", "work out this week", "calendar")]
    [InlineData("connect w/ the design VP I admire on linkedin, no follow-up", "the design VP", "15-minute call")]
    [InlineData("polish the wording of my linkedin summary one more time", "the wording of your linkedin summary", "send it to 3 people")]
    [InlineData("set my writing goals for the year", "your writing goals for the year", "deadline")]
    [InlineData("reorganize my yarn stash by weight", "your yarn stash", "make or finish")]
    [InlineData("work on the novel", "work on the novel", "number and a day")]
    public void Analyze_PassiveAction_SuggestsARewriteBuiltFromItsOwnSubject(string text, string keeps, string move)
    {
        var analysis = ActionAnalyzer.Analyze(text);

        Assert.Equal(Verdict.Passive, analysis.Verdict);
        Assert.NotNull(analysis.Suggestion);
        Assert.Contains(keeps, analysis.Suggestion, StringComparison.Ordinal);
        Assert.Contains(move, analysis.Suggestion, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_PassiveActionWithDeadline_ReusesTheUsersDeadline()
    {
        var analysis = ActionAnalyzer.Analyze("watch a tutorial on pivot tables by thursday");

        Assert.Contains("by thursday", analysis.Suggestion, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_DifferentPassiveTexts_GetDifferentSuggestions()
    {
        var a = ActionAnalyzer.Analyze("watch a documentary about whales").Suggestion;
        var b = ActionAnalyzer.Analyze("watch a documentary about bees").Suggestion;

        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Analyze_MeaningfulAction_HasNoSuggestion()
    {
        Assert.Null(ActionAnalyzer.Analyze("send my portfolio to 3 galleries").Suggestion);
    }
}
