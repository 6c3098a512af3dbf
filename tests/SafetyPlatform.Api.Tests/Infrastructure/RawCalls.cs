using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace SafetyPlatform.Api.Tests.Infrastructure;

/// <summary>
/// Calls any method of the platform from its descriptor alone, with any request and token, and
/// reports the status it got: what tests generated from the service descriptors need.
/// </summary>
public static class RawCalls
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create<byte[]>(b => b, b => b);

    /// <summary>Every method of every service the client library knows, read from its generated descriptors.</summary>
    public static IReadOnlyList<MethodDescriptor> AllMethods { get; } = typeof(SafetyPlatform.Client.SafetyConnection).Assembly.GetTypes()
        .Select(t => t.GetProperty("Descriptor", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)?.GetValue(null))
        .OfType<FileDescriptor>()
        .SelectMany(file => file.Services)
        .DistinctBy(service => service.FullName)
        .SelectMany(service => service.Methods)
        .OrderBy(Path, StringComparer.Ordinal)
        .ToList();

    public static IReadOnlyList<ServiceDescriptor> AllServices => [.. AllMethods.Select(m => m.Service).DistinctBy(s => s.FullName)];

    public static string Path(MethodDescriptor method) => $"/{method.Service.FullName}/{method.Name}";

    public static MethodDescriptor Find(string path) => AllMethods.Single(m => Path(m) == path);

    /// <summary>An empty request of the method's type.</summary>
    public static IMessage EmptyRequest(MethodDescriptor method) => method.InputType.Parser.ParseFrom(ByteString.Empty);

    /// <summary>Calls the method and returns the status (OK once a unary answer or a stream's first message arrives).</summary>
    public static async Task<Status> Call(CallInvoker invoker, MethodDescriptor method, IMessage request, string? token, TimeSpan? deadline = null)
    {
        var headers = new Metadata();
        if (token is not null)
        {
            headers.Add("authorization", "Bearer " + token);
        }

        var options = new CallOptions(headers, DateTime.UtcNow + (deadline ?? TimeSpan.FromSeconds(20)));
        var rpc = new Method<byte[], byte[]>(method.IsServerStreaming ? MethodType.ServerStreaming : MethodType.Unary, method.Service.FullName, method.Name, Bytes, Bytes);
        try
        {
            if (method.IsServerStreaming)
            {
                using var stream = invoker.AsyncServerStreamingCall(rpc, null, options, request.ToByteArray());
                await stream.ResponseStream.MoveNext();
            }
            else
            {
                await invoker.AsyncUnaryCall(rpc, null, options, request.ToByteArray());
            }

            return Status.DefaultSuccess;
        }
        catch (RpcException e)
        {
            return e.Status;
        }
    }

    /// <summary>Sets a string field by dotted path, creating the messages on the way (one element of a repeated field).</summary>
    public static void Set(IMessage message, string path, string value)
    {
        var parts = path.Split('.');
        for (var i = 0; i < parts.Length - 1; i++)
        {
            var field = message.Descriptor.FindFieldByName(parts[i]);
            IMessage child;
            if (field.IsRepeated)
            {
                var list = (System.Collections.IList)field.Accessor.GetValue(message);
                if (list.Count == 0)
                {
                    list.Add(field.MessageType.Parser.ParseFrom(ByteString.Empty));
                }

                child = (IMessage)list[0]!;
            }
            else
            {
                child = field.Accessor.GetValue(message) as IMessage ?? field.MessageType.Parser.ParseFrom(ByteString.Empty);
                field.Accessor.SetValue(message, child);
            }

            message = child;
        }

        var leaf = message.Descriptor.FindFieldByName(parts[^1]);
        if (leaf.IsRepeated)
        {
            ((System.Collections.IList)leaf.Accessor.GetValue(message)).Add(value);
        }
        else
        {
            leaf.Accessor.SetValue(message, value);
        }
    }
}
