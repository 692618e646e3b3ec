namespace Headway.Cli.Tests.Transfer;

/// <summary>The sample files under tests/Headway.Cli.Tests/Data/transfer, read from the repository.</summary>
internal static class TransferFiles
{
    public static string Path(string name) => System.IO.Path.Combine(Folder, name);

    private static string Folder { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Headway.slnx")))
        {
            dir = dir.Parent;
        }

        return dir is null
            ? throw new InvalidOperationException("Run the tests from inside the repository.")
            : System.IO.Path.Combine(dir.FullName, "tests", "Headway.Cli.Tests", "Data", "transfer");
    }
}
