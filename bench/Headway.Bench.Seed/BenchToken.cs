using Headway.App;
using Headway.App.Storage;
using Headway.App.Tokens;
using Headway.App.Users;

namespace Headway.Bench.Seed;

/// <summary>
/// A personal access token for the seeded planner's owner, made by the same use case as /settings/tokens, so that
/// bench/web/run can load the API with a Bearer token and nobody has to make one by hand.
/// </summary>
public static class BenchToken
{
    public static async Task<int> RunAsync(string database)
    {
        var ct = CancellationToken.None;
        await using var source = HeadwayDataSource.Create(DatabaseTarget.Parse(database).Value);
        await using var db = await source.OpenAsync(ct);
        if (await LocalOwner.LoadAsync(db, ct) is not { } user)
        {
            Console.Error.WriteLine("The database has no planner yet: seed it first (seed planner COUNT DB).");
            return 1;
        }

        var created = await CreateAccessToken.RunAsync(new PlannerSession(db, user, TimeProvider.System), "bench/web/run", null, ct);
        if (!created.IsOk)
        {
            Console.Error.WriteLine(created.Error!.Message);
            return 1;
        }

        Console.WriteLine(created.Value.Secret);
        return 0;
    }
}
