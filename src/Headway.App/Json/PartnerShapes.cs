using System.Text.Json;
using System.Text.Json.Serialization;
using Headway.App.Partners;
using Headway.Core.Partners;

namespace Headway.App.Json;

// The partner shapes of `headway partner list --json` (and, later, the API's partner endpoints). A context of their own
// keeps the shared shapes file free of partner types.

public sealed record PartnerJson(long Id, long UserId, string Name, string? Email, bool SeesActions, DateTime Since, IReadOnlyList<long> Goals);

public sealed record InvitationJson(long Id, string? Email, DateTime CreatedAt, DateTime ExpiresAt);

public sealed record PartnersJson(IReadOnlyList<PartnerJson> Partners, IReadOnlyList<InvitationJson> Invitations);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = false, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(PartnersJson))]
public sealed partial class PartnerJsonContext : JsonSerializerContext;

public static class PartnerJsonShapes
{
    public static PartnerJson ToJson(this Partner p) => new(p.Id, p.PartnerUserId, p.Name, p.Email, p.SeesActions, p.Since, p.SharedGoalIds);

    public static InvitationJson ToJson(this Invitation i) => new(i.Id, i.Email, i.CreatedAt, i.ExpiresAt);
}
