using Headway.Cli.Hosting;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

return await HeadwayCli.RunAsync(args, CliEnvironment.FromProcess(), cancel.Token);
