using SafetyPlatform.Domain.Work;

namespace SafetyPlatform.Grains.Work;

/// <summary>Turns the domain's refusals into the grains' <see cref="SafetyException"/>, which the API maps to a status.</summary>
internal static class Refusals
{
    /// <summary>Runs a domain decision; a refusal comes out as a <see cref="SafetyException"/> of the same kind.</summary>
    public static T Rethrow<T>(Func<T> decision)
    {
        try
        {
            return decision();
        }
        catch (WorkRefusedException refusal)
        {
            throw ToSafety(refusal);
        }
    }

    /// <summary>Runs a domain decision; a refusal is returned instead of thrown (one refusal in a batch fails only its own entry).</summary>
    public static (T? Value, SafetyException? Refusal) Catch<T>(Func<T> decision) where T : class
    {
        try
        {
            return (decision(), null);
        }
        catch (WorkRefusedException refusal)
        {
            return (null, ToSafety(refusal));
        }
    }

    public static SafetyException ToSafety(WorkRefusedException refusal) =>
        new((SafetyErrorKind)(int)refusal.Kind, refusal.Message, refusal.Field);
}
