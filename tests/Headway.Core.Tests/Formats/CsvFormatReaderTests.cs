using Headway.Core.Formats;
using Xunit;
using static Headway.Core.Tests.Formats.SampleFiles;

namespace Headway.Core.Tests.Formats;

public sealed class CsvFormatReaderTests
{
    [Fact]
    public void Todoist_ReadsTasksSectionsNotesIndentAndDates()
    {
        var (items, issues) = ReadFile("todoist.csv", TaskFormat.Todoist, new ReadOptions(DefaultProject: "Novel"));

        Assert.Empty(issues);
        Assert.Equal(4, items.Count);
        var research = items[0];
        Assert.Equal("Research literary agents", research.Text);
        Assert.Equal(["writing"], research.Tags);
        Assert.Equal(["Ask in the writers' group first", "QueryTracker lists 40 agents, some closed"], research.Notes.Select(n => n.Text));
        Assert.Null(research.Section);
        Assert.Equal("Novel", research.Project);
        Assert.Equal("4", research.Priority);
        Assert.Equal(2, research.Line);
        Assert.Null(research.SourceId);

        var email = items[1];
        Assert.Equal("Querying", email.Section);
        Assert.Equal("Use the list from QueryTracker.\nPersonalise the first line.", Assert.Single(email.Notes).Text);
        Assert.Equal(new DateOnly(2026, 12, 11), email.Due);
        Assert.Equal(new DateOnly(2026, 12, 4), email.Start);
        Assert.Equal("1", email.Priority);
        Assert.Equal("30", email.Extra["duration"]);
        Assert.Equal(7, email.Line);

        Assert.Equal(email.Line, items[2].ParentLine);
        Assert.Equal(9, items[2].Line);
        Assert.Equal("every week", items[3].Recurrence);
        Assert.Null(items[3].ParentLine);
    }

    [Fact]
    public void TickTick_SkipsThePreamble_AndReadsTasksByColumnName()
    {
        var (items, issues) = ReadFile("ticktick-backup.csv", TaskFormat.TickTick);

        Assert.Empty(issues);
        Assert.Equal(5, items.Count);
        Assert.Equal(8, items[0].Line);
        Assert.Equal("Watch a TED talk on habits", items[0].Text);
        Assert.Equal("Inbox", items[0].Project);
        Assert.Equal(Utc(2026, 10, 1, 8), items[0].CreatedAt);

        var apply = items[1];
        Assert.Equal("6540a1b2c3d4e5f601234502", apply.SourceId);
        Assert.Equal("Job hunt", apply.Project);
        Assert.Equal("Career", apply.Extra["folder"]);
        Assert.Equal("This week", apply.Section);
        Assert.Equal(["jobs", "career"], apply.Tags);
        // All-day: stored as local midnight in Berlin (23:00 UTC the day before).
        Assert.Equal(new DateOnly(2026, 11, 30), apply.Due);
        Assert.Equal("5", apply.Priority);

        var font = items[2];
        Assert.Equal(ItemStatus.Done, font.Status);
        Assert.Equal("▫Pick a font\n▪Export as PDF", Assert.Single(font.Notes).Text);
        Assert.Equal(Utc(2026, 10, 20, 18), font.CompletedAt);
        Assert.Equal(12, items[3].Line);
        Assert.Equal(font.SourceId, items[3].ParentId);

        Assert.Equal(ItemStatus.Dropped, items[4].Status);
        Assert.Equal("RRULE:FREQ=MONTHLY;INTERVAL=6", items[4].Recurrence);
    }

    [Fact]
    public void Csv_UnclosedQuote_CostsOneRecord_AndReadingResumesOnTheNextLine()
    {
        var text = "TYPE,CONTENT,PRIORITY\ntask,\"never closed,1\ntask,second,2\ntask,third,3\n";

        var (items, issues) = ReadText(text, TaskFormat.Todoist);

        Assert.Equal(["second", "third"], items.Select(i => i.Text));
        Assert.Equal([3, 4], items.Select(i => i.Line));
        var issue = Assert.Single(issues);
        Assert.Equal((2, true), (issue.Line, issue.Skipped));
    }

    [Fact]
    public void Todoist_UnknownColumn_IsOneIssueOnTheHeader_AndTheRowsAreStillRead()
    {
        var text = "CONTENT,SOMETHING_NEW,TYPE\nwrite the intro,x,task\nsend it to Sam,y,task\n";

        var (items, issues) = ReadText(text, TaskFormat.Todoist);

        Assert.Equal(["write the intro", "send it to Sam"], items.Select(i => i.Text));
        var issue = Assert.Single(issues);
        Assert.Equal((1, "SOMETHING_NEW", false), (issue.Line, issue.Field, issue.Skipped));
        Assert.Equal("Unknown column 'SOMETHING_NEW': Headway reads the columns Todoist writes (TYPE, CONTENT, DESCRIPTION … DEADLINE_LANG, IS_COLLAPSED) and no other; it was ignored.", issue.Message);
    }

