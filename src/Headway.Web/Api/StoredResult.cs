using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Http.Metadata;

namespace Headway.Web.Api;

/// <summary>
/// A create's answer as it is stored for its Idempotency-Key and sent again, byte for byte, to a retry of the same
/// request (marked with Idempotent-Replayed: true). Declares a 201 with <typeparamref name="TJson"/> for OpenAPI.
/// </summary>
public sealed class StoredResult<TJson>(int status, string? location, string? etag, string body, bool replayed) : IResult, IEndpointMetadataProvider
{
    public int StatusCode => status;

    public string? Location => location;

    public string Body => body;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = status;
        if (location is not null)
        {
            response.Headers.Location = location;
        }

        if (etag is not null)
        {
            response.Headers.ETag = etag;
        }

        if (replayed)
        {
            response.Headers["Idempotent-Replayed"] = "true";
        }

        response.ContentType = "application/json; charset=utf-8";
        return response.WriteAsync(body, Encoding.UTF8, httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status201Created, typeof(TJson), ["application/json"]));
    }
}
