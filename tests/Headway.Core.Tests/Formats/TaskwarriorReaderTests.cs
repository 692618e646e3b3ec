using Headway.Core.Formats;
using Xunit;
using static Headway.Core.Tests.Formats.SampleFiles;

namespace Headway.Core.Tests.Formats;

public sealed class TaskwarriorReaderTests
{
    [Fact]
    public void Export_ReadsEveryTaskWithIdsDatesProjectsTagsAndState()
    {
        var (items, issues) = ReadFile("taskwarrior-export.json", TaskFormat.Taskwarrior);

        Assert.Empty(issues);
        Assert.Equal(8, items.Count);
        var first = items[0];
        Assert.Equal("5d3f1c9e-8a61-4b0c-9f3e-2b7a1e4d6c01", first.SourceId);
        Assert.Equal("write 1,000 words for chapter 4", first.Text);
        Assert.Equal(ItemStatus.Open, first.Status);
        Assert.Equal(Utc(2026, 11, 1, 9, 30), first.CreatedAt);
        Assert.Equal(DateTimeKind.Utc, first.CreatedAt!.Value.Kind);
        Assert.Equal(new DateOnly(2026, 12, 4), first.Due);
        Assert.Equal("Novel", first.Project);
        Assert.Equal(["writing", "deep"], first.Tags);
        Assert.Equal(2, first.Line);
        Assert.DoesNotContain("urgency", first.Extra.Keys);
    }

    [Fact]
    public void Export_DueInstantBecomesTheDateInTheReadersZone()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

        var (items, _) = ReadFile("taskwarrior-export.json", TaskFormat.Taskwarrior, new ReadOptions(zone));

        // 2026-12-04 23:00 UTC is already the 5th in Berlin.
        Assert.Equal(new DateOnly(2026, 12, 5), items[0].Due);
    }

    [Fact]
    public void Export_MapsStatusesAnnotationsDependsRecurrenceAndUdas()
    {
        var (items, _) = ReadFile("taskwarrior-export.json", TaskFormat.Taskwarrior);
        var byId = items.ToDictionary(i => i.SourceId![^2..]);

        Assert.Equal("M", byId["02"].Priority);
        Assert.Equal(2, byId["02"].Notes.Count);
        Assert.Equal("QueryTracker has a list", byId["02"].Notes[0].Text);
        Assert.Equal(Utc(2026, 10, 2, 10, 15), byId["02"].Notes[0].At);
        Assert.Equal(ItemStatus.Dropped, byId["03"].Status);
        Assert.Equal(Utc(2026, 10, 20, 17), byId["03"].CompletedAt);
        Assert.Equal(ItemStatus.Done, byId["04"].Status);
        Assert.Equal("Fitness.Running", byId["04"].Project);
        Assert.Equal(ItemStatus.Open, byId["05"].Status);
        Assert.Equal("20261201T000000Z", byId["05"].Extra["wait"]);
        Assert.Null(byId["05"].Project);
        Assert.Equal(2, byId["05"].DependsOn.Count);
        Assert.Equal(["5d3f1c9e-8a61-4b0c-9f3e-2b7a1e4d6c01", "5d3f1c9e-8a61-4b0c-9f3e-2b7a1e4d6c05"], byId["06"].DependsOn);
        Assert.Equal(new DateOnly(2026, 11, 28), byId["06"].Start);
        Assert.Equal("2h", byId["06"].Extra["estimate"]);
        Assert.True(byId["07"].IsRecurrenceTemplate);
        Assert.Equal("daily", byId["07"].Recurrence);
        Assert.False(byId["08"].IsRecurrenceTemplate);
        Assert.Equal("5d3f1c9e-8a61-4b0c-9f3e-2b7a1e4d6c07", byId["08"].ParentId);
    }

    [Fact]
    public void JsonLines_ReadsOneObjectPerLine()
    {
        var (items, issues) = ReadFile("taskwarrior-lines.json", TaskFormat.Taskwarrior);

        Assert.Empty(issues);
        Assert.Equal(["buy new running shoes", "sign up for the Turkey Trot 5K"], items.Select(i => i.Text));
        Assert.Equal([1, 2], items.Select(i => i.Line));
        Assert.Equal(ItemStatus.Done, items[1].Status);
    }

    [Fact]
    public void CompactArrayOnOneLine_ReadsAllObjects()
    {
        var (items, issues) = ReadText("""[{"description":"a {b} [c]","uuid":"1"},{"description":"say \"hi\" \\ }","uuid":"2"}]""", TaskFormat.Taskwarrior);

        Assert.Empty(issues);
        Assert.Equal(["a {b} [c]", "say \"hi\" \\ }"], items.Select(i => i.Text));
    }

    [Fact]
    public void MalformedTask_IsReportedWithItsLine_AndTheRestIsRead()
    {
        var text = """
            [
            {"description":"first","uuid":"1"},
            {"description":"broken,"uuid":"2"},
            {"description":"unterminated,"uuid":"3},
            {"description":"fourth","uuid":"4","entry":"yesterday"},
            {"uuid":"5"},
            {"description":"sixth","uuid":"1"},
            {"description":"seventh","uuid":"7","status":"someday"}
            ]
            """;

        var (items, issues) = ReadText(text, TaskFormat.Taskwarrior);

        Assert.Equal(["first", "fourth", "seventh"], items.Select(i => i.Text));
        Assert.Contains(issues, i => i.Line == 3 && i.Skipped);
        Assert.Contains(issues, i => i.Line == 4 && i.Skipped);
        Assert.Contains(issues, i => i.Line == 5 && i.Field == "entry" && !i.Skipped);
        Assert.Contains(issues, i => i.Line == 6 && i.Field == "description" && i.Skipped);
        Assert.Contains(issues, i => i.Line == 7 && i.Field == "uuid" && i.Skipped && i.Message.Contains("earlier", StringComparison.Ordinal));
        Assert.Contains(issues, i => i.Line == 8 && i.Field == "status" && !i.Skipped);
        Assert.Null(items[1].CreatedAt);
    }

    [Fact]
    public void TruncatedFile_ReportsTheCutTask()
    {
        var (items, issues) = ReadText("[\n{\"description\":\"one\"},\n{\"description\":\"two\",\"tags\":[\"a\"", TaskFormat.Taskwarrior);

        Assert.Single(items);
        var issue = Assert.Single(issues);
        Assert.Equal(3, issue.Line);
        Assert.Contains("ends inside", issue.Message, StringComparison.Ordinal);
    }
}
