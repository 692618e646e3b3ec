using System.Text.Json;
using System.Text.Json.Serialization;
using Headway.App.Reviews;
using Headway.Core.Actions;
using Headway.Core.Analysis;
using Headway.Core.Commitments;
using Headway.Core.Goals;
using Headway.Core.Reviews;

namespace Headway.App.Json;

// The JSON shapes of DESIGN.md, shared by the command line's --json and the web API. Serialized by a source-generated
// context, so the native (AOT) command line needs no reflection.

public sealed record OutcomeJson(double? Quantity, string? Unit, string Phrase);

public sealed record SignalJson(string Code, string Evidence);

public sealed record AnalysisJson(string Text, string Verdict, int Score, OutcomeJson? Outcome, IReadOnlyList<SignalJson> Signals, string? Suggestion);

public sealed record OverrideJson(string Verdict, string Reason);

public sealed record ActionJson(
    long Id, string Text, long? GoalId, string Horizon, string Status, DateOnly? Due, OutcomeJson? Outcome, string Verdict,
    int Score, IReadOnlyList<SignalJson> Signals, string? Suggestion, OverrideJson? Override, bool Stretch, string? Result,
    DateTime CreatedAt, DateTime? CompletedAt);

public sealed record TargetJson(double Quantity, string Unit);

public sealed record GoalJson(long Id, string Title, string? Why, string Area, string Status, TargetJson? Target, DateOnly? TargetDate);

public sealed record GoalDetailJson(GoalJson Goal, IReadOnlyList<ActionJson> Actions, IReadOnlyList<CommitmentJson> Commitments);

public sealed record ChangeRequestJson(long Id, string Kind, DateOnly? NewDue, TargetJson? NewTarget, string Path, DateTime RequestedAt, DateTime? EffectiveAt, string Status);

public sealed record CommitmentJson(
    long Id, long? GoalId, long? ActionId, DateOnly Due, string? EventName, string? EventLink, TargetJson? Target, string Status,
    bool Locked, ChangeRequestJson? PendingRequest);

public sealed record GoalReviewJson(long Id, string Title, int Outcomes, bool Stalled);

public sealed record CommitmentSummaryJson(int Kept, int AtRisk, int Missed);

public sealed record DiagnosisJson(string Cause, int Score, IReadOnlyList<string> Evidence);

public sealed record ReviewJson(
    DateOnly WeekStart, DateOnly WeekEnd, int Completed, int MeaningfulCompleted, double ProgressRatio, int Outcomes,
    IReadOnlyList<GoalReviewJson> Goals, int StretchCount, bool StretchQuotaMet, CommitmentSummaryJson Commitments,
    IReadOnlyList<DiagnosisJson> Diagnosis, IReadOnlyList<ActionJson> ProposedNow, IReadOnlyList<string> Notes);

public sealed record ErrorJson(string Error, string Kind);

public sealed record DashboardJson(
    IReadOnlyList<GoalJson> Goals, IReadOnlyList<ActionJson> Now, IReadOnlyList<ActionJson> Week, int Completed, int Outcomes,
    double ProgressRatio, IReadOnlyList<CommitmentJson> Commitments);

public sealed record SettingsJson(string User, string TimeZone, string WeekStart, string Database);

public sealed record AuditItemJson(string Text, int Score, IReadOnlyList<string> Signals, string? Suggestion, string? Project, int Line, string Status);

public sealed record AuditProjectJson(string? Name, int Items, int Open, int Done, int Meaningful, int Passive, double BusyWorkRatio);

public sealed record AuditIssueJson(int Line, string? Field, string Message);

public sealed record AuditJson(
    string Format, int Items, int Open, int Done, int Dropped, int Meaningful, int Passive, double BusyWorkRatio, int WithoutOutcome,
    Dictionary<string, int> Signals, IReadOnlyList<AuditItemJson> TopPassive, IReadOnlyList<DiagnosisJson> Diagnosis,
    IReadOnlyList<AuditProjectJson> Projects, IReadOnlyList<AuditIssueJson> Unreadable, int UnreadableCount,
    IReadOnlyList<AuditIssueJson> Warnings, int WarningCount);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = false, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(AnalysisJson))]
