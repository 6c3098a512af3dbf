using System.Reflection;
using Google.Protobuf;
using Grpc.AspNetCore.Server;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

namespace SafetyPlatform.Silo.Api;

/// <summary>
/// A request whose message bytes do not decode answers INVALID_ARGUMENT naming the expected
/// message type, on every method of every generated service the server maps.
/// </summary>
/// <remarks>
/// grpc-dotnet decodes the request before any interceptor runs and answers UNKNOWN ("Exception
/// was thrown by handler") for anything but an <see cref="RpcException"/>, and it has no option
/// for this. So the methods are bound by <see cref="DecodingErrorsMethodProvider{TService}"/>
/// instead of grpc-dotnet's default binder: the same generated <c>BindService</c>, the same
/// handlers and endpoint metadata, but each method's request marshaller turns a decoding
/// failure into an <see cref="RpcException"/> with INVALID_ARGUMENT.
/// </remarks>
public static class DecodingErrors
{
    // grpc-dotnet's default IServiceMethodProvider<> (internal), registered by AddGrpc.
    private const string DefaultBinderName = "BinderServiceMethodProvider`1";

    /// <summary>
    /// Binds the generated gRPC services through <see cref="DecodingErrorsMethodProvider{TService}"/>
    /// in place of grpc-dotnet's default binder. Call it on the builder that <c>AddGrpc</c> returns.
    /// </summary>
    public static IGrpcServerBuilder AddDecodingErrors(this IGrpcServerBuilder grpc)
    {
        var services = grpc.Services;
        var ours = new ServiceDescriptor(typeof(IServiceMethodProvider<>), typeof(DecodingErrorsMethodProvider<>), ServiceLifetime.Singleton);
        var registered = services.Any(d => IsMethodProvider(d) && d.ImplementationType == typeof(DecodingErrorsMethodProvider<>));

        // Ours takes the default's place, so the providers keep their order; any other copy goes.
        var index = IndexOfDefaultBinder(services);
        if (index >= 0 && !registered)
        {
            services[index] = ours;
            registered = true;
        }

        while ((index = IndexOfDefaultBinder(services)) >= 0)
        {
            services.RemoveAt(index);
        }

        if (!registered)
        {
            // Both binders would map every method twice (ambiguous routes), so fail at startup instead.
            throw new InvalidOperationException(
                $"grpc-dotnet's default service method provider ({DefaultBinderName}) is not registered: " +
                "call AddDecodingErrors on the builder that AddGrpc returns, and check it against this Grpc.AspNetCore.Server version");
        }

        return grpc;
    }

    /// <summary>
    /// The same method, with a request marshaller that answers INVALID_ARGUMENT for bytes that do not decode.
    /// </summary>
    internal static Method<TRequest, TResponse> WithDecodingErrors<TRequest, TResponse>(Method<TRequest, TResponse> method)
        where TRequest : class
        where TResponse : class
    {
        var original = method.RequestMarshaller;
        var messageName = MessageName(typeof(TRequest));
        var requests = new Marshaller<TRequest>(original.ContextualSerializer, context => Decode(original, messageName, context));
        return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, requests, method.ResponseMarshaller);
    }

    private static T Decode<T>(Marshaller<T> original, string messageName, Grpc.Core.DeserializationContext context)
    {
        try
        {
            return original.ContextualDeserializer(context);
        }
        catch (Exception e) when (e is not RpcException)
        {
            // The parser's own words say what is wrong with the bytes; any other failure is named only by its type.
            var why = e is InvalidProtocolBufferException ? e.Message : e.GetType().Name;
            throw new RpcException(new Grpc.Core.Status(
                StatusCode.InvalidArgument, $"the request message does not decode as {messageName}: {why}", e));
        }
    }

    /// <summary>The protobuf full name (e.g. <c>safety.work.v1.EnqueueWorkItemRequest</c>), else the CLR name.</summary>
    private static string MessageName(Type type) =>
        type.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
            is Google.Protobuf.Reflection.MessageDescriptor descriptor
            ? descriptor.FullName
            : type.FullName ?? type.Name;

    private static int IndexOfDefaultBinder(IServiceCollection services)
    {
        for (var i = 0; i < services.Count; i++)
        {
            var d = services[i];
            if (IsMethodProvider(d)
                && d.ImplementationType is { IsGenericTypeDefinition: true } implementation
                && implementation.Assembly == typeof(IServiceMethodProvider<>).Assembly
                && implementation.Name == DefaultBinderName)
            {
                return i;
            }
        }

        return -1;
    }

    // A keyed descriptor throws on ImplementationType, so look at unkeyed ones only.
    private static bool IsMethodProvider(ServiceDescriptor d) =>
        !d.IsKeyedService && d.ServiceType == typeof(IServiceMethodProvider<>);
}
