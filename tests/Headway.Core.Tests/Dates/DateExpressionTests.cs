using System.Globalization;
using Headway.Core.Dates;
using Xunit;

namespace Headway.Core.Tests.Dates;

public sealed class DateExpressionTests
{
    // A Wednesday.
    private static readonly DateOnly Today = new(2027, 3, 3);

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Parse(string text, DayOfWeek firstDay = DayOfWeek.Monday)
    {
        var result = DateExpression.Parse(text, Today, firstDay);
        Assert.True(result.IsOk, result.Error?.Message);
        return result.Value;
    }

    [Theory]
    [InlineData("2027-03-14", "2027-03-14")]
    [InlineData(" 2028-02-29 ", "2028-02-29")]
    [InlineData("today", "2027-03-03")]
    [InlineData("TODAY", "2027-03-03")]
    [InlineData("tomorrow", "2027-03-04")]
    [InlineData("tmrw", "2027-03-04")]
    [InlineData("in 0 days", "2027-03-03")]
    [InlineData("in 1 day", "2027-03-04")]
    [InlineData("in 3 days", "2027-03-06")]
    [InlineData("in  10  days", "2027-03-13")]
    [InlineData("in 1 week", "2027-03-10")]
    [InlineData("in 2 weeks", "2027-03-17")]
    public void Parse_DatesAndOffsets(string text, string expected)
    {
        Assert.Equal(D(expected), Parse(text));
    }

    [Theory]
    [InlineData("thursday", "2027-03-04")]
    [InlineData("thu", "2027-03-04")]
    [InlineData("thurs", "2027-03-04")]
    [InlineData("Friday", "2027-03-05")]
    [InlineData("fri", "2027-03-05")]
    [InlineData("sat", "2027-03-06")]
    [InlineData("sunday", "2027-03-07")]
    [InlineData("mon", "2027-03-08")]
    [InlineData("tue", "2027-03-09")]
    [InlineData("tues", "2027-03-09")]
    [InlineData("wednesday", "2027-03-10")]
    [InlineData("wed", "2027-03-10")]
    public void Parse_Weekday_IsTheNextOccurrenceNeverToday(string text, string expected)
    {
        Assert.Equal(D(expected), Parse(text));
    }

    [Theory]
    [InlineData(DayOfWeek.Monday, "2027-03-08")]
    [InlineData(DayOfWeek.Sunday, "2027-03-07")]
    [InlineData(DayOfWeek.Saturday, "2027-03-06")]
    [InlineData(DayOfWeek.Wednesday, "2027-03-10")]
    public void Parse_NextWeek_IsTheFirstDayOfNextWeek(DayOfWeek firstDay, string expected)
    {
        Assert.Equal(D(expected), Parse("next week", firstDay));
    }

    [Theory]
    [InlineData(DayOfWeek.Monday, "2027-03-07")]
    [InlineData(DayOfWeek.Sunday, "2027-03-06")]
    [InlineData(DayOfWeek.Saturday, "2027-03-05")]
    [InlineData(DayOfWeek.Thursday, "2027-03-03")]   // today is the last day of a Thursday-first week
    [InlineData(DayOfWeek.Wednesday, "2027-03-09")]
    public void Parse_Eow_IsTheLastDayOfThisWeek(DayOfWeek firstDay, string expected)
    {
        Assert.Equal(D(expected), Parse("eow", firstDay));
        Assert.Equal(D(expected), Parse("end of week", firstDay));
    }

    [Theory]
    [InlineData("2027-02-30")]
    [InlineData("2027-13-01")]
    [InlineData("2027-3-14")]
    [InlineData("13/45")]
    [InlineData("03/14/2027")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("in -3 days")]
    [InlineData("in 3 months")]
    [InlineData("in three days")]
    [InlineData("in 99999 days")]
    [InlineData("tu")]
    [InlineData("someday")]
    [InlineData("next friday please")]
    public void Parse_Invalid_ReturnsInvalidErrorNamingTheForms(string text)
    {
        var result = DateExpression.Parse(text, Today, DayOfWeek.Monday);

        Assert.False(result.IsOk);
        Assert.Equal(ErrorKind.Invalid, result.Error!.Kind);
        Assert.Contains("use yyyy-MM-dd, today, tomorrow", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Null_Invalid()
    {
        Assert.Equal(ErrorKind.Invalid, DateExpression.Parse(null, Today, DayOfWeek.Monday).Error?.Kind);
    }

    [Fact]
    public void Parse_TenMegabytes_InvalidAndTheMessageStaysShort()
    {
        var result = DateExpression.Parse(new string('9', 10 * 1024 * 1024), Today, DayOfWeek.Monday);

        Assert.Equal(ErrorKind.Invalid, result.Error?.Kind);
        Assert.True(result.Error!.Message.Length < 200);
    }
}