[JsonSerializable(typeof(ActionJson))]
[JsonSerializable(typeof(List<ActionJson>))]
[JsonSerializable(typeof(GoalJson))]
[JsonSerializable(typeof(List<GoalJson>))]
[JsonSerializable(typeof(GoalDetailJson))]
[JsonSerializable(typeof(CommitmentJson))]
[JsonSerializable(typeof(List<CommitmentJson>))]
[JsonSerializable(typeof(ReviewJson))]
[JsonSerializable(typeof(ErrorJson))]
[JsonSerializable(typeof(DashboardJson))]
[JsonSerializable(typeof(SettingsJson))]
[JsonSerializable(typeof(AuditJson))]
public sealed partial class HeadwayJsonContext : JsonSerializerContext;

/// <summary>Domain → JSON shape.</summary>
public static class JsonShapes
{
    public static AnalysisJson ToJson(this ActionAnalysis a) => new(
        a.Text, VerdictName(a.Verdict), a.Score, a.Outcome is { } o ? new OutcomeJson(o.Quantity, o.Unit, o.Phrase) : null,
        a.Signals.Select(ToJson).ToList(), a.Suggestion);

    public static SignalJson ToJson(this Signal s) => new(s.Code.ToCode(), s.Evidence);

    public static ActionJson ToJson(this PlannedAction a) => new(
        a.Id, a.Text, a.GoalId, a.Horizon.Name(), a.Status.ToString().ToLowerInvariant(), a.Due,
        a.Outcome is { } o ? new OutcomeJson(o.Quantity, o.Unit, o.Phrase) : null,
        VerdictName(a.EffectiveVerdict), a.Score, a.Signals.Select(ToJson).ToList(), a.Suggestion,
        a.Override is { } v ? new OverrideJson(VerdictName(v.Verdict), v.Reason) : null, a.Stretch, a.Result, a.CreatedAt, a.CompletedAt);

    public static GoalJson ToJson(this Goal g) => new(
        g.Id, g.Title, g.Why, g.Area.ToString().ToLowerInvariant(), g.Status.ToString().ToLowerInvariant(),
        g.Target is { } t ? new TargetJson(t.Amount, t.Unit) : null, g.TargetDate);

    public static CommitmentJson ToJson(this Commitment c, ChangeRequest? pending = null) => new(
        c.Id, c.GoalId, c.ActionId, c.Due, c.EventName, c.EventLink, c.Target is { } t ? new TargetJson(t.Amount, t.Unit) : null,
        CommitmentRules.Name(c.Status), c.Status == CommitmentStatus.Locked, pending?.ToJson());

    public static ChangeRequestJson ToJson(this ChangeRequest r) => new(
        r.Id, r.Change.Kind.ToString().ToLowerInvariant(), r.Change.NewDue, r.Change.NewTarget is { } t ? new TargetJson(t.Amount, t.Unit) : null,
        r.Path == ApprovalPath.CoolingOff ? "cooling-off" : "partner", r.RequestedAt, r.EffectiveAt, CommitmentRules.Name(r.Status));

    public static ReviewJson ToJson(this ReviewReport report)
    {
        var r = report.Review;
        return new ReviewJson(
            r.WeekStart, r.WeekEnd, r.Completed, r.MeaningfulCompleted, r.ProgressRatio, r.Outcomes,
            r.Goals.Select(g => new GoalReviewJson(g.Id, g.Title, g.Outcomes, g.Stalled)).ToList(),
            r.StretchCount, r.StretchQuotaMet, new CommitmentSummaryJson(r.Commitments.Kept, r.Commitments.AtRisk, r.Commitments.Missed),
            r.Diagnosis.Select(d => new DiagnosisJson(d.Cause.Name(), d.Score, d.Evidence)).ToList(),
            r.ProposedNow.Where(report.Actions.ContainsKey).Select(id => report.Actions[id].ToJson()).ToList(),
            r.Notes);
    }

    public static string VerdictName(Verdict v) => v == Verdict.Meaningful ? "meaningful" : "passive";
}
