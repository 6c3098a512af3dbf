using SafetyPlatform.Grains.Work;

namespace SafetyPlatform.Grains.Tests;

/// <summary>Group commit on its own, with a storage write the test completes by hand.</summary>
public class GroupCommitTests
{
    private sealed class HeldWrites
    {
        public List<(string[] Keys, TaskCompletionSource Done)> Writes { get; } = [];

        public Task Write(IReadOnlyCollection<string> keys)
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (Writes)
            {
                Writes.Add(([.. keys.Order()], done));
            }

            return done.Task;
        }

        public async Task<(string[] Keys, TaskCompletionSource Done)> Nth(int n)
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (true)
            {
                lock (Writes)
                {
                    if (Writes.Count > n)
                    {
                        return Writes[n];
                    }
                }

                await Task.Delay(5, deadline.Token);
            }
        }
    }

    [Fact]
    public async Task Changes_marked_while_a_write_is_in_flight_go_together_in_the_next_one()
    {
        var storage = new HeldWrites();
        var commit = new GroupCommit<string>(k => k, storage.Write);

        var first = commit.Mark("w1");
        var (firstKeys, firstDone) = await storage.Nth(0);
        var second = commit.Mark("w2");
        var third = commit.Mark("w3");

        Assert.Equal(["w1"], firstKeys);
        Assert.False(first.IsCompleted);
        firstDone.SetResult();
        await first;

        var (nextKeys, nextDone) = await storage.Nth(1);
        Assert.Equal(["w2", "w3"], nextKeys);
        Assert.False(second.IsCompleted);
        nextDone.SetResult();
        await Task.WhenAll(second, third);
    }

    [Fact]
    public async Task After_a_failed_write_every_waiter_and_later_mark_fails()
    {
        var storage = new HeldWrites();
        var commit = new GroupCommit<string>(k => k, storage.Write);

        var first = commit.Mark("w1");
        var (_, done) = await storage.Nth(0);
        var queuedBehind = commit.Mark("w2");
        done.SetException(new IOException("storage went away"));

        await Assert.ThrowsAsync<IOException>(() => first);
        await Assert.ThrowsAsync<IOException>(() => queuedBehind);
        await Assert.ThrowsAsync<IOException>(() => commit.Mark("w3"));
        Assert.NotNull(commit.Failure);
    }
}
