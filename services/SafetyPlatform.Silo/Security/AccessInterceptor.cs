using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Authentication;
using SafetyPlatform.Domain.Security;
using SafetyPlatform.Security;
using SafetyPlatform.Silo.Api;

namespace SafetyPlatform.Silo.Security;

/// <summary>
/// Every call to the platform's own services, on the silo that serves it, whether it came through
/// the gateway or not: the token must be valid (UNAUTHENTICATED) and carry the method's scope
/// (PERMISSION_DENIED); actor fields take the caller's identity or are refused when they name
/// someone the caller may not act for; every object the request names must be within the
/// caller's reach (PERMISSION_DENIED, or NOT_FOUND when it does not exist). Writes and reads of
/// private data are then recorded in the audit log before the caller has the answer.
/// </summary>
public sealed class AccessInterceptor(ObjectFactsLookup lookup, AuditTrail audit, SecurityOptions security) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (ApiAccess.For(context.Method) is not { } rule)
        {
            return await Unruled(request, context, continuation);
        }

        var caller = await Admit(rule, (IMessage)request, context);
        TResponse response;
        try
        {
            response = await continuation(request, context);
        }
        catch (Exception e)
        {
            await Record(rule, caller, (IMessage)request, null, ErrorStatusInterceptor.CodeOf(e, context));
            throw;
        }

        await Record(rule, caller, (IMessage)request, response as IMessage, StatusCode.OK);
        return response;
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (ApiAccess.For(context.Method) is not { } rule)
        {
            if (context.Method.StartsWith("/safety.", StringComparison.Ordinal))
            {
                throw NoRule(context);
            }

            await continuation(request, responseStream, context);
            return;
        }

        var caller = await Admit(rule, (IMessage)request, context);
        // A stream is recorded when it opens (its data flows before it ends) and again with how it ended.
        await Record(rule, caller, (IMessage)request, null, "STREAM_OPENED");
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception e)
        {
            await Record(rule, caller, (IMessage)request, null, ErrorStatusInterceptor.CodeOf(e, context));
            throw;
        }

        await Record(rule, caller, (IMessage)request, null, StatusCode.OK);
    }

    private static Task<TResponse> Unruled<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
        where TRequest : class
        where TResponse : class =>
        context.Method.StartsWith("/safety.", StringComparison.Ordinal) ? throw NoRule(context) : continuation(request, context);

    /// <summary>A method of ours without an access rule is refused: nothing is open by omission.</summary>
    private static RpcException NoRule(ServerCallContext context) =>
        new(new Status(StatusCode.PermissionDenied, $"{context.Method} has no access rule; no one may call it"));

    /// <summary>Authentication, scope, actors and objects, in that order; refusals of a caller who is known are recorded too.</summary>
    private async Task<Caller> Admit(MethodAccess rule, IMessage request, ServerCallContext context)
    {
        var http = context.GetHttpContext();
        // The authentication middleware keeps only a success; ask again (the handler caches its answer) to say why.
        var caller = CallerClaims.From(http.User, security.SubjectClaim)
            ?? throw new RpcException(new Status(StatusCode.Unauthenticated, TokenProblems.Describe(await http.AuthenticateAsync(), security.SubjectClaim)));
        try
        {
            if (!caller.HasScope(rule.Scope))
            {
                throw new RpcException(new Status(StatusCode.PermissionDenied, $"the token does not grant the scope '{rule.Scope}' that {rule.Name} needs"));
            }

            foreach (var actor in rule.Actors)
            {
                await CheckActor(caller, actor, request);
            }

            foreach (var field in rule.Objects)
            {
                await CheckObject(caller, field, request);
            }

            return caller;
        }
        catch (RpcException e)
        {
            await Record(rule, caller, request, null, e.StatusCode);
            throw;
        }
    }

    private async Task CheckActor(Caller caller, ActorField field, IMessage request)
    {
        foreach (var value in RequestFields.Read(request, field.Path).Distinct(StringComparer.Ordinal).ToList())
        {
            var check = AccessRules.Actor(caller, field.Kind, value);
            Refuse(check.Verdict);
            if (check.NamesAnotherSpecialist)
            {
                await Reach(caller, AccessObject.Of(value, ObjectKind.Specialist) ?? throw Invalid(field.Path, "is not a specialist name `specialists/{specialist}`"));
            }
        }

        if (AccessRules.OwnIdentity(caller, field.Kind) is { } own)
        {
            RequestFields.Write(request, field.Path, own, onlyWhereEmpty: true);
        }
    }

    private async Task CheckObject(Caller caller, ObjectField field, IMessage request)
    {
        if (field.Path.Length == 0)
        {
            Refuse(AccessRules.Reach(caller, ObjectFacts.Plain(AccessObject.Organisation)));
            return;
        }

        var values = RequestFields.Read(request, field.Path);
        if (!field.Optional && (values.Count == 0 || values.Any(v => v.Length == 0)))
        {
            throw Invalid(field.Path, "is required");
        }

        // An optional field left empty names nothing to check (the method's own rules say whether empty is allowed).
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i].Length == 0)
            {
                continue;
            }

            var target = AccessObject.Of(values[i], field.Kind)
                ?? throw Invalid(RequestFields.EndsRepeated(request.Descriptor, field.Path) ? $"{field.Path}[{i}]" : field.Path, $"'{values[i]}' is not a resource name this method takes");
            await Reach(caller, target, !field.NotOwnRecord);
        }
    }

    private async Task Reach(Caller caller, AccessObject target, bool ownRecordAllowed = true) =>
        Refuse(AccessRules.Reach(caller, await lookup.Resolve(caller, target), ownRecordAllowed));

    private static void Refuse(AccessVerdict verdict)
    {
        if (!verdict.IsAllowed)
        {
            throw new RpcException(new Status(verdict.Outcome == AccessOutcome.NotFound ? StatusCode.NotFound : StatusCode.PermissionDenied, verdict.Reason));
        }
    }

    private static RpcException Invalid(string field, string description) => ApiErrors.InvalidArgument([(field, description)]);

    private Task Record(MethodAccess rule, Caller caller, IMessage request, IMessage? response, StatusCode result) =>
        Record(rule, caller, request, response, StatusName(result));

    private async Task Record(MethodAccess rule, Caller caller, IMessage request, IMessage? response, string result)
    {
        if (rule.Audit == AuditClass.None)
        {
            return;
        }

        try
        {
            await audit.Record(caller.Subject, rule.Method, AuditedResource(rule, request, response), result);
        }
        catch (Exception e)
        {
            // Fail closed: no answer leaves without its audit entry.
            throw ApiErrors.Unavailable($"the call could not be recorded in the audit log ({e.GetType().Name}); retry the call");
        }
    }

    /// <summary>`PermissionDenied` → `PERMISSION_DENIED`, as gRPC documents its codes; made once.</summary>
    private static readonly Dictionary<StatusCode, string> StatusNames = Enum.GetValues<StatusCode>().ToDictionary(code => code, code =>
    {
        var name = code.ToString();
        return string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) && char.IsLower(name[i - 1]) ? "_" + c : c.ToString())).ToUpperInvariant();
    });

    private static string StatusName(StatusCode code) => StatusNames[code];

    /// <summary>The resource a created or named thing has in the answer, else the first object the request names, else the service.</summary>
    private static string AuditedResource(MethodAccess rule, IMessage request, IMessage? response)
    {
        if (response?.Descriptor.FindFieldByName("name") is { FieldType: Google.Protobuf.Reflection.FieldType.String, IsRepeated: false } name
            && name.Accessor.GetValue(response) is string { Length: > 0 } created)
        {
            return created;
        }

        return rule.Objects.FirstOrDefault(o => o.Path.Length > 0) is { } field && RequestFields.Read(request, field.Path) is [var named, ..]
            ? named
            : rule.Service;
    }
}
