using Grpc.Core;
using SafetyPlatform.Api.Wellbeing.V1;
using SafetyPlatform.Domain.Naming;
using SafetyPlatform.Grains.Abstractions.Work;

namespace SafetyPlatform.Silo.Api;

/// <summary>The wellbeing gRPC service: checks the request, asks the specialist's desk, maps the reply.</summary>
public sealed class WellbeingApi(IGrainFactory grains) : WellbeingService.WellbeingServiceBase
{
    public override async Task<Exposure> GetExposure(GetExposureRequest request, ServerCallContext context)
    {
        new FieldCheck().SubResourceName(request.Name, SpecialistName.Collection, "exposure", "name", out var specialistId).ThrowIfAny();
        return (await grains.Reference<ISpecialistDeskGrain>(specialistId).Exposure()).ToProto();
    }
}
