using System.Text.Json;
using System.Text.RegularExpressions;

namespace Headway.Web.Api;

/// <summary>One sentence for a request the endpoint could not read: bad JSON, a missing body, an unreadable parameter.</summary>
public static partial class BadRequests
{
    public static string Sentence(BadHttpRequestException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.InnerException is JsonException json)
        {
            return json.Path is { Length: > 2 } path && json.Message.Contains("could not be converted", StringComparison.Ordinal)
                ? $"The JSON field {path[2..]} does not hold the right kind of value (dates are \"YYYY-MM-DD\", ids are numbers): fix it and send it again."
                : $"The request body is not valid JSON (line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1}): fix it and send it again.";
        }

        if (e.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return "Send the body as JSON, with Content-Type: application/json.";
        }

        if (BindFailure().Match(e.Message) is { Success: true } bind)
        {
            return Parameter(bind.Groups["name"].Value, bind.Groups["value"].Value);
        }

        return e.Message.Contains("body", StringComparison.OrdinalIgnoreCase)
            ? "Send a JSON body with this request."
            : "The request could not be read: check its parameters against /openapi/v1.json.";
    }

    /// <summary>The sentence for a query or route parameter that does not read as its type.</summary>
    public static string Parameter(string name, string value) =>
        $"The parameter {name} cannot be read from \"{Shorten(value)}\": dates are YYYY-MM-DD, ids and limits are whole numbers.";

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex("""Failed to bind parameter "[^"]*? (?<name>\w+)" from "(?<value>.*)"\.""")]
    private static partial Regex BindFailure();
}
