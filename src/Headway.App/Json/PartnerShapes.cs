using System.Text.Json;
using System.Text.Json.Serialization;
using Headway.App.Partners;
using Headway.Core.Partners;

namespace Headway.App.Json;

// The partner shapes of `headway partner list --json` and of the API's partner endpoints. A context of their own keeps
// the shared shapes file free of partner types.

public sealed record PartnerJson(long Id, long UserId, string Name, string? Email, bool SeesActions, DateTime Since, IReadOnlyList<long> Goals);

public sealed record InvitationJson(long Id, string? Email, DateTime CreatedAt, DateTime ExpiresAt);

public sealed record PartnersJson(IReadOnlyList<PartnerJson> Partners, IReadOnlyList<InvitationJson> Invitations);

/// <summary>Someone who made you their partner.</summary>
public sealed record PersonJson(long UserId, string Name, bool SeesActions, DateTime Since);

/// <summary>A request to loosen a locked commitment, waiting for your decision.</summary>
public sealed record WaitingRequestJson(long UserId, string Name, ChangeRequestJson Request, CommitmentJson Commitment);

/// <summary>An outcome as a partner sees it: the action's text only when the person lets them see actions.</summary>
public sealed record SharedOutcomeJson(long ActionId, long GoalId, string? Text, string Result, DateTime CompletedAt, bool Verified);

public sealed record CheckInJson(DateTime At, string Subject, string Body);

public sealed record NoteJson(long Id, string Author, string Kind, long? GoalId, long? ActionId, string? Body, DateTime At);

/// <summary>Everything one partner may see of one person.</summary>
public sealed record PersonViewJson(
    long UserId, string Name, bool SeesActions, IReadOnlyList<GoalJson> Goals, IReadOnlyList<CommitmentJson> Commitments,
    IReadOnlyList<ActionJson> OpenActions, IReadOnlyList<SharedOutcomeJson> Outcomes, IReadOnlyList<WaitingRequestJson> Requests,
    IReadOnlyList<CheckInJson> CheckIns, IReadOnlyList<NoteJson> Notes);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = false, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(PartnersJson))]
[JsonSerializable(typeof(List<PersonJson>))]
[JsonSerializable(typeof(List<WaitingRequestJson>))]
[JsonSerializable(typeof(PersonViewJson))]
public sealed partial class PartnerJsonContext : JsonSerializerContext;

public static class PartnerJsonShapes
{
    public static PartnerJson ToJson(this Partner p) => new(p.Id, p.PartnerUserId, p.Name, p.Email, p.SeesActions, p.Since, p.SharedGoalIds);

    public static InvitationJson ToJson(this Invitation i) => new(i.Id, i.Email, i.CreatedAt, i.ExpiresAt);

    public static PersonJson ToJson(this Person p) => new(p.UserId, p.Name, p.SeesActions, p.Since);

    public static WaitingRequestJson ToJson(this WaitingRequest w) => new(w.UserId, w.Name, w.Request.ToJson(), w.Commitment.ToJson(w.Request));

    public static PersonViewJson ToJson(this PersonView v) => new(
        v.UserId, v.Name, v.SeesActions, [.. v.Goals.Select(g => g.ToJson())],
        [.. v.Commitments.Select(c => c.ToJson(v.Requests.FirstOrDefault(r => r.Commitment.Id == c.Id)?.Request))],
        [.. v.OpenActions.Select(a => a.ToJson())],
        [.. v.Outcomes.Select(o => new SharedOutcomeJson(o.ActionId, o.GoalId, o.Text, o.Result, o.CompletedAt, o.Verified))],
        [.. v.Requests.Select(r => r.ToJson())],
        [.. v.CheckIns.Select(c => new CheckInJson(c.At, c.Subject, c.Body))],
        [.. v.Notes.Select(n => new NoteJson(n.Id, n.Author, n.Kind.Name(), n.GoalId, n.ActionId, n.Body, n.At))]);
}
