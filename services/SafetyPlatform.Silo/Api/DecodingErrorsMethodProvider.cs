using System.Reflection;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

namespace SafetyPlatform.Silo.Api;

/// <summary>
/// Binds a generated gRPC service (its <c>BindService(ServiceBinderBase, TServiceBase)</c>, found
/// through <see cref="BindServiceMethodAttribute"/>) as grpc-dotnet's default binder does, except
/// that every method's request marshaller answers INVALID_ARGUMENT for bytes that do not decode
/// (see <see cref="DecodingErrors"/>).
/// </summary>
/// <remarks>
/// The handlers are open-instance delegates to the <typeparamref name="TService"/> method of the
/// same name, so a new service instance serves each call as before; each endpoint keeps the
/// attributes of the service type and of that method (authorization among them) as metadata.
/// </remarks>
internal sealed class DecodingErrorsMethodProvider<TService> : IServiceMethodProvider<TService>
    where TService : class
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        var bindService = FindBindService(typeof(TService));
        if (bindService is null)
        {
            // Not a generated service (e.g. one mapped from a ServerServiceDefinition): another provider binds it.
            return;
        }

        // The second parameter is the generated service base type; the handlers must override its methods.
        var serviceBase = bindService.GetParameters()[1].ParameterType;
        try
        {
            // With no service instance, BindService hands the binder each method's description only.
            bindService.Invoke(null, [new GuardingBinder(context, serviceBase), null]);
        }
        catch (TargetInvocationException e)
        {
            throw new InvalidOperationException($"Error binding gRPC service '{typeof(TService).Name}'.", e.InnerException ?? e);
        }
    }

    /// <summary>The static BindService(ServiceBinderBase, TServiceBase) named by the first BindServiceMethodAttribute up the type chain.</summary>
    private static MethodInfo? FindBindService(Type serviceType)
    {
        for (Type? type = serviceType; type is not null; type = type.BaseType)
        {
            if (type.GetCustomAttribute<BindServiceMethodAttribute>(inherit: false) is { } attribute)
            {
                return attribute.BindType.GetMethod(
                    attribute.BindMethodName,
                    BindingFlags.Public | BindingFlags.Static,
                    binder: null,
                    [typeof(ServiceBinderBase), type],
                    modifiers: null);
            }
        }

        return null;
    }

    /// <summary>Adds each method BindService describes to the context, with its request marshaller guarded.</summary>
    private sealed class GuardingBinder(ServiceMethodProviderContext<TService> context, Type serviceBase) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Handler<UnaryServerMethod<TService, TRequest, TResponse>>(
                method.Name, typeof(TRequest), typeof(ServerCallContext));
            context.AddUnaryMethod(DecodingErrors.WithDecodingErrors(method), metadata, invoker);
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Handler<ServerStreamingServerMethod<TService, TRequest, TResponse>>(
                method.Name, typeof(TRequest), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
            context.AddServerStreamingMethod(DecodingErrors.WithDecodingErrors(method), metadata, invoker);
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Handler<ClientStreamingServerMethod<TService, TRequest, TResponse>>(
                method.Name, typeof(IAsyncStreamReader<TRequest>), typeof(ServerCallContext));
            context.AddClientStreamingMethod(DecodingErrors.WithDecodingErrors(method), metadata, invoker);
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Handler<DuplexStreamingServerMethod<TService, TRequest, TResponse>>(
                method.Name, typeof(IAsyncStreamReader<TRequest>), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
            context.AddDuplexStreamingMethod(DecodingErrors.WithDecodingErrors(method), metadata, invoker);
        }

        /// <summary>The open-instance delegate to TService's override of the method, and the endpoint metadata.</summary>
        private (TDelegate Invoker, List<object> Metadata) Handler<TDelegate>(string name, params Type[] parameters)
            where TDelegate : Delegate
        {
            var handler = FindHandler(name, parameters)
                ?? throw new InvalidOperationException($"Could not find '{name}' on {typeof(TService)}.");

            // The service type's attributes first and the method's last, so the method's take precedence.
            var metadata = new List<object>();
            metadata.AddRange(typeof(TService).GetCustomAttributes(inherit: true));
            metadata.AddRange(handler.GetCustomAttributes(inherit: true));
            // gRPC is POST only; CORS preflight (OPTIONS) is let through to the CORS middleware, as grpc-dotnet does.
            metadata.Add(new HttpMethodMetadata(["POST"], acceptCorsPreflight: true));

            return (handler.CreateDelegate<TDelegate>(), metadata);
        }

        /// <summary>
        /// The public instance method with that signature that overrides the generated base's virtual
        /// method; a method that merely hides it (same name, <c>new</c>) is passed over.
        /// </summary>
        private MethodInfo? FindHandler(string name, Type[] parameters)
        {
            for (Type? type = typeof(TService); type is not null; type = type.BaseType)
            {
                var candidate = type.GetMethod(name, BindingFlags.Public | BindingFlags.Instance, binder: null, parameters, modifiers: null);
                if (candidate is null)
                {
                    return null;
                }

                if (candidate.IsVirtual && candidate.GetBaseDefinition().DeclaringType == serviceBase)
                {
                    return candidate;
                }
            }

            return null;
        }
    }
}
