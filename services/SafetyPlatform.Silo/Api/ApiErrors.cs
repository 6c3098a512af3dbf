using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using SafetyPlatform.Grains;
using Status = Google.Rpc.Status;

namespace SafetyPlatform.Silo.Api;

/// <summary>Builds gRPC errors in the rich error model (google.rpc.Status with details).</summary>
public static class ApiErrors
{
    public static RpcException InvalidArgument(IReadOnlyList<(string Field, string Description)> violations)
    {
        var badRequest = new BadRequest();
        foreach (var (field, description) in violations)
        {
            badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });
        }

        var message = string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}"));
        return new Status { Code = (int)Code.InvalidArgument, Message = message, Details = { Any.Pack(badRequest) } }.ToRpcException();
    }

    public static RpcException FromRule(SafetyException rule)
    {
        if (rule.Kind == SafetyErrorKind.InvalidArgument)
        {
            return InvalidArgument([(rule.Field ?? string.Empty, rule.Message)]);
        }

        var code = rule.Kind switch
        {
            SafetyErrorKind.NotFound => Code.NotFound,
            SafetyErrorKind.AlreadyExists => Code.AlreadyExists,
            SafetyErrorKind.Aborted => Code.Aborted,
            SafetyErrorKind.ResourceExhausted => Code.ResourceExhausted,
            SafetyErrorKind.PermissionDenied => Code.PermissionDenied,
            _ => Code.FailedPrecondition,
        };
        var status = new Status { Code = (int)code, Message = rule.Message };
        if (code == Code.FailedPrecondition)
        {
            status.Details.Add(Any.Pack(new PreconditionFailure
            {
                Violations = { new PreconditionFailure.Types.Violation { Type = "STATE", Description = rule.Message } },
            }));
        }

        return status.ToRpcException();
    }

    public static RpcException Unavailable(string message) =>
        new Status { Code = (int)Code.Unavailable, Message = message }.ToRpcException();
}

/// <summary>Collects every wrong field of a request, then fails once with all of them.</summary>
public sealed class FieldCheck
{
    private readonly List<(string Field, string Description)> _violations = [];

    public FieldCheck Require(bool ok, string field, string description)
    {
        if (!ok)
        {
            _violations.Add((field, description));
        }

        return this;
    }

    /// <summary>No field refused so far.</summary>
    public bool IsValid => _violations.Count == 0;

    public void ThrowIfAny()
    {
        if (_violations.Count > 0)
        {
            throw ApiErrors.InvalidArgument(_violations);
        }
    }
}
