using Headway.Core.Actions;
using Xunit;

namespace Headway.Core.Tests.Actions;

public sealed class HorizonRulesTests
{
    [Fact]
    public void CheckRoom_FifthNowAction_Allowed()
    {
        Assert.Null(HorizonRules.CheckRoom(Horizon.Now, 4));
    }

    [Fact]
    public void CheckRoom_SixthNowAction_RefusedSayingWhatToFinishOrMove()
    {
        var error = HorizonRules.CheckRoom(Horizon.Now, 5);

        Assert.Equal(ErrorKind.Refused, error?.Kind);
        Assert.Contains("headway done ID", error!.Message, StringComparison.Ordinal);
        Assert.Contains("headway move ID --week", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckRoom_TenthWeekAction_Allowed()
    {
        Assert.Null(HorizonRules.CheckRoom(Horizon.Week, 9));
    }

    [Fact]
    public void CheckRoom_EleventhWeekAction_RefusedSayingWhereToMoveOne()
    {
        var error = HorizonRules.CheckRoom(Horizon.Week, 10);

        Assert.Equal(ErrorKind.Refused, error?.Kind);
        Assert.Contains("--later", error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_000)]
    public void CheckRoom_Later_IsUnbounded(int open)
    {
        Assert.Null(HorizonRules.CheckRoom(Horizon.Later, open));
        Assert.Null(HorizonRules.Cap(Horizon.Later));
    }

    [Fact]
    public void Cap_MatchesTheMethod()
    {
        Assert.Equal(5, HorizonRules.Cap(Horizon.Now));
        Assert.Equal(10, HorizonRules.Cap(Horizon.Week));
    }

    [Theory]
    [InlineData(Horizon.Now, Horizon.Week, true)]
    [InlineData(Horizon.Now, Horizon.Later, true)]
    [InlineData(Horizon.Week, Horizon.Later, true)]
    [InlineData(Horizon.Later, Horizon.Now, false)]
    [InlineData(Horizon.Week, Horizon.Now, false)]
    [InlineData(Horizon.Week, Horizon.Week, false)]
    public void IsPostponement_OnlyMovingLater(Horizon from, Horizon to, bool postponed)
    {
        Assert.Equal(postponed, HorizonRules.IsPostponement(from, to));
    }

    [Theory]
    [InlineData("now", Horizon.Now)]
    [InlineData(" NOW ", Horizon.Now)]
    [InlineData("week", Horizon.Week)]
    [InlineData("this week", Horizon.Week)]
    [InlineData("Later", Horizon.Later)]
    public void TryParse_KnownNames(string text, Horizon horizon)
    {
        Assert.True(HorizonRules.TryParse(text, out var parsed));
        Assert.Equal(horizon, parsed);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("1")]
    public void TryParse_Unknown_Refused(string? text)
    {
        Assert.False(HorizonRules.TryParse(text, out _));
    }

    [Theory]
    [InlineData(Horizon.Now, "now")]
    [InlineData(Horizon.Week, "week")]
    [InlineData(Horizon.Later, "later")]
    public void Name_RoundTripsThroughTryParse(Horizon horizon, string name)
    {
        Assert.Equal(name, horizon.Name());
        Assert.True(HorizonRules.TryParse(horizon.Name(), out var back));
        Assert.Equal(horizon, back);
    }
}
