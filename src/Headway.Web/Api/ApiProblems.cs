using System.Text.RegularExpressions;
using Headway.Core;
using Headway.Web.Actions;
using Headway.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Headway.Web.Api;

/// <summary>
/// Every API error is an RFC 9457 problem (application/problem+json) with a one-sentence detail. An expected failure
/// of a use case gets its status from <see cref="ErrorStatus"/>, the web's one mapping; the rest are HTTP's own
/// (a missing If-Match, a reused Idempotency-Key, too many requests).
/// </summary>
public static partial class ApiProblems
{
    public static ProblemHttpResult For(Error error, IDictionary<string, object?>? extensions = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Status(ErrorStatus.For(error.Kind), ForApi(error.Message), extensions);
    }

    /// <summary>The use cases' messages point to command-line commands; an API client is told the API's own way.</summary>
    public static string ForApi(string message)
    {
        var text = Labels.ForWeb(message);
        text = CommitRequest().Replace(text, "send the same change to POST /api/v1/commitments/$1/requests");
        text = CommitWithdraw().Replace(text, "DELETE /api/v1/commitments/$1/requests/pending");
        return SeeForIds().Replace(text, ".");
    }

    public static ProblemHttpResult Status(int status, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: Title(status), extensions: extensions);

    public static string Title(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "The request is not valid",
        StatusCodes.Status401Unauthorized => "An access token is needed",
        StatusCodes.Status404NotFound => "Not found",
        StatusCodes.Status405MethodNotAllowed => "Method not allowed",
        StatusCodes.Status409Conflict => "Refused by a rule",
        StatusCodes.Status412PreconditionFailed => "Changed since you read it",
        StatusCodes.Status415UnsupportedMediaType => "Send JSON",
        StatusCodes.Status422UnprocessableEntity => "Cannot be processed as sent",
        StatusCodes.Status428PreconditionRequired => "If-Match is required",
        StatusCodes.Status429TooManyRequests => "Too many requests",
        _ => "Something went wrong",
    };

    [GeneratedRegex(@"ask with `headway commit request (\d+)` and the same option")]
    private static partial Regex CommitRequest();

    [GeneratedRegex(@"`headway commit withdraw (\d+)`")]
    private static partial Regex CommitWithdraw();

    [GeneratedRegex(@": see `headway [^.]*? for the ids\.")]
    private static partial Regex SeeForIds();
}
