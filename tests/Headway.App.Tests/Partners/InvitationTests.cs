using Headway.App.Partners;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.Core;

namespace Headway.App.Tests.Partners;

/// <summary>Invitation links: secret, stored only as a hash, single use, seven days, revocable, sent by email when they can be.</summary>
public sealed class InvitationTests
{
    private static CancellationToken Ct => TestPlanner.Ct;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Invite_GivesARandomLinkWhoseTokenIsNotStored(Provider provider)
    {
        await using var world = await PartnerWorld.CreateAsync(provider);

        var a = (await InvitePartner.RunAsync(world.Owner, null, "https://headway.example.org/", null, Ct)).Value;
        var b = (await InvitePartner.RunAsync(world.Owner, null, "https://headway.example.org/", null, Ct)).Value;

        Assert.StartsWith("https://headway.example.org/invitations/", a.Link, StringComparison.Ordinal);
        var token = PartnerWorld.TokenOf(a.Link);
        Assert.Equal(43, token.Length);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", token);
        Assert.NotEqual(token, PartnerWorld.TokenOf(b.Link));
        Assert.Equal(0, await world.Planner.CountAsync("SELECT COUNT(*) FROM invitations WHERE token_hash = @t", ("t", token)));
        Assert.Equal(1, await world.Planner.CountAsync("SELECT COUNT(*) FROM invitations WHERE length(token_hash) = 64 AND id = @id", ("id", a.Invitation.Id)));
        Assert.Equal(world.Owner.NowUtc.AddDays(7), a.Invitation.ExpiresAt);
        Assert.False(a.Emailed);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Accept_WorksOnce(Provider provider)
    {
        await using var world = await PartnerWorld.CreateAsync(provider);
        var link = (await InvitePartner.RunAsync(world.Owner, null, "https://headway.example.org", null, Ct)).Value.Link;
        var bo = await world.Planner.OpenSessionAsync(await world.Planner.AddUserAsync("Bo"));
        var cy = await world.Planner.OpenSessionAsync(await world.Planner.AddUserAsync("Cy"));

        var first = await AcceptInvitation.RunAsync(bo, PartnerWorld.TokenOf(link), Ct);
        var second = await AcceptInvitation.RunAsync(cy, PartnerWorld.TokenOf(link), Ct);

        Assert.True(first.IsOk, first.Error?.Message);
        Assert.Equal(ErrorKind.Refused, second.Error!.Kind);
        Assert.Contains("already been used", second.Error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await world.Planner.CountAsync("SELECT COUNT(*) FROM partnerships"));
        Assert.Empty(await ListInvitations.RunAsync(world.Owner, Ct));
        Assert.Equal(["partner-joined"], await world.NotificationsAsync(world.Owner.UserId));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ExpiredRevokedOwnAndMangledLinks_AreRefusedWithAReason(Provider provider)
    {
        await using var world = await PartnerWorld.CreateAsync(provider);
        var bo = await world.Planner.OpenSessionAsync(await world.Planner.AddUserAsync("Bo"));
        var expiring = (await InvitePartner.RunAsync(world.Owner, null, "https://headway.example.org", null, Ct)).Value;
        var revoked = (await InvitePartner.RunAsync(world.Owner, null, "https://headway.example.org", null, Ct)).Value;
        var own = (await InvitePartner.RunAsync(world.Owner, null, "https://headway.example.org", null, Ct)).Value;
        Assert.True((await RevokeInvitation.RunAsync(world.Owner, revoked.Invitation.Id, Ct)).IsOk);

        Assert.Contains("own invitation", (await AcceptInvitation.RunAsync(world.Owner, PartnerWorld.TokenOf(own.Link), Ct)).Error!.Message, StringComparison.Ordinal);
        Assert.Contains("withdrawn", (await AcceptInvitation.RunAsync(bo, PartnerWorld.TokenOf(revoked.Link), Ct)).Error!.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorKind.NotFound, (await AcceptInvitation.RunAsync(bo, PartnerWorld.TokenOf(own.Link)[..42] + "x", Ct)).Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, (await AcceptInvitation.RunAsync(bo, "'; DROP TABLE users; --", Ct)).Error!.Kind);

        world.Planner.Clock.Advance(TimeSpan.FromDays(7));
        var expired = await AcceptInvitation.RunAsync(bo, PartnerWorld.TokenOf(expiring.Link), Ct);
        Assert.Contains("expired", expired.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(0, await world.Planner.CountAsync("SELECT COUNT(*) FROM partnerships"));
        Assert.Equal(ErrorKind.Refused, (await RevokeInvitation.RunAsync(world.Owner, revoked.Invitation.Id, Ct)).Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, (await RevokeInvitation.RunAsync(bo, own.Invitation.Id, Ct)).Error!.Kind);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task TwoAcceptancesAtOnce_MakeOnePartner(Provider provider)
    {
        await using var world = await PartnerWorld.CreateAsync(provider);
        for (var round = 0; round < 5; round++)
        {
            var token = PartnerWorld.TokenOf((await InvitePartner.RunAsync(world.Owner, null, "https://headway.example.org", null, Ct)).Value.Link);
            var people = new List<PlannerSession>();
            for (var i = 0; i < 4; i++)
            {
                people.Add(await world.Planner.OpenSessionAsync(await world.Planner.AddUserAsync($"Runner {round}-{i}")));
            }

            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var tasks = people.Select(p => Task.Run(async () =>
            {
                await gate.Task;
                return await AcceptInvitation.RunAsync(p, token, Ct);
            }, Ct)).ToList();
            gate.SetResult();
            var results = await Task.WhenAll(tasks);

            Assert.Single(results, r => r.IsOk);
        }

        Assert.Equal(5, await world.Planner.CountAsync("SELECT COUNT(*) FROM partnerships"));
    }

    [Fact]
    public async Task Invite_WithEmailAndAMailer_SendsTheLink_WithoutOne_ReturnsItToCopy()
    {
        await using var world = await PartnerWorld.CreateAsync(Provider.Sqlite);
        var mailer = new RecordingMailer();

        var sent = (await InvitePartner.RunAsync(world.Owner, "bo@example.org", "https://headway.example.org", mailer, Ct)).Value;
        var notConfigured = (await InvitePartner.RunAsync(world.Owner, "bo@example.org", "https://headway.example.org", new RecordingMailer(configured: false), Ct)).Value;
        var failing = (await InvitePartner.RunAsync(world.Owner, "bo@example.org", "https://headway.example.org", new RecordingMailer(fail: true), Ct)).Value;

        Assert.True(sent.Emailed);
        var mail = Assert.Single(mailer.Sent);
        Assert.Equal("bo@example.org", mail.To);
        Assert.Contains(sent.Link, mail.TextBody, StringComparison.Ordinal);
        Assert.False(notConfigured.Emailed);
        Assert.Null(notConfigured.EmailProblem);
        Assert.False(failing.Emailed);
        Assert.Contains("copy the link", failing.EmailProblem, StringComparison.Ordinal);
        Assert.Equal(3, (await ListInvitations.RunAsync(world.Owner, Ct)).Count);
    }

    [Fact]
    public async Task Invite_WithABadEmailOrAddress_IsRefusedAndStoresNothing()
    {
        await using var world = await PartnerWorld.CreateAsync(Provider.Sqlite);

        Assert.Equal(ErrorKind.Invalid, (await InvitePartner.RunAsync(world.Owner, "bo at example", "https://headway.example.org", null, Ct)).Error!.Kind);
        Assert.Equal(ErrorKind.Invalid, (await InvitePartner.RunAsync(world.Owner, "Bo <bo@example.org>", "https://headway.example.org", null, Ct)).Error!.Kind);
        Assert.Equal(ErrorKind.Invalid, (await InvitePartner.RunAsync(world.Owner, null, "javascript:alert(1)", null, Ct)).Error!.Kind);
        Assert.Equal(0, await world.Planner.CountAsync("SELECT COUNT(*) FROM invitations"));
    }
}
