using SafetyPlatform.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddSafetySilo();

var app = builder.Build();
app.MapSafetyApi();
app.Run();
