using SafetyPlatform.Gateway;
using SafetyPlatform.Security;

var builder = WebApplication.CreateBuilder(args);
var options = builder.Configuration.GetSection("Gateway").Get<GatewayOptions>() ?? new GatewayOptions();

var security = builder.AddSafetyAuthentication();
builder.Services.AddCallRateLimits(options, security);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<GrpcProxyFailures>();
builder.Services.AddRequestTimeouts();
builder.Services.AddReverseProxy().LoadFromMemory(SiloRoutes.Routes(options), SiloRoutes.Clusters(options));
// Unknown services are the silos' business: let them fall through to the proxy route.
builder.Services.AddGrpc(o => o.IgnoreUnknownServices = true);
builder.Services.AddGrpcHealthChecks().AddCheck<SiloAvailabilityCheck>("silos");

var app = builder.Build();

// The gateway's own health, mapped before the catch-all proxy route so it is not forwarded.
app.UseRouting();
app.UseRequestTimeouts();
app.UseAuthentication();
app.UseRateLimiter();
app.UseMiddleware<CallGate>();
app.MapHealthChecks("/healthz");
app.MapGrpcHealthChecksService();
var failures = app.Services.GetRequiredService<GrpcProxyFailures>();
app.MapReverseProxy(proxy =>
{
    proxy.Use((context, next) => failures.Handle(context, next));
    proxy.UseSessionAffinity();
    proxy.UseLoadBalancing();
    proxy.UsePassiveHealthChecks();
});
app.Run();
