using System.Net;
using System.Text;
using Headway.App.Storage;
using Headway.App.Tests.Storage;
using Headway.Core.Audits;
using Headway.Web.Tests.Hosting;

namespace Headway.Web.Tests.Transfer;

public sealed class ImportPageTests
{
    private const string TodoTxt = """
        (A) write 1,000 words of chapter 4 +novel due:2027-03-05
        watch 3 youtube tutorials on story structure +novel
        x 2027-02-20 email Sam to ask for 20 minutes +network
        reorganize my notes
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> UploadAsync(Browser browser, string what, string fileName, byte[] bytes, params (string, string)[] fields)
    {
        using var response = await browser.UploadAsync("/import", "value=\"import\"", "File", fileName, bytes, [("Do", what), .. fields]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Audit_ShowsTheSameNumbersAsTheCommandLine_AndSavesNothing()
    {
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();
        var expected = BacklogAuditor.Run(new StringReader(TodoTxt), null, TimeZoneInfo.Utc, "backlog", web.App.Clock.GetUtcNow().UtcDateTime, cancellationToken: Ct).Audit;

        var page = await UploadAsync(owner, "audit", "backlog.txt", Encoding.UTF8.GetBytes(TodoTxt));

        Assert.Contains("Audit of backlog.txt", page, StringComparison.Ordinal);
        Assert.Contains("(todotxt)", page, StringComparison.Ordinal);
        Assert.Contains($"{expected.Items} items: {expected.Open} open, {expected.Done} done, {expected.Dropped} dropped", page, StringComparison.Ordinal);
        Assert.Contains($"Busy work <strong class=\"{(expected.BusyWorkRatio >= .5 ? "bad" : "warn")}\">{(int)Math.Round(expected.BusyWorkRatio * 100, MidpointRounding.AwayFromZero)}%</strong>", page, StringComparison.Ordinal);
        Assert.Contains("watch 3 youtube tutorials on story structure", page, StringComparison.Ordinal);
        Assert.Contains("Try instead:", page, StringComparison.Ordinal);
        Assert.Equal(0, await web.App.CountAsync("SELECT COUNT(*) FROM actions"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Import_AddsTheBacklogToTheUploadersOwnDataOnly(Provider provider)
    {
        await using var web = await TestWeb.StartAsync(provider);
        using var owner = await web.App.OwnerAsync();
        using var bo = await web.App.PersonAsync("bo@example.com");

        var page = await UploadAsync(bo, "import", "backlog.txt", Encoding.UTF8.GetBytes(TodoTxt), ("Format", "todotxt"), ("Projects", "goals"));

        Assert.Contains("Imported backlog.txt", page, StringComparison.Ordinal);
        Assert.Contains("4 items read — <strong>4 added</strong>, 0 updated, 0 unchanged.", page, StringComparison.Ordinal);
        Assert.Contains("2 goals made from projects", page, StringComparison.Ordinal);
        var ownerId = await web.App.CountAsync("SELECT MIN(id) FROM users");
        Assert.Equal(0, await web.App.CountAsync($"SELECT COUNT(*) FROM actions WHERE user_id = {ownerId}"));
        Assert.Equal(4, await web.App.CountAsync($"SELECT COUNT(*) FROM actions WHERE user_id <> {ownerId}"));

        // The same file again changes nothing.
        var again = await UploadAsync(bo, "import", "backlog.txt", Encoding.UTF8.GetBytes(TodoTxt));
        Assert.Contains("0 added</strong>, 0 updated, 4 unchanged.", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_OfABrokenFile_NamesTheLineAndField_AndSavesNothing()
    {
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();
        const string broken = """
            [
            {"uuid":"1","description":"write 500 words","status":"pending","entry":"20270220T090000Z"},
            {"uuid":"2","description":"send the draft","status":"pending","entry":"not a date"}
            ]
            """;

        var page = await UploadAsync(owner, "import", "tasks.json", Encoding.UTF8.GetBytes(broken));

        Assert.Matches("Nothing was imported from tasks.json: line 3, field entry: [^<]+", page);
        Assert.Equal(0, await web.App.CountAsync("SELECT COUNT(*) FROM actions"));
    }

    [Fact]
    public async Task Upload_TooLargeOrMissingOrOfAnUnknownFormat_IsRefusedWithAMessage()
    {
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();
        var large = new byte[Web.Transfer.Upload.MaxBytes + 1];
        Array.Fill(large, (byte)'a');

        var tooLarge = await UploadAsync(owner, "import", "huge.txt", large);
        var empty = await UploadAsync(owner, "import", "empty.txt", []);
        var unknown = await UploadAsync(owner, "audit", "backlog.txt", Encoding.UTF8.GetBytes(TodoTxt), ("Format", "excel"));

        Assert.Contains("more than the 10 MB an upload takes", tooLarge, StringComparison.Ordinal);
        Assert.Contains("Choose a file to upload", empty, StringComparison.Ordinal);
        Assert.Contains("Pick a format from the list", unknown, StringComparison.Ordinal);
        Assert.Equal(0, await web.App.CountAsync("SELECT COUNT(*) FROM actions"));
    }

    [Fact]
    public async Task Upload_WithoutTheAntiforgeryToken_IsRejected()
    {
        await using var web = await TestWeb.StartAsync();
        using var owner = await web.App.OwnerAsync();
        using var content = new MultipartFormDataContent
        {
            { new StringContent("import"), "_handler" },
            { new StringContent("import"), "Do" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(TodoTxt)), "File", "backlog.txt" },
        };

        using var response = await owner.Client.PostAsync(new Uri("/import", UriKind.Relative), content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await web.App.CountAsync("SELECT COUNT(*) FROM actions"));
    }
}
