using Google.Rpc;
using Grpc.Core;

namespace SafetyPlatform.Api.Tests.Infrastructure;

/// <summary>Assertions on gRPC failures.</summary>
public static class Expect
{
    public static async Task<RpcException> Status(StatusCode code, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(code == error.StatusCode, $"expected {code}, got {error.StatusCode}: {error.Status.Detail}");
        return error;
    }

    /// <summary>INVALID_ARGUMENT whose google.rpc.BadRequest names <paramref name="field"/>.</summary>
    public static async Task InvalidField(string field, Func<Task> call)
    {
        var error = await Status(StatusCode.InvalidArgument, call);
        var badRequest = error.GetRpcStatus()?.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        Assert.Contains(field, badRequest.FieldViolations.Select(v => v.Field));
        Assert.Contains(field, error.Status.Detail, StringComparison.Ordinal);
    }
}
