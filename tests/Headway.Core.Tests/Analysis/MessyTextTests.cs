using Headway.Core.Analysis;
using Xunit;

namespace Headway.Core.Tests.Analysis;

/// <summary>How the analyzer copes with the way people really type: typos, names and titles, "pm" as a job.</summary>
public sealed class MessyTextTests
{
    [Theory]
    [InlineData("emial prof re extension", SignalCode.Outreach, "emial")]
    [InlineData("calll the bank abt the loan", SignalCode.Outreach, "calll")]
    [InlineData("pratice guitar 20 min", SignalCode.Practice, "pratice")]
    [InlineData("reserach grad programs", SignalCode.Preparation, "reserach")]
    [InlineData("wacth the lecture", SignalCode.Consumption, "wacth")]
    [InlineData("regsiter for the 10k", SignalCode.Commitment, "regsiter")]
    public void Analyze_MisspelledHeadVerb_ReadsAsTheVerb(string text, SignalCode code, string evidence)
    {
        var a = ActionAnalyzer.Analyze(text);

        Assert.Contains(a.Signals, s => s.Code == code && s.Evidence == evidence);
    }

    [Theory]
    [InlineData("hiring manager follow-up email")]
    [InlineData("long run 10k sun")]
    [InlineData("weights 45 min")]
    [InlineData("pending invoices")]
    public void Analyze_RealWordNearAVerb_IsNotTakenForATypo(string text)
    {
        var a = ActionAnalyzer.Analyze(text);
        var first = text[..text.IndexOf(' ', StringComparison.Ordinal)];

        Assert.DoesNotContain(a.Signals, s => s.Evidence == first && s.Code is SignalCode.Preparation or SignalCode.Consumption
            or SignalCode.Acquisition or SignalCode.Intention);
    }

    [Theory]
    [InlineData("Jen: ask her for a referral at stripe")]
    [InlineData("Mom - call sun re: thanksgiving plans")]
    [InlineData("Sam re: budget - email him the numbers")]
    [InlineData("Mark - intro to his cofounder")]
    public void Analyze_NameHeadingTheLine_IsATopicNotVague(string text)
    {
        var a = ActionAnalyzer.Analyze(text);

        Assert.Equal(Verdict.Meaningful, a.Verdict);
        Assert.DoesNotContain(a.Signals, s => s.Code == SignalCode.Vague);
    }

    [Theory]
    [InlineData("Dr. Kim appt thurs 3:30")]
    [InlineData("dentist 9am")]
    [InlineData("haircut sat")]
    [InlineData("quote the kitchen job for mrs. garcia by wed")]
    public void Analyze_AppointmentsAndTitles_AreCommitmentsOrOutreach(string text)
    {
        var a = ActionAnalyzer.Analyze(text);

        Assert.Equal(Verdict.Meaningful, a.Verdict);
    }

    [Theory]
    [InlineData("make a workout playlist")]
    [InlineData("make a to do list for the house")]
    [InlineData("make my flashcards pretty w/ colors")]
    [InlineData("rewrite my lecture notes neatly")]
    [InlineData("highlight ch 5 of the bio textbook")]
    public void Analyze_PreparingOrPrettifying_IsPassive(string text)
    {
        var a = ActionAnalyzer.Analyze(text);

        Assert.Equal(Verdict.Passive, a.Verdict);
    }

    [Fact]
    public void Analyze_PmBeforeAPluralNoun_CountsTheNounAndIsNoTime()
    {
        var a = ActionAnalyzer.Analyze("apply to 3 pm roles on linkedin");

        Assert.Equal(3, a.Outcome?.Quantity);
        Assert.Equal("roles", a.Outcome?.Unit);
        Assert.DoesNotContain(a.Signals, s => s.Code == SignalCode.Deadline);
    }

    [Theory]
    [InlineData("call at 3 pm")]
    [InlineData("call sam 3 pm tues")]
    [InlineData("download a couch to 5k app")]
    public void Analyze_TimesAndNames_AreNoAmount(string text) => Assert.Null(ActionAnalyzer.Analyze(text).Outcome);

    [Fact]
    public void Suggestion_KeepsTimesIntact()
    {
        var a = ActionAnalyzer.Analyze("think about the dentist 9am");

        Assert.NotNull(a.Suggestion);
        Assert.DoesNotContain("9are", a.Suggestion, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1:1 w/ manager re promo", SignalCode.Commitment)]
    [InlineData("f/u w/ recruiter re offer", SignalCode.Outreach)]
    [InlineData("cold email 5 agencies", SignalCode.Outreach)]
    [InlineData("date night w/ jess", SignalCode.Commitment)]
    [InlineData("gig at joe's bar fri", SignalCode.Exposure)]
    public void Analyze_ShorthandHeads_ReadAsTheirAct(string text, SignalCode code)
    {
        var a = ActionAnalyzer.Analyze(text);

        Assert.Equal(Verdict.Meaningful, a.Verdict);
        Assert.Contains(a.Signals, s => s.Code == code);
    }

    [Theory]
    [InlineData("drink more water")]
    [InlineData("exercise more")]
    [InlineData("eat better this week")]
    public void Analyze_ComparativeWish_IsVague(string text)
    {
        var a = ActionAnalyzer.Analyze(text);

        Assert.Equal(Verdict.Passive, a.Verdict);
        Assert.Contains(a.Signals, s => s.Code == SignalCode.Vague);
    }

    [Theory]
    [InlineData("listen to 1 podcast ep", 1, "episodes")]
    [InlineData("apply for 3 apts", 3, "apartments")]
    [InlineData("book 2 mtgs w/ investors", 2, "meetings")]
    [InlineData("eat under 2000 cals", 2000, "calories")]
    public void Analyze_AbbreviatedUnit_IsNormalized(string text, double quantity, string unit)
    {
        var a = ActionAnalyzer.Analyze(text);

        Assert.Equal(quantity, a.Outcome?.Quantity);
        Assert.Equal(unit, a.Outcome?.Unit);
    }

    [Theory]
    [InlineData("buy 10 shares of vti", Verdict.Meaningful)]
    [InlineData("buy $500 of bonds", Verdict.Meaningful)]
    [InlineData("buy a book on stocks", Verdict.Passive)]
    public void Analyze_BuyingInvestments_IsInvestingNotAcquiring(string text, Verdict verdict) =>
        Assert.Equal(verdict, ActionAnalyzer.Analyze(text).Verdict);

    [Theory]
    [InlineData("hw 4 due fri")]
    [InlineData("essay due mon")]
    [InlineData("taxes due apr 15")]
    public void Analyze_DeliverableWithItsDueDate_IsWorkToFinish(string text)
    {
        var a = ActionAnalyzer.Analyze(text);

        Assert.Equal(Verdict.Meaningful, a.Verdict);
        Assert.Contains(a.Signals, s => s.Code == SignalCode.Completion);
        Assert.Contains(a.Signals, s => s.Code == SignalCode.Deadline);
    }
}
