using Orleans.Runtime;

namespace SafetyPlatform.Grains.Abstractions;

/// <summary>
/// Grain references by string key without resolving the interface on every call.
/// <c>IGrainFactory.GetGrain&lt;T&gt;(key)</c> works out the grain interface type and the grain
/// type from the CLR type each time, by reflection over its name; on the work cycle's hot path
/// that was about a tenth of the silo's CPU (perf, docs/PERFORMANCE.md). The mapping depends only
/// on the grain classes loaded, so it is resolved once per interface and reused.
/// </summary>
public static class GrainReferences
{
    public static T Reference<T>(this IGrainFactory grains, string key) where T : IGrainWithStringKey
    {
        var types = Resolved<T>.Types ??= Resolve<T>(grains);
        return (T)grains.GetGrain(GrainId.Create(types.Grain, key), types.Interface);
    }

    private static GrainTypes Resolve<T>(IGrainFactory grains) where T : IGrainWithStringKey
    {
        var sample = (GrainReference)(object)grains.GetGrain<T>("resolve");
        return new GrainTypes(sample.GrainId.Type, sample.InterfaceType);
    }

    private sealed record GrainTypes(GrainType Grain, GrainInterfaceType Interface);

    private static class Resolved<T>
    {
        // A reference type, so a thread reads either nothing or the whole pair.
        public static GrainTypes? Types;
    }
}
