using Microsoft.AspNetCore.Authentication;
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
    /// <summary>Where the rate limiter finds the rule of a call that passed.</summary>
    public const string RuleItem = "safety.access-rule";

    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>() is null)
        {
            return next(context);
        }

        var path = context.Request.Path.Value ?? string.Empty;
        if (path.StartsWith("/grpc.reflection.", StringComparison.Ordinal))
        {
            return security.Reflection == true ? next(context) : Answer(context, Grpc.Core.StatusCode.Unimplemented, "server reflection is turned off on this gateway (Security:Reflection)");
        }

        if (ApiAccess.For(path) is not { } rule)
        {
            return Answer(context, Grpc.Core.StatusCode.Unimplemented, $"{path} is not a method of this platform");
        }

        if (CallerClaims.From(context.User) is not { } caller)
        {
            return Answer(context, Grpc.Core.StatusCode.Unauthenticated, TokenProblems.Describe(context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult));
        }

        if (!caller.HasScope(rule.Scope))
        {
            return Answer(context, Grpc.Core.StatusCode.PermissionDenied, $"the token does not grant the scope '{rule.Scope}' that {rule.Name} needs");
        }

        context.Items[RuleItem] = rule;
        return next(context);
    }

    private static Task Answer(HttpContext context, Grpc.Core.StatusCode code, string message)
    {
        GrpcAnswer.Write(context, code, message);
        return Task.CompletedTask;
    }
}
