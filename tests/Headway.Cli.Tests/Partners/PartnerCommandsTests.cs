using System.Text.Json;
using Headway.App;
using Headway.App.Partners;
using Headway.App.Storage;
using Headway.App.Users;
using Headway.Cli.Tests.Hosting;

namespace Headway.Cli.Tests.Partners;

public sealed class PartnerCommandsTests : IAsyncLifetime
{
    private readonly CliRunner _cli = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _cli.OkAsync("goal", "add", "Run the Hometown 5K", "--area", "fitness");
        await _cli.OkAsync("goal", "add", "Finish my novel", "--area", "writing");
    }

    public ValueTask DisposeAsync()
    {
        _cli.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Invites from the command line, then accepts the link as a new person would in the web app.</summary>
    private async Task<string> PartnerAsync(string name)
    {
        var link = (await _cli.OkAsync("partner", "invite")).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        await using var source = HeadwayDataSource.Create(DatabaseTarget.Parse(_cli.DatabasePath).Value);
        await using var db = await source.OpenAsync(Ct);
        var person = await AddUser.RunAsync(db, name, _cli.Clock, Ct);
        var accepted = await AcceptInvitation.RunAsync(new PlannerSession(db, person, _cli.Clock), link[(link.LastIndexOf('/') + 1)..], Ct);
        Assert.True(accepted.IsOk, accepted.Error?.Message);
        return link;
    }

    [Fact]
    public async Task Invite_PrintsASingleUseLinkToTheWebApp()
    {
        var result = await _cli.OkAsync("partner", "invite", "--email", "bo@example.com", "--url", "https://headway.example.org/");

        Assert.Contains("Invitation 1 for bo@example.com", result.Out, StringComparison.Ordinal);
        Assert.Contains("until 2026-12-03 10:00Z", result.Out, StringComparison.Ordinal);
        Assert.Matches("https://headway.example.org/invitations/[A-Za-z0-9_-]{43}\n", result.Out);
        Assert.Matches("http://127.0.0.1:5080/invitations/[A-Za-z0-9_-]{43}", (await _cli.OkAsync("partner", "invite")).Out);
    }

    [Fact]
    public async Task ShareUnshareAndRemove_ChangeWhatThePartnerSees()
    {
        await PartnerAsync("Bo");

        Assert.Contains("Bo now sees goal 1 (Run the Hometown 5K), outcomes only.", (await _cli.OkAsync("partner", "share", "Bo", "--goal", "5K")).Out, StringComparison.Ordinal);
        Assert.Contains("with your actions", (await _cli.OkAsync("partner", "share", "1", "--goal", "novel", "--actions")).Out, StringComparison.Ordinal);
        var listed = await _cli.OkAsync("partner", "list");
        Assert.Contains("1 Bo (actions)", listed.Out, StringComparison.Ordinal);
        Assert.Contains("sees: Run the Hometown 5K, Finish my novel", listed.Out, StringComparison.Ordinal);

        Assert.Contains("no longer sees goal 2", (await _cli.OkAsync("partner", "unshare", "bo", "--goal", "2")).Out, StringComparison.Ordinal);
        var json = await _cli.JsonAsync("partner", "list");
        var partner = json.GetProperty("partners")[0];
        Assert.Equal("Bo", partner.GetProperty("name").GetString());
        Assert.True(partner.GetProperty("seesActions").GetBoolean());
        Assert.Equal([1L], partner.GetProperty("goals").EnumerateArray().Select(g => g.GetInt64()));
        Assert.Equal(0, json.GetProperty("invitations").GetArrayLength());

        Assert.Contains("Removed Bo", (await _cli.OkAsync("partner", "remove", "Bo")).Out, StringComparison.Ordinal);
        Assert.Equal(0, (await _cli.JsonAsync("partner", "list")).GetProperty("partners").GetArrayLength());
    }

    [Fact]
    public async Task CommitRequest_NamesThePartnersWhoMustApprove()
    {
        await PartnerAsync("Bo");
        await PartnerAsync("Cy");
        await _cli.OkAsync("partner", "share", "Bo", "--goal", "5K");
        await _cli.OkAsync("partner", "share", "Cy", "--goal", "novel");
        await _cli.OkAsync("commit", "add", "--goal", "5K", "--date", "2027-03-14", "--event", "Hometown 5K", "--lock");
        await _cli.OkAsync("commit", "add", "--goal", "novel", "--date", "2027-06-30", "--lock");

        var race = await _cli.OkAsync("commit", "request", "1", "--date", "2027-04-11");
        Assert.Contains("It applies once one of them approves: Bo.", race.Out, StringComparison.Ordinal);
        Assert.Contains("awaiting a partner's approval", (await _cli.OkAsync("commit", "list")).Out, StringComparison.Ordinal);
        var pending = (await _cli.JsonAsync("commit", "list"))[0].GetProperty("pendingRequest");
        Assert.Equal("partner", pending.GetProperty("path").GetString());
        Assert.Equal(JsonValueKind.Null, pending.GetProperty("effectiveAt").ValueKind);

        await _cli.OkAsync("partner", "unshare", "Cy", "--goal", "novel");
        Assert.Contains("No partner can approve it", (await _cli.OkAsync("commit", "request", "2", "--drop")).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_StopsTheLink_AndBadInputIsOneSentence()
    {
        await _cli.OkAsync("partner", "invite");

        Assert.Contains("Revoked invitation 1", (await _cli.OkAsync("partner", "revoke", "1")).Out, StringComparison.Ordinal);
        (await _cli.RunAsync("partner", "revoke", "1")).AssertOneSentenceError(4);
        (await _cli.RunAsync("partner", "revoke", "99")).AssertOneSentenceError(3);
        (await _cli.RunAsync("partner", "revoke", "abc")).AssertOneSentenceError(2);
        (await _cli.RunAsync("partner", "share", "nobody", "--goal", "5K")).AssertOneSentenceError(3);
        (await _cli.RunAsync("partner", "remove", "nobody")).AssertOneSentenceError(3);
        (await _cli.RunAsync("partner", "invite", "--email", "not an email")).AssertOneSentenceError(2);
        (await _cli.RunAsync("partner", "invite", "--url", "ftp://example.org")).AssertOneSentenceError(2);
        await PartnerAsync("Bo");
        (await _cli.RunAsync("partner", "share", "Bo", "--goal", "5K", "--actions", "--outcomes")).AssertOneSentenceError(2);
        (await _cli.RunAsync("partner", "share", "Bo", "--goal", "99")).AssertOneSentenceError(3);
        (await _cli.RunAsync("partner", "unshare", "Bo", "--goal", "5K")).AssertOneSentenceError(4);
    }
}
