using System.Text.Json;
using System.Text.Json.Serialization;
using Headway.App.Json;

namespace Headway.Web.Api;

// What API clients send. The answers use the shapes the command line's --json uses (Headway.App.Json), so one concept
// has one shape. Every field is optional in the type so that a missing one gets a sentence, not a binding failure.

public sealed record GoalBody(string? Title, string? Why, string? Area, TargetJson? Target, DateOnly? TargetDate);

public sealed record ActionBody(
    string? Text, long? GoalId, string? Horizon, DateOnly? Due, string? Outcome, bool? KeepPassive, OverrideJson? Override, bool? Stretch);

/// <summary>Changes to an action: absent fields stay as they are; unalign and clearDue remove the goal and the due date.</summary>
public sealed record ActionEditBody(
    string? Text, long? GoalId, bool? Unalign, DateOnly? Due, bool? ClearDue, string? Outcome, OverrideJson? Override, bool? Stretch);

public sealed record DoneBody(string? Result);

public sealed record MoveBody(string? To);

public sealed record DropBody(string? Reason);

public sealed record CheckBody(string? Text);

public sealed record CommitmentBody(long? GoalId, long? ActionId, DateOnly? Due, string? EventName, string? EventLink, TargetJson? Target, bool? Lock);

/// <summary>One change to a commitment: a new date, a new target, or dropping it.</summary>
public sealed record CommitmentChangeBody(DateOnly? Due, TargetJson? Target, bool? Drop);

/// <summary>A page of actions; <c>next</c> is the URL of the next page, null on the last one.</summary>
public sealed record ActionPageJson(IReadOnlyList<ActionJson> Items, string? Next);

/// <summary>A passive action refused until the client confirms it: the analyzer's verdict travels with the problem.</summary>
public sealed record PassiveProblemJson(AnalysisJson Analysis);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(GoalBody))]
[JsonSerializable(typeof(ActionBody))]
[JsonSerializable(typeof(ActionEditBody))]
[JsonSerializable(typeof(DoneBody))]
[JsonSerializable(typeof(MoveBody))]
[JsonSerializable(typeof(DropBody))]
[JsonSerializable(typeof(CheckBody))]
[JsonSerializable(typeof(CommitmentBody))]
[JsonSerializable(typeof(CommitmentChangeBody))]
[JsonSerializable(typeof(ActionPageJson))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
