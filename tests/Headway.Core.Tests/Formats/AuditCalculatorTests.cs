using Headway.Core.Audits;
using Headway.Core.Formats;
using Headway.Core.Reviews;
using Xunit;
using static Headway.Core.Tests.Formats.SampleFiles;

namespace Headway.Core.Tests.Formats;

public sealed class AuditCalculatorTests
{
    private static readonly DateTime Now = Utc(2026, 11, 26, 10);

    // Five items whose verdicts, outcomes and signals are plain enough to count by hand.
    private static readonly ImportedItem[] Backlog =
    [
        new() { Line = 1, Text = "write 1,000 words for chapter 4 by fri", Project = "Novel", Status = ItemStatus.Done },
        new() { Line = 2, Text = "watch 3 tutorials on query optimization", Status = ItemStatus.Open },
        new() { Line = 3, Text = "research trademark rules", Project = "Inbox", Status = ItemStatus.Open },
        new() { Line = 4, Text = "email Dana to ask for an intro to her agent", Project = "Novel", Status = ItemStatus.Open, CreatedAt = Utc(2026, 9, 1) },
        new() { Line = 5, Text = "polish the wording of my linkedin summary one more time", Status = ItemStatus.Dropped },
    ];

    [Fact]
    public void SmallBacklog_FiguresMatchTheHandCount()
    {
        var audit = Run(Backlog, top: 2);

        Assert.Equal((5, 3, 1, 1), (audit.Items, audit.Open, audit.Done, audit.Dropped));
        Assert.Equal((2, 3), (audit.Meaningful, audit.Passive));
        Assert.Equal(0.6, audit.BusyWorkRatio);
        Assert.Equal(3, audit.WithoutOutcome);
        var signals = audit.Signals.ToDictionary();
        Assert.Equal(2, signals["specific-outcome"]);
        Assert.Equal(1, signals["consumption"]);
        Assert.Equal(1, signals["preparation"]);
        Assert.Equal(1, signals["polishing"]);
        Assert.Equal(1, signals["outreach"]);
        Assert.Equal(1, signals["creation"]);
        Assert.Equal(signals.Values.OrderByDescending(v => v), audit.Signals.Select(s => s.Value));
    }

    [Fact]
    public void SmallBacklog_TopPassive_IsOpenItemsFirst_LowestScoreFirst_WithSuggestions()
    {
        var audit = Run(Backlog, top: 2);

        Assert.Equal([2, 3], audit.TopPassive.Select(t => t.Line).Order());
        Assert.True(audit.TopPassive[0].Score <= audit.TopPassive[1].Score);
        Assert.All(audit.TopPassive, t =>
        {
            Assert.Equal(ItemStatus.Open, t.Status);
            Assert.False(string.IsNullOrEmpty(t.Suggestion));
            Assert.NotEmpty(t.Signals);
        });
        Assert.Equal(3, Run(Backlog, top: 10).TopPassive.Count);
    }

    [Fact]
    public void SmallBacklog_ProjectsAndDiagnosis()
    {
        var audit = Run(Backlog, top: 2);

        Assert.Equal(["Novel", null, "Inbox"], audit.Projects.Select(p => p.Name));
        Assert.Equal(new ProjectAudit("Novel", 2, 1, 1, 2, 0), audit.Projects[0]);
        Assert.Equal(new ProjectAudit(null, 2, 1, 0, 0, 2), audit.Projects[1]);

        var d = audit.Diagnosis.ToDictionary(x => x.Cause);
        // no-goals: 2 of 5 items have no project → ceil(50 × 2/5) = 20; "Novel" reads as a goal.
        Assert.Equal(20, d[Cause.NoGoals].Score);
        Assert.Contains("2 of 5 (40%)", d[Cause.NoGoals].Evidence[0], StringComparison.Ordinal);
        // perfectionism: research + polish = 2 of 5 → ceil(60 × 2/5) = 24; 3 open < 4, so no "plans without completions".
        Assert.Equal(24, d[Cause.Perfectionism].Score);
        // fear: the email open since 2026-09-01 (86 days) +25; no outreach or exposure item completed +25.
        Assert.Equal(50, d[Cause.Fear].Score);
        Assert.Contains("open since 2026-09-01 (86 days)", d[Cause.Fear].Evidence[0], StringComparison.Ordinal);
        Assert.Equal([Cause.Fear, Cause.Perfectionism, Cause.NoGoals], audit.Diagnosis.Select(x => x.Cause));
    }

    [Fact]
    public void Issues_AreCounted_AndOnlyTheFirstHundredKept()
    {
        var calculator = new AuditCalculator(Now);
        for (var i = 1; i <= 250; i++)
        {
            calculator.Add(new ReadIssue(i, null, "bad", Skipped: i % 2 == 0));
        }

        var audit = calculator.Build();

        Assert.Equal((125, 125), (audit.UnreadableCount, audit.WarningCount));
        Assert.Equal(AuditCalculator.MaxIssuesKept, audit.Unreadable.Count);
        Assert.Equal(0, audit.Items);
        Assert.Equal(0, audit.BusyWorkRatio);
    }

    [Fact]
    public void RecurrenceTemplates_AreNotCounted_AndOnlyGenericProjects_ReadAsNoGoals()
    {
        var audit = Run(
        [
            new() { Line = 1, Text = "run 5 km", Project = "Inbox", IsRecurrenceTemplate = true },
            new() { Line = 2, Text = "run 5 km", Project = "Inbox" },
            new() { Line = 3, Text = "buy milk", Project = "Errands" },
        ], top: 5);

        Assert.Equal(2, audit.Items);
        var noGoals = audit.Diagnosis.Single(x => x.Cause == Cause.NoGoals);
        Assert.Equal(30, noGoals.Score);
        Assert.Contains("reads as a goal", noGoals.Evidence[0], StringComparison.Ordinal);
    }

    private static BacklogAudit Run(IEnumerable<ImportedItem> items, int top)
    {
        var calculator = new AuditCalculator(Now, top);
        foreach (var item in items)
        {
            calculator.Add(item);
        }

        return calculator.Build();
    }
}
