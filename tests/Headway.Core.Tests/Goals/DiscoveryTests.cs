using Headway.Core.Goals;
using Xunit;

namespace Headway.Core.Tests.Goals;

public sealed class DiscoveryTests
{
    [Theory]
    [InlineData("I finished the first draft of my novel", GoalArea.Writing)]
    [InlineData("run the Hometown 5K in under 30 minutes", GoalArea.Fitness)]
    [InlineData("Asking my manager for a promotion", GoalArea.Career)]
    [InlineData("Speaking at a meetup", GoalArea.Networking)]
    [InlineData("learning Spanish", GoalArea.Learning)]
    [InlineData("an open-mic night with my guitar", GoalArea.Creative)]
    [InlineData("sleep 8 hours and meditate", GoalArea.Health)]
    [InlineData("pay off my credit card debt", GoalArea.Finance)]
    [InlineData("call my old friends more", GoalArea.Relationships)]
    [InlineData("be happier", GoalArea.Other)]
    [InlineData("", GoalArea.Other)]
    public void GuessArea_ReadsTheAnswersWords(string answer, GoalArea area) => Assert.Equal(area, Discovery.GuessArea(answer));

    [Fact]
    public void DraftTitle_IsOneTrimmedLineStartingUpperCase_AndNoLongerThanATitle()
    {
        Assert.Equal("Finish the first draft", Discovery.DraftTitle("  “finish the\nfirst   draft.”  "));
        Assert.Equal(GoalRules.MaxTitleLength, Discovery.DraftTitle(new string('a', 500)).Length);
    }
}
