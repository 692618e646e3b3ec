using System.Text.Json;
using System.Text.Json.Serialization;
using Headway.App.Json;

namespace Headway.App.Transfer;

// The Headway JSON document (docs/cli.md, "headway export"): everything one user has, in a versioned shape of its own,
// so that `import` restores it losslessly. Unlike the --json shapes it keeps what only storage holds: the analyzer's
// own verdict beside the override, the planned week, versions, every history event, change requests, where an
// imported action came from. Ids are kept: restoring into an empty database gives every goal, action and commitment
// its old id back, so `headway done 17` still means the same action and export → import → export is identical.

public sealed record HeadwayDocument(
    string Format,
    int Version,
    UserDocument User,
    IReadOnlyList<GoalDocument> Goals,
    IReadOnlyList<ActionDocument> Actions,
    IReadOnlyList<CommitmentDocument> Commitments)
{
    /// <summary>The value of <see cref="Format"/>: how <c>import</c> tells a Headway export from Taskwarrior's JSON.</summary>
    public const string FormatName = "headway";

    /// <summary>The shape's version; a reader refuses versions it does not know.</summary>
    public const int CurrentVersion = 1;
}

public sealed record UserDocument(string Name, string TimeZone, string WeekStart);

public sealed record GoalDocument(
    long Id, string Title, string? Why, string Area, string Status, TargetJson? Target, DateOnly? TargetDate,
    DateTime CreatedAt, DateTime UpdatedAt, string? SourceKey);

public sealed record ActionDocument(
    long Id, string Text, long? GoalId, string Horizon, string Status, DateOnly? Due, OutcomeJson? Outcome,
    string Verdict, int Score, IReadOnlyList<SignalJson> Signals, string? Suggestion, OverrideJson? Override, bool Stretch,
    string? Result, DateOnly PlannedWeek, DateTime CreatedAt, DateTime UpdatedAt, DateTime? CompletedAt, int Version,
    string? Source, string? SourceId, IReadOnlyList<string> Labels, IReadOnlyList<EventDocument> History);

public sealed record EventDocument(string Kind, DateTime At, string? Detail);

public sealed record CommitmentDocument(
    long Id, long? GoalId, long? ActionId, DateOnly Due, string? EventName, string? EventLink, TargetJson? Target, string Status,
    DateTime CreatedAt, DateTime? LockedAt, DateTime? ResolvedAt, int Version, IReadOnlyList<ChangeRequestDocument> Requests);

public sealed record ChangeRequestDocument(
    int CommitmentVersion, string Kind, DateOnly? NewDue, TargetJson? NewTarget, string Path, DateTime RequestedAt,
    DateTime? EffectiveAt, string Status, DateTime? SettledAt);

/// <summary>What one import did: items read and what became of them, goals made from projects, commitments restored.</summary>
public sealed record ImportReport(
    string File, string Format, int Read, int Added, int Updated, int Unchanged, int Skipped, int GoalsCreated, int GoalsActive, int Commitments);

// Strict on the way in: a property Headway does not know, or a missing one, is an error that names it, not data
// silently lost. Indented on the way out: a backup people diff and read.
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow, RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(HeadwayDocument))]
public sealed partial class TransferJsonContext : JsonSerializerContext;

/// <summary>The import report's --json form: one line, like every other command's.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = false, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ImportReport))]
public sealed partial class ImportReportJsonContext : JsonSerializerContext;
