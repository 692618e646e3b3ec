using Headway.Core.Analysis;
using Xunit;

namespace Headway.Core.Tests.Analysis;

public sealed class OutcomeTests
{
    [Theory]
    [InlineData("write 1,000 words", 1000, "words", "1,000 words")]
    [InlineData("write 500 words", 500, "words", "500 words")]
    [InlineData("cycle 12.5 km", 12.5, "km", "12.5 km")]
    [InlineData("write a thousand words", 1000, "words", "a thousand words")]
    [InlineData("run thirty minutes", 30, "minutes", "thirty minutes")]
    [InlineData("do twenty-five pushups", 25, "pushups", "twenty-five pushups")]
    [InlineData("study a couple hours", 2, "hours", "a couple hours")]
    [InlineData("study for an hour", 1, "hours", "an hour")]
    [InlineData("walk half an hour after dinner", 0.5, "hours", "half an hour")]
    [InlineData("practice for an hour and a half", 1.5, "hours", "an hour and a half")]
    [InlineData("write 5k words", 5000, "words", "5k words")]
    [InlineData("write 1.5k words", 1500, "words", "1.5k words")]
    [InlineData("run a 5K on sunday", 5, "km", "5K")]
    [InlineData("sign up for the Turkey Trot 5K", 5, "km", "5K")]
    [InlineData("save 10% of each paycheck", 10, "percent", "10%")]
    [InlineData("ask for a raise of $150", 150, "usd", "$150")]
    [InlineData("put $1,000 into the index fund", 1000, "usd", "$1,000")]
    [InlineData("walk 30 min", 30, "minutes", "30 min")]
    [InlineData("practice 45 mins", 45, "minutes", "45 mins")]
    [InlineData("write for 2 hrs", 2, "hours", "2 hrs")]
    [InlineData("run 10 kms", 10, "km", "10 kms")]
    [InlineData("read 40 pgs", 40, "pages", "40 pgs")]
    [InlineData("write 1 song", 1, "songs", "1 song")]
    [InlineData("play 2 originals at the open mic", 2, "songs", "2 originals")]
    [InlineData("apply to 4 UX researcher openings", 4, "openings", "4 UX researcher openings")]
    [InlineData("read 10 case studies on pricing", 10, "case studies", "10 case studies")]
    [InlineData("give a 10-minute talk", 10, "minutes", "10-minute")]
    [InlineData("color code the syllabus for all 4 classes", 4, "classes", "4 classes")]
    [InlineData("write 1 page", 1, "pages", "1 page")]
    public void Analyze_NumberForm_ExtractsQuantityAndNormalizedUnit(string text, double quantity, string unit, string phrase)
    {
        Assert.Equal(new Outcome(quantity, unit, phrase), ActionAnalyzer.Analyze(text).Outcome);
    }

    [Theory]
    [InlineData("finish the draft by 5/10")]
    [InlineData("call the bank at 3pm")]
    [InlineData("call the bank at 3:30")]
    [InlineData("revise ch 7")]
    [InlineData("increase my 401k contribution")]
    [InlineData("celebrate the 10th anniversary")]
    [InlineData("finish the Q3 report")]
    [InlineData("call Uncle Ray on his 70th birthday")]
    [InlineData("submit the FAFSA before march 1")]
    [InlineData("sing at the dec 14 holiday concert")]
    [InlineData("complete the week 3 assignment")]
    [InlineData("ship v1 of the extension")]
    [InlineData("file the 2024 taxes")]
    [InlineData("polish my summary one more time")]
    [InlineData("take the HSK 2 practice test")]
    public void Analyze_DatesTimesOrdinalsLabelsAndNames_AreNotOutcomes(string text)
    {
        Assert.Null(ActionAnalyzer.Analyze(text).Outcome);
    }

    [Theory]
    [InlineData("1000 words", 1000, "words")]
    [InlineData("30 min", 30, "minutes")]
    [InlineData("2 hrs", 2, "hours")]
    [InlineData("$150", 150, "usd")]
    [InlineData("a 5K", 5, "km")]
    [InlineData("80,000 words", 80000, "words")]
    [InlineData("3 miles", 3, "miles")]
    public void Parse_StatedOutcome_ReturnsIt(string text, double quantity, string unit)
    {
        var outcome = OutcomeParser.Parse(text);

        Assert.NotNull(outcome);
        Assert.Equal(quantity, outcome.Quantity);
        Assert.Equal(unit, outcome.Unit);
    }

    [Theory]
    [InlineData("")]
    [InlineData("attend the conference")]
    [InlineData("by 5/10")]
    [InlineData("1000")]
    public void Parse_NoAmountWithUnit_ReturnsNull(string text)
    {
        Assert.Null(OutcomeParser.Parse(text));
    }
}
