using Google.Protobuf;

namespace SafetyPlatform.Gateway;

/// <summary>
/// A gRPC answer written by the gateway itself, trailers-only (HTTP 200 with grpc-status in the
/// headers), so clients see the precise status rather than an HTTP error they would report as
/// INTERNAL or UNKNOWN.
/// </summary>
public static class GrpcAnswer
{
    public static void Write(HttpContext context, Grpc.Core.StatusCode code, string message, Google.Rpc.Status? details = null)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = Uri.EscapeDataString(message);
        if (details is not null)
        {
            response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(details.ToByteArray()).TrimEnd('=');
        }
    }
}
