using Headway.Core;

namespace Headway.Cli.Hosting;

/// <summary>The command line's exit codes (docs/cli.md): the one place where an error kind becomes a number.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Invalid = 2;
    public const int NotFound = 3;
    public const int Refused = 4;

    public static int For(ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => Invalid,
        ErrorKind.NotFound => NotFound,
        _ => Refused,
    };
}
