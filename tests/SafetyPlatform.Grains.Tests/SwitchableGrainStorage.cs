using System.Collections.Concurrent;
using Orleans.Serialization;
using Orleans.Storage;

namespace SafetyPlatform.Grains.Tests;

/// <summary>
/// In-memory grain storage that keeps serialized copies (so a failed write leaves the stored
/// state untouched, as real storage would) and can be told to fail the writes of chosen grains.
/// </summary>
public sealed class SwitchableGrainStorage(Serializer serializer) : IGrainStorage
{
    private readonly ConcurrentDictionary<(string, GrainId), (byte[] Bytes, string ETag)> _rows = new();

    /// <summary>Grain keys (as in `GrainId.Key`) whose writes fail until removed.</summary>
    public static ConcurrentDictionary<string, bool> FailingWrites { get; } = new();

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_rows.TryGetValue((stateName, grainId), out var row))
        {
            grainState.State = serializer.Deserialize<T>(row.Bytes);
            grainState.ETag = row.ETag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (FailingWrites.ContainsKey(grainId.Key.ToString()!))
        {
            throw new IOException($"storage refused the write of {grainId} (test)");
        }

        var etag = Guid.NewGuid().ToString("N");
        _rows[(stateName, grainId)] = (serializer.SerializeToArray(grainState.State), etag);
        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _rows.TryRemove((stateName, grainId), out _);
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }
}
