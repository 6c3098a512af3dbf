using System.Net;
using Azure.Data.Tables;
using Orleans.Configuration;
using SafetyPlatform.Grains;
using SafetyPlatform.Grains.Monitoring;
using SafetyPlatform.Grains.Roster;
using SafetyPlatform.Grains.Wellbeing;
using SafetyPlatform.Grains.Work;
using SafetyPlatform.Security;
using SafetyPlatform.Silo.Api;
using SafetyPlatform.Silo.Security;
using SafetyPlatform.Silo.Storage;

namespace SafetyPlatform.Silo.Hosting;

/// <summary>How the silo process is put together: Orleans on Azure Tables, plus the gRPC API.</summary>
public static class SiloHosting
{
    /// <summary>Orleans silo with grain state, membership and reminders in Azure Table storage.</summary>
    public static WebApplicationBuilder AddSafetySilo(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var connectionString = config["Storage:ConnectionString"] is { Length: > 0 } cs ? cs : "UseDevelopmentStorage=true";
        var tables = new TableServiceClient(connectionString);

        builder.Services.AddSingleton(tables);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ISpecialistStore, TableSpecialistStore>();
        builder.Services.AddSingleton<IWorkItemStore, TableWorkItemStore>();
        builder.Services.AddSingleton<IOutcomeStore, TableOutcomeStore>();
        builder.Services.AddSingleton<IQueueStatsStore, TableQueueStatsStore>();
        builder.Services.AddSingleton<IQueueRouteStore, TableQueueRouteStore>();
        builder.Services.AddSingleton<ISpecialistDayStore, TableSpecialistDayStore>();
        builder.Services.AddSingleton<IExposureStore, TableExposureStore>();
        builder.Services.Configure<RoutingOptions>(config.GetSection("Routing"));
        builder.Services.AddSingleton<ClusterReadiness>();
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<ClusterReadiness>());
        builder.Services.AddHostedService<ShutdownDrain>();
        // Kestrel starts alongside the silo rather than after it, so health answers NOT_SERVING
        // while the silo joins the cluster instead of refusing connections.
        builder.Services.Configure<HostOptions>(o => o.ServicesStartConcurrently = true);

        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = config["Orleans:ClusterId"] ?? "safety-local";
                o.ServiceId = config["Orleans:ServiceId"] ?? "safetyplatform";
            });
            var address = IPAddress.Parse(config["Orleans:AdvertisedAddress"] ?? "127.0.0.1");
            silo.ConfigureEndpoints(
                address,
                config.GetValue("Orleans:SiloPort", 11111),
                config.GetValue("Orleans:GatewayPort", 0),
                listenOnAnyHostAddress: !IPAddress.IsLoopback(address));
            silo.UseAzureStorageClustering((Orleans.Clustering.AzureStorage.AzureStorageClusteringOptions o) => o.TableServiceClient = tables);
            silo.AddAzureTableGrainStorage(StorageNames.Roster, (AzureTableStorageOptions o) => o.TableServiceClient = tables);
            silo.UseAzureTableReminderService((Orleans.Reminders.AzureStorage.AzureTableReminderStorageOptions o) => o.TableServiceClient = tables);
        });

        // Every call is checked again here (token, scope, actor and object rules) and audited, so a
        // silo reached without the gateway is no way around them (docs/SECURITY.md).
        builder.AddSafetyAuthentication();
        builder.Services.AddSingleton<ObjectFactsLookup>();
        builder.Services.AddSingleton(sp => AuditKey.From(sp.GetRequiredService<SecurityOptions>()));
        builder.Services.AddSingleton<AuditTrail>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AuditTrail>());

        // A request that does not decode answers INVALID_ARGUMENT (not UNKNOWN) on every method.
        // The error interceptor is outermost, so access lookups that fail transiently answer UNAVAILABLE.
        builder.Services.AddGrpc(o =>
        {
            o.Interceptors.Add<ErrorStatusInterceptor>();
            o.Interceptors.Add<AccessInterceptor>();
        }).AddDecodingErrors();
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks().AddCheck<ClusterReadiness>("cluster");
        return builder;
    }

    /// <summary>The gRPC API, health (grpc.health.v1 and `/healthz`) and reflection.</summary>
    public static WebApplication MapSafetyApi(this WebApplication app)
    {
        var problems = ApiAccess.Problems(ServedServices);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Every method needs an access rule (SafetyPlatform.Security.ApiAccess): " + string.Join("; ", problems));
        }

        app.UseAuthentication();
        app.MapGrpcService<RosterApi>();
        app.MapGrpcService<WorkApi>();
        app.MapGrpcService<MonitoringApi>();
        app.MapGrpcService<WellbeingApi>();
        app.MapGrpcService<PerformanceApi>();
        app.MapGrpcService<DiagnosticsApi>();
        app.MapGrpcService<AuditLogApi>();
        app.MapGrpcHealthChecksService();
        if (app.Services.GetRequiredService<SecurityOptions>().Reflection == true)
        {
            app.MapGrpcReflectionService();
        }

        app.MapHealthChecks("/healthz");
        return app;
    }

    /// <summary>The platform's own services, as the silo serves them.</summary>
    public static IReadOnlyList<Google.Protobuf.Reflection.ServiceDescriptor> ServedServices =>
    [
        SafetyPlatform.Api.Roster.V1.RosterService.Descriptor,
        SafetyPlatform.Api.Work.V1.WorkService.Descriptor,
        SafetyPlatform.Api.Monitoring.V1.MonitoringService.Descriptor,
        SafetyPlatform.Api.Wellbeing.V1.WellbeingService.Descriptor,
        SafetyPlatform.Api.Performance.V1.PerformanceService.Descriptor,
        SafetyPlatform.Api.Diagnostics.V1.DiagnosticsService.Descriptor,
        SafetyPlatform.Api.AuditLog.V1.AuditLogService.Descriptor,
    ];
}
