using Headway.Core;

namespace Headway.Web.Hosting;

/// <summary>The web's one place where an expected failure becomes an HTTP status (the CLI's is ExitCodes).</summary>
public static class ErrorStatus
{
    public static int For(ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Stale => StatusCodes.Status412PreconditionFailed,
        _ => StatusCodes.Status409Conflict,
    };
}
