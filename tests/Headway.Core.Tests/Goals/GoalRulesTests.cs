using Headway.Core.Goals;
using Xunit;

namespace Headway.Core.Tests.Goals;

public sealed class GoalRulesTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void CheckCanActivate_UnderFive_Allowed(int active)
    {
        Assert.Null(GoalRules.CheckCanActivate(active));
    }

    [Fact]
    public void CheckCanActivate_SixthActiveGoal_RefusedWithLessIsMore()
    {
        var error = GoalRules.CheckCanActivate(5);

        Assert.NotNull(error);
        Assert.Equal(ErrorKind.Refused, error.Kind);
        Assert.Contains("achieve, pause or drop one first", error.Message, StringComparison.Ordinal);
        Assert.Contains("less is more", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FewGoalsNote_NoGoals_PointsToGoalDiscovery()
    {
        Assert.Equal(
            "You have no active goals: without goals, any activity feels like progress. Run `headway start` or add 3–5 goals.",
            GoalRules.FewGoalsNote(0));
    }

    [Theory]
    [InlineData(1, "You have 1 active goal; 3–5 give your week direction.")]
    [InlineData(2, "You have 2 active goals; 3–5 give your week direction.")]
    public void FewGoalsNote_OneOrTwo_SaysHowManyInGoodEnglish(int active, string note)
    {
        Assert.Equal(note, GoalRules.FewGoalsNote(active));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void FewGoalsNote_ThreeToFive_Silent(int active)
    {
        Assert.Null(GoalRules.FewGoalsNote(active));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void CheckTitle_Empty_Invalid(string? title)
    {
        Assert.Equal(ErrorKind.Invalid, GoalRules.CheckTitle(title)?.Kind);
    }

    [Fact]
    public void CheckTitle_TenMegabytes_InvalidWithTheLimitNamed()
    {
        var error = GoalRules.CheckTitle(new string('a', 10 * 1024 * 1024));

        Assert.Equal(ErrorKind.Invalid, error?.Kind);
        Assert.Contains("keep it under 200", error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Finish\nthe novel")]
    [InlineData("Finish\tthe novel")]
    [InlineData("Finish the novel\0")]
    [InlineData("\u001b[31mRun a 5K")]
    public void CheckTitle_ControlCharacters_Invalid(string title)
    {
        Assert.Equal(ErrorKind.Invalid, GoalRules.CheckTitle(title)?.Kind);
    }

    [Theory]
    [InlineData("Finish the novel")]
    [InlineData("Courir un 10 km — sous 50 min")]
    public void CheckTitle_PlainLine_Accepted(string title)
    {
        Assert.Null(GoalRules.CheckTitle(title));
    }

    [Fact]
    public void CheckTitle_ExactlyTheLimit_Accepted()
    {
        Assert.Null(GoalRules.CheckTitle(new string('a', GoalRules.MaxTitleLength)));
        Assert.NotNull(GoalRules.CheckTitle(new string('a', GoalRules.MaxTitleLength + 1)));
    }

    [Theory]
    [InlineData("writing", GoalArea.Writing)]
    [InlineData(" Fitness ", GoalArea.Fitness)]
    [InlineData("NETWORKING", GoalArea.Networking)]
    public void TryParseArea_Names_CaseInsensitive(string text, GoalArea area)
    {
        Assert.True(GoalRules.TryParseArea(text, out var parsed));
        Assert.Equal(area, parsed);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("sports")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParseArea_NumbersAndUnknownNames_Refused(string? text)
    {
        Assert.False(GoalRules.TryParseArea(text, out _));
    }

    [Fact]
    public void Quantity_ToString_IsCultureInvariant()
    {
        Assert.Equal("80,000 words", new Quantity(80000, "words").ToString());
        Assert.Equal("1.5 hours", new Quantity(1.5, "hours").ToString());
    }
}
