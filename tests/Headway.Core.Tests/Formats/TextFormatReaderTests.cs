using Headway.Core.Formats;
using Xunit;
using static Headway.Core.Tests.Formats.SampleFiles;

namespace Headway.Core.Tests.Formats;

public sealed class TextFormatReaderTests
{
    [Fact]
    public void TodoTxt_ReadsPriorityDatesProjectsContextsAndKeys()
    {
        var (items, issues) = ReadFile("todo.txt", TaskFormat.TodoTxt);

        Assert.Empty(issues);
        Assert.Equal(7, items.Count);
        var call = items[0];
        Assert.Equal("Call Mom about the reunion", call.Text);
        Assert.Equal("A", call.Priority);
        Assert.Equal("Family", call.Project);
        Assert.Equal(["phone"], call.Contexts);
        Assert.Equal(new DateOnly(2026, 12, 1), call.Due);
        Assert.Equal(1, call.Line);

        Assert.Equal(Utc(2026, 11, 20), items[1].CreatedAt);
        Assert.Equal("B", items[1].Priority);

        var submitted = items[2];
        Assert.Equal(ItemStatus.Done, submitted.Status);
        Assert.Equal(Utc(2026, 11, 25), submitted.CompletedAt);
        Assert.Equal(Utc(2026, 11, 20), submitted.CreatedAt);
        Assert.Equal("A", submitted.Priority);
        Assert.Equal("Submit the short story to Granta", submitted.Text);

        Assert.Equal(new DateOnly(2026, 12, 10), items[3].Start);
        Assert.Equal("1w", items[4].Recurrence);
        Assert.Equal(ItemStatus.Done, items[5].Status);
        Assert.Null(items[5].Project);
        // A URL is text, not a key:value tag.
        Assert.Equal("Post a draft at https://example.com/draft", items[6].Text);
    }

    [Fact]
    public void TodoTxt_BadDueDate_IsReportedAndLeftOut()
    {
        var (items, issues) = ReadText("pay rent due:friday\n", TaskFormat.TodoTxt);

        Assert.Null(Assert.Single(items).Due);
        var issue = Assert.Single(issues);
        Assert.Equal(("due", 1, false), (issue.Field, issue.Line, issue.Skipped));
    }

    [Theory]
    [InlineData("x 2026-11-25\n")]
    [InlineData("x 2026-11-25 2026-11-20 \n")]
    [InlineData("(A) 2026-11-20\n")]
    public void TodoTxt_LineOfMarkersWithoutText_IsSkippedWithAnIssue_NotReadAsAnEmptyItem(string line)
    {
        var (items, issues) = ReadText("write 500 words\n" + line, TaskFormat.TodoTxt);

        Assert.Equal("write 500 words", Assert.Single(items).Text);
        var issue = Assert.Single(issues);
        Assert.Equal(("text", 2, true), (issue.Field, issue.Line, issue.Skipped));
    }

    [Fact]
    public void PlainText_ReadsOneItemPerLine_WithListMarkersAndCheckboxes()
    {
        var (items, issues) = ReadFile("plain.txt", TaskFormat.PlainText);

        Assert.Empty(issues);
        Assert.Equal(
            ["write 1,000 words for chapter 4 by fri", "email Dana re: the intro call", "watch 3 tutorials on query optimization", "buy new running shoes", "look into marketing courses"],
            items.Select(i => i.Text));
        Assert.Equal([1, 2, 3, 5, 6], items.Select(i => i.Line));
        Assert.Equal(ItemStatus.Done, items[1].Status);
        Assert.Equal(ItemStatus.Open, items[4].Status);
    }

    [Fact]
    public void ICalendar_ReadsVTodosWithUnfoldingEscapingDatesAndStatus()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

        var (items, issues) = ReadFile("tasks.ics", TaskFormat.ICalendar, new ReadOptions(zone));

        Assert.Empty(issues);
        Assert.Equal(4, items.Count);
        var write = items[0];
        Assert.Equal("20261101T093000Z-1@example.com", write.SourceId);
        Assert.Equal("Write 1,000 words for chapter 4", write.Text);
        Assert.Equal(new DateOnly(2026, 12, 4), write.Due);
        Assert.Equal("1", write.Priority);
        Assert.Equal(["Writing", "Deep work"], write.Tags);
        Assert.Equal("Novel", write.Project);
        Assert.Equal(Utc(2026, 11, 1, 9, 30), write.CreatedAt);
        Assert.Equal(13, write.Line);

        var research = items[1];
        Assert.Equal("Research literary agents and make a spreadsheet of the ones who accept fantasy", research.Text);
        Assert.Equal("Start with QueryTracker\nthen MSWL; ask Dana", Assert.Single(research.Notes).Text);
        Assert.Equal(new DateOnly(2026, 11, 30), research.Due);
        Assert.Equal(ItemStatus.Open, research.Status);

        Assert.Equal(ItemStatus.Done, items[2].Status);
        Assert.Equal(Utc(2026, 11, 25, 16), items[2].CompletedAt);
        Assert.Equal("20261101T093000Z-1@example.com", items[2].ParentId);

        Assert.Equal(ItemStatus.Dropped, items[3].Status);
        Assert.Equal("FREQ=WEEKLY;BYDAY=MO", items[3].Recurrence);
        Assert.DoesNotContain(items, i => i.Text.Contains("Writers group", StringComparison.Ordinal));
    }

    [Fact]
    public void ICalendar_UnclosedAndNamelessTodos_AreReported()
    {
        var text = "BEGIN:VCALENDAR\nBEGIN:VTODO\nUID:1\nSUMMARY:first\nBEGIN:VTODO\nUID:2\nDUE:tomorrow\nSUMMARY:second\nEND:VTODO\nBEGIN:VTODO\nUID:3\nEND:VTODO\nBEGIN:VTODO\nSUMMARY:dup\nUID:2\nEND:VTODO\nBEGIN:VTODO\nSUMMARY:cut\n";

        var (items, issues) = ReadText(text, TaskFormat.ICalendar);

        Assert.Equal(["second"], items.Select(i => i.Text));
        Assert.Contains(issues, i => i.Line == 2 && i.Skipped);
        Assert.Contains(issues, i => i.Line == 7 && i.Field == "DUE" && !i.Skipped);
        Assert.Contains(issues, i => i.Line == 10 && i.Field == "SUMMARY" && i.Skipped);
        Assert.Contains(issues, i => i.Line == 13 && i.Field == "UID" && i.Skipped);
        Assert.Contains(issues, i => i.Line == 17 && i.Skipped && i.Message.Contains("ends inside", StringComparison.Ordinal));
    }
}
