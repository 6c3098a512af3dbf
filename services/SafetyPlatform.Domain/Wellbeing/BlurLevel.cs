namespace SafetyPlatform.Domain.Wellbeing;

/// <summary>How much a review tool blurs images and video before the specialist chooses to look.</summary>
public enum BlurLevel
{
    Unspecified = 0,
    None = 1,
    Light = 2,
    Strong = 3,
}
