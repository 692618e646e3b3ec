using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Headway.Web.Api;

/// <summary>
/// ETags are the record's version ("3"). Every update must carry If-Match with the ETag the client read, so that a
/// change based on an old reading is refused (412) instead of silently undoing someone else's; without it, 428.
/// </summary>
public static class Preconditions
{
    public static string ETag(int version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>
    /// The version If-Match asks for: null for "*" (any version, as long as it exists), -1 for a weak ETag (If-Match
    /// compares strongly, so it can never match), or a problem when the header is missing or unreadable.
    /// </summary>
    public static (int? Version, ProblemHttpResult? Problem) Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var values = request.Headers.IfMatch;
        if (values.Count == 0 || string.IsNullOrWhiteSpace(values.ToString()))
        {
            return (null, ApiProblems.Status(StatusCodes.Status428PreconditionRequired,
                "Send If-Match with the ETag from your last read of this record, so that you do not overwrite a change you have not seen."));
        }

        var text = values.ToString().Trim();
        if (text == "*")
        {
            return (null, null);
        }

        if (text.StartsWith("W/", StringComparison.Ordinal))
        {
            return (-1, null);
        }

        return text.Length > 2 && text[0] == '"' && text[^1] == '"'
            && int.TryParse(text.AsSpan(1, text.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? (version, null)
            : (null, ApiProblems.Status(StatusCodes.Status400BadRequest, $"If-Match must hold one ETag as the API sent it, like \"3\" with its quotes; got {Shorten(text)}."));
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
