using Microsoft.AspNetCore.Authentication;
using SafetyPlatform.Domain.Security;
using SafetyPlatform.Security;
using Yarp.ReverseProxy.Model;

namespace SafetyPlatform.Gateway;

/// <summary>
/// The gateway's check of every call it forwards: a method it knows (UNIMPLEMENTED otherwise), a
/// valid token (UNAUTHENTICATED) that grants the method's scope (PERMISSION_DENIED). Reflection
/// passes without a token where configuration opens it. The silo checks all this again, then who
/// the call may act as and on (docs/SECURITY.md). Health is served by the gateway itself and
/// never reaches this gate.
/// </summary>
public sealed class CallGate(RequestDelegate next, SecurityOptions security)
{
    private const string CallerItem = "safety.caller";

    /// <summary>The verified caller of a request, read from its token once and kept for the rate limiter and the gate.</summary>
    public static Caller? CallerOf(HttpContext context, SecurityOptions security)
    {
        if (!context.Items.TryGetValue(CallerItem, out var known))
        {
            known = CallerClaims.From(context.User, security.SubjectClaim);
            context.Items[CallerItem] = known;
        }

        return (Caller?)known;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>() is null)
        {
            await next(context);
            return;
        }

        var path = context.Request.Path.Value ?? string.Empty;
        if (path.StartsWith("/grpc.reflection.", StringComparison.Ordinal))
        {
            if (security.Reflection == true)
            {
                await next(context);
            }
            else
            {
                GrpcAnswer.Write(context, Grpc.Core.StatusCode.Unimplemented, "server reflection is turned off on this gateway (Security:Reflection)");
            }

            return;
        }

        if (ApiAccess.For(path) is not { } rule)
        {
            GrpcAnswer.Write(context, Grpc.Core.StatusCode.Unimplemented, $"{path} is not a method of this platform");
        }
        else if (CallerOf(context, security) is not { } caller)
        {
            // The authentication middleware keeps only a success; ask again (the handler caches its answer) to say why.
            GrpcAnswer.Write(context, Grpc.Core.StatusCode.Unauthenticated, TokenProblems.Describe(await context.AuthenticateAsync(), security.SubjectClaim));
        }
        else if (!caller.HasScope(rule.Scope))
        {
            GrpcAnswer.Write(context, Grpc.Core.StatusCode.PermissionDenied, $"the token does not grant the scope '{rule.Scope}' that {rule.Name} needs");
        }
        else
        {
            await next(context);
        }
    }
}
