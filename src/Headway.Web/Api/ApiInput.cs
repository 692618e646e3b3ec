using Headway.App.Json;
using Headway.Core;
using Headway.Core.Actions;
using Headway.Core.Analysis;
using Headway.Core.Goals;

namespace Headway.Web.Api;

/// <summary>Reads the words API clients send ("now", "career", "meaningful") into the domain's types, or says what is allowed.</summary>
public static class ApiInput
{
    public static Result<GoalArea> Area(string text) =>
        !IsNumber(text) && Enum.TryParse<GoalArea>(text, ignoreCase: true, out var area)
            ? area
            : Error.Invalid($"'{Shorten(text)}' is not an area: use one of {Names<GoalArea>()}.");

    public static Result<Horizon> Horizon(string text) =>
        HorizonRules.TryParse(text, out var horizon) ? horizon : Error.Invalid($"'{Shorten(text)}' is not a horizon: use now, week or later.");

    public static Result<ActionStatus> Status(string text) =>
        !IsNumber(text) && Enum.TryParse<ActionStatus>(text, ignoreCase: true, out var status)
            ? status
            : Error.Invalid($"'{Shorten(text)}' is not an action status: use one of {Names<ActionStatus>()}.");

    public static Result<VerdictOverride?> Override(OverrideJson? json)
    {
        if (json is null)
        {
            return Result<VerdictOverride?>.Ok(null);
        }

        return json.Verdict?.ToLowerInvariant() switch
        {
            "meaningful" => new VerdictOverride(Verdict.Meaningful, json.Reason ?? ""),
            "passive" => new VerdictOverride(Verdict.Passive, json.Reason ?? ""),
            _ => Error.Invalid("An override's verdict must be \"meaningful\" or \"passive\", with a reason."),
        };
    }

    public static Result<Quantity?> Target(TargetJson? json) =>
        json is null ? Result<Quantity?>.Ok(null)
        : string.IsNullOrWhiteSpace(json.Unit) ? Error.Invalid("A target needs a unit, like {\"quantity\": 5, \"unit\": \"km\"}.")
        : new Quantity(json.Quantity, json.Unit.Trim());

    /// <summary>A JSON body the client may leave out; unreadable JSON is a bad request (a one-sentence problem).</summary>
    public static async Task<T?> OptionalBodyAsync<T>(HttpContext http, CancellationToken ct)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Request.ContentLength == 0 || (http.Request.ContentLength is null && !http.Request.Headers.ContainsKey("Transfer-Encoding")))
        {
            return null;
        }

        try
        {
            return await http.Request.ReadFromJsonAsync<T>(ct);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new BadHttpRequestException("The request body is not valid JSON.", StatusCodes.Status400BadRequest, e);
        }
        catch (InvalidOperationException e)
        {
            throw new BadHttpRequestException("Unsupported media type.", StatusCodes.Status415UnsupportedMediaType, e);
        }
    }

    private static bool IsNumber(string text) => text.Length > 0 && (char.IsAsciiDigit(text[0]) || text[0] == '-');

    private static string Names<T>()
        where T : struct, Enum => string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()));

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
