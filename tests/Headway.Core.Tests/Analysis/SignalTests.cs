using Headway.Core.Analysis;
using Xunit;

namespace Headway.Core.Tests.Analysis;

public sealed class SignalTests
{
    [Theory]
    [InlineData("write 1,000 words for chapter 4", SignalCode.Creation, "write")]
    [InlineData("record a demo of the bridge", SignalCode.Creation, "record")]
    [InlineData("email Prof. Nguyen asking for a rec letter", SignalCode.Outreach, "email")]
    [InlineData("reach out to the design lead at Figma", SignalCode.Outreach, "reach out")]
    [InlineData("DM Anjali to invite her to coffee", SignalCode.Outreach, "DM")]
    [InlineData("submit my short story to 2 magazines", SignalCode.Exposure, "submit")]
    [InlineData("perform 3 songs at the open mic", SignalCode.Exposure, "perform")]
    [InlineData("sign up for the Turkey Trot 5K", SignalCode.Commitment, "sign up")]
    [InlineData("register for the creative writing class", SignalCode.Commitment, "register")]
    [InlineData("add my manuscript deadlines to the calendar", SignalCode.Commitment, "add")]
    [InlineData("organize a writers group that meets at the library", SignalCode.Commitment, "organize")]
    [InlineData("practice scales for 20 min", SignalCode.Practice, "practice")]
    [InlineData("go to the gym for 30 minutes", SignalCode.Practice, "go to")]
    [InlineData("finish the grant application", SignalCode.Completion, "finish")]
    [InlineData("pay off $500 of the credit card", SignalCode.Completion, "pay off")]
    [InlineData("watch a documentary about the roman empire", SignalCode.Consumption, "watch")]
    [InlineData("like Maya's latest post", SignalCode.Consumption, "like")]
    [InlineData("look through old photos", SignalCode.Consumption, "look through")]
    [InlineData("buy new workout clothes", SignalCode.Acquisition, "buy")]
    [InlineData("download 3 budgeting templates", SignalCode.Acquisition, "download")]
    [InlineData("try to drink more water", SignalCode.Intention, "try to")]
    [InlineData("tell myself i'm going to work out this week", SignalCode.Intention, "tell myself")]
    [InlineData("look into smart thermostats", SignalCode.Intention, "look into")]
    [InlineData("think about asking for a raise", SignalCode.Intention, "think about")]
    [InlineData("research average PM salaries in Austin", SignalCode.Preparation, "research")]
    [InlineData("reorganize my notes by topic", SignalCode.Preparation, "reorganize")]
    [InlineData("set my writing goals for the year", SignalCode.Preparation, "set")]
    [InlineData("connect w/ the VP on linkedin", SignalCode.PassiveConnection, "connect w/")]
    [InlineData("connect with Dana on linkedin, no follow-up", SignalCode.PassiveConnection, "no follow-up")]
    [InlineData("polish my cover letter again", SignalCode.Polishing, "polish")]
    [InlineData("design a fancier email signature", SignalCode.Polishing, "fancier")]
    [InlineData("work on the novel", SignalCode.Vague, "work on")]
    [InlineData("taxes", SignalCode.Vague, "taxes")]
    [InlineData("write 500 words by fri", SignalCode.Deadline, "by fri")]
    [InlineData("submit the FAFSA before march 1", SignalCode.Deadline, "before march 1")]
    [InlineData("call mom tmrw", SignalCode.Deadline, "tmrw")]
    [InlineData("write 3 pages tonight", SignalCode.SpecificOutcome, "3 pages")]
    public void Analyze_TextWithTrigger_ReportsSignalWithItsEvidence(string text, SignalCode code, string evidence)
    {
        var analysis = ActionAnalyzer.Analyze(text);

        Assert.Contains(analysis.Signals, s => s.Code == code && s.Evidence == evidence);
        Assert.Contains(evidence, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("watch 3 tutorials on excel")]
    [InlineData("read 10 case studies on SaaS pricing")]
    [InlineData("buy 12 velvet hangers")]
    [InlineData("bookmark 10 healthy recipes for later")]
    public void Analyze_PassiveActionWithQuantity_StaysPassive(string text)
    {
        var analysis = ActionAnalyzer.Analyze(text);

        Assert.Equal(Verdict.Passive, analysis.Verdict);
        Assert.NotNull(analysis.Outcome);
    }

    [Theory]
    [InlineData("sign up for the 10k in may", Verdict.Meaningful)]
    [InlineData("sign up for a productivity newsletter", Verdict.Passive)]
    [InlineData("download the permit form and submit it", Verdict.Meaningful)]
    [InlineData("download a meditation app", Verdict.Passive)]
    [InlineData("save $200 from this paycheck", Verdict.Meaningful)]
    [InlineData("save 12 speaker profiles to a folder", Verdict.Passive)]
    [InlineData("organize a potluck for the block", Verdict.Meaningful)]
    [InlineData("organize my closet by color", Verdict.Passive)]
    [InlineData("buy tickets for the open mic", Verdict.Meaningful)]
    [InlineData("join the running club", Verdict.Meaningful)]
    [InlineData("join a facebook group for writers", Verdict.Passive)]
    [InlineData("research venues and book one for the launch", Verdict.Meaningful)]
    [InlineData("play video games", Verdict.Passive)]
    [InlineData("play 2 originals at the songwriter night", Verdict.Meaningful)]
    public void Analyze_SameVerbDifferentObject_JudgesByTheObject(string text, Verdict expected)
    {
        Assert.Equal(expected, ActionAnalyzer.Analyze(text).Verdict);
    }

    [Theory]
    [InlineData("ask Sam for feedback on the deck", true)]
    [InlineData("present the slides in seminar", true)]
    [InlineData("write 500 words", false)]
    [InlineData("watch a TED talk", false)]
    public void IsStretch_FollowsOutreachAndExposureSignals(string text, bool stretch)
    {
        Assert.Equal(stretch, ActionAnalyzer.Analyze(text).IsStretch);
    }

    [Fact]
    public void Analyze_ExampleFromDesign_MatchesTheContract()
    {
        var analysis = ActionAnalyzer.Analyze("write 1,000 words for chapter 4 by fri");

        Assert.Equal(Verdict.Meaningful, analysis.Verdict);
        Assert.InRange(analysis.Score, 50, 100);
        Assert.Equal(new Outcome(1000, "words", "1,000 words"), analysis.Outcome);
        Assert.Equal(
            [new Signal(SignalCode.Creation, "write"), new Signal(SignalCode.SpecificOutcome, "1,000 words"), new Signal(SignalCode.Deadline, "by fri")],
            analysis.Signals);
        Assert.Null(analysis.Suggestion);
    }

    [Theory]
    [InlineData(SignalCode.SpecificOutcome, "specific-outcome", true)]
    [InlineData(SignalCode.Deadline, "deadline", true)]
    [InlineData(SignalCode.Consumption, "consumption", false)]
    [InlineData(SignalCode.PassiveConnection, "passive-connection", false)]
    [InlineData(SignalCode.Vague, "vague", false)]
    public void SignalCodes_RoundTripTheirWireCode(SignalCode code, string wire, bool meaningfulSide)
    {
        Assert.Equal(wire, code.ToCode());
        Assert.True(SignalCodes.TryParse(wire, out var parsed));
        Assert.Equal(code, parsed);
        Assert.Equal(meaningfulSide, code.IsMeaningfulSide());
    }

    [Fact]
    public void SignalCodes_EveryCodeRoundTrips_AndUnknownTextDoesNot()
    {
        foreach (var code in Enum.GetValues<SignalCode>())
        {
            Assert.True(SignalCodes.TryParse(code.ToCode().ToUpperInvariant(), out var parsed));
            Assert.Equal(code, parsed);
        }

        Assert.False(SignalCodes.TryParse(null, out _));
        Assert.False(SignalCodes.TryParse("busy-work", out _));
    }
}
