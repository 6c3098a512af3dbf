// The grain interfaces and the records that cross the wire live in their own namespaces
// (SafetyPlatform.Grains.Abstractions), apart from the grain classes; this project uses them throughout.
global using SafetyPlatform.Grains.Abstractions;
global using SafetyPlatform.Grains.Abstractions.Monitoring;
global using SafetyPlatform.Grains.Abstractions.Roster;
global using SafetyPlatform.Grains.Abstractions.Wellbeing;
global using SafetyPlatform.Grains.Abstractions.Work;
