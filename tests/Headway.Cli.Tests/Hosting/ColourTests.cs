namespace Headway.Cli.Tests.Hosting;

public sealed class ColourTests : IAsyncLifetime
{
    private const string Escape = "\u001b[";

    private readonly CliRunner _cli = new();

    public async ValueTask InitializeAsync()
    {
        await _cli.OkAsync("goal", "add", "Run the Hometown 5K", "--area", "fitness");
        await _cli.OkAsync("add", "run 5 km along the river", "--now", "--goal", "1", "--due", "tomorrow");
    }

    public ValueTask DisposeAsync()
    {
        _cli.Dispose();
        return ValueTask.CompletedTask;
    }

    public static TheoryData<string[]> Commands() => new(
        [],
        ["check", "watch 3 tutorials on query optimization"],
        ["now"],
        ["show", "1"],
        ["goal", "list"],
        ["review"]);

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task OnATerminal_OutputIsColoured(string[] args)
    {
        var result = await _cli.RunAsync(args, new CliSession(OutputTerminal: true));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(Escape, result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task NotATerminal_OutputHasNoEscapes(string[] args)
    {
        var result = await _cli.RunAsync(args, new CliSession(OutputTerminal: false));

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain(Escape, result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task NoColor_OnATerminal_OutputHasNoEscapes(string[] args)
    {
        var result = await _cli.RunAsync(args, new CliSession(OutputTerminal: true, NoColor: true));

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain(Escape, result.Out, StringComparison.Ordinal);
    }
}
