using Google.Rpc;
using Grpc.Core;
using SafetyPlatform.Grains;
using SafetyPlatform.Silo.Api;

namespace SafetyPlatform.Silo.Tests;

public class ApiErrorsTests
{
    [Theory]
    [InlineData(SafetyErrorKind.NotFound, StatusCode.NotFound)]
    [InlineData(SafetyErrorKind.AlreadyExists, StatusCode.AlreadyExists)]
    [InlineData(SafetyErrorKind.FailedPrecondition, StatusCode.FailedPrecondition)]
    [InlineData(SafetyErrorKind.Aborted, StatusCode.Aborted)]
    [InlineData(SafetyErrorKind.ResourceExhausted, StatusCode.ResourceExhausted)]
    public void Each_refusal_has_its_own_status(SafetyErrorKind kind, StatusCode code) =>
        Assert.Equal(code, ApiErrors.FromRule(new SafetyException(kind, "no")).StatusCode);

    [Fact]
    public void An_invalid_argument_names_every_wrong_field_in_a_bad_request_detail()
    {
        var check = new FieldCheck()
            .Require(false, "team.display_name", "is required")
            .Require(true, "team.site", "never reported")
            .Require(false, "request_id", "too long");

        var error = Assert.Throws<RpcException>(check.ThrowIfAny);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var badRequest = error.GetRpcStatus()!.GetDetail<BadRequest>();
        Assert.Equal(["team.display_name", "request_id"], badRequest.FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public void A_check_with_no_failures_does_not_throw() =>
        new FieldCheck().Require(true, "name", "fine").ThrowIfAny();
}