    [Fact]
    public void TickTick_UnknownColumns_AreOneIssueOnTheHeaderLine()
    {
        var text = "\"Date: 2026-11-26+0000\"\n\"Version: 7.1\"\n\"List Name\",\"Title\",\"Mood\",\"taskId\",\"Energy\"\n\"Inbox\",\"call Sam\",\"good\",\"t1\",\"high\"\n";

        var (items, issues) = ReadText(text, TaskFormat.TickTick);

        Assert.Equal("call Sam", Assert.Single(items).Text);
        var issue = Assert.Single(issues);
        Assert.Equal((3, "Mood", false), (issue.Line, issue.Field, issue.Skipped));
        Assert.Equal("Unknown columns 'Mood', 'Energy': Headway reads the columns TickTick writes (Folder Name, List Name, Title … projectKind, Progress) and no other; they were ignored.", issue.Message);
    }

    [Fact]
    public void EveryColumnTheRealExportsWrite_IsKnown_InAnyCase()
    {
        // Todoist's full template (meta rows and folded sections included), in another case and with a blank last column.
        var todoist = "type,content,description,priority,indent,author,responsible,date,date_lang,timezone,duration,duration_unit,deadline,deadline_lang,is_collapsed,\n"
            + "meta,view_style=board,,,,,,,,,,,,,,\nsection,Querying,,,,,,,,,,,,,false,\ntask,email 5 agents,,1,1,Sam (1),,,en,UTC,30,minute,2026-12-11,en,,\n";
        // The newest TickTick backup header seen: projectKind at the end (and Progress, which some versions add).
        var ticktick = "\"Date: 2026-11-26+0000\"\n\"Folder Name\",\"List Name\",\"Title\",\"Kind\",\"Tags\",\"Content\",\"Is Check list\",\"Start Date\",\"Due Date\","
            + "\"Reminder\",\"Repeat\",\"Priority\",\"Status\",\"Created Time\",\"Completed Time\",\"Order\",\"Timezone\",\"Is All Day\",\"Is Floating\",\"Column Name\","
            + "\"Column Order\",\"View Mode\",\"taskId\",\"parentId\",\"projectKind\",\"Progress\"\n"
            + "\"\",\"Inbox\",\"call Sam\",\"TEXT\",\"\",\"\",\"N\",\"\",\"\",\"\",\"\",\"0\",\"0\",\"\",\"\",\"0\",\"UTC\",\"false\",\"false\",\"\",\"\",\"list\",\"t1\",\"\",\"TASK\",\"0\"\n";

        var (todoistItems, todoistIssues) = ReadText(todoist, TaskFormat.Todoist);
        var (tickTickItems, tickTickIssues) = ReadText(ticktick, TaskFormat.TickTick);

        Assert.Empty(todoistIssues);
        Assert.Equal("email 5 agents", Assert.Single(todoistItems).Text);
        Assert.Empty(tickTickIssues);
        Assert.Equal("call Sam", Assert.Single(tickTickItems).Text);
    }

    [Fact]
    public void Csv_MissingColumns_AreNotAnIssue()
    {
        var (items, issues) = ReadText("CONTENT,TYPE\nwrite the intro,task\n", TaskFormat.Todoist);

        Assert.Empty(issues);
        Assert.Equal("write the intro", Assert.Single(items).Text);
    }

    [Fact]
    public void Todoist_WithoutHeader_IsOneIssue()
    {
        var (items, issues) = ReadText("task,write,1\n", TaskFormat.Todoist);

        Assert.Empty(items);
        Assert.Equal(1, Assert.Single(issues).Line);
    }

    [Fact]
    public void TickTick_WithoutHeader_IsOneIssue_AndDuplicatesAreSkipped()
    {
        var (none, missing) = ReadText("\"Date: 2026-11-26+0000\"\nhello\n", TaskFormat.TickTick);
        Assert.Empty(none);
        Assert.Single(missing);

        var text = "\"List Name\",\"Title\",\"taskId\",\"Status\",\"Created Time\"\nInbox,one,a1,0,2026-11-01T09:00:00+0000\nInbox,two,a1,0,\nInbox,,a3,0,\nInbox,four,a4,7,soon\n";
        var (items, issues) = ReadText(text, TaskFormat.TickTick);
        Assert.Equal(["one", "four"], items.Select(i => i.Text));
        Assert.Contains(issues, i => i.Line == 3 && i.Field == "taskId" && i.Skipped);
        Assert.Contains(issues, i => i.Line == 4 && i.Field == "Title" && i.Skipped);
        Assert.Contains(issues, i => i.Line == 5 && i.Field == "Status" && !i.Skipped);
        Assert.Contains(issues, i => i.Line == 5 && i.Field == "Created Time" && !i.Skipped);
    }
}
