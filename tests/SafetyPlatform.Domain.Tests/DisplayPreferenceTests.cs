using System.Collections.Immutable;
using SafetyPlatform.Domain.Roster;
using SafetyPlatform.Domain.Wellbeing;

namespace SafetyPlatform.Domain.Tests;

/// <summary>How content is shown: the specialist's own choice, else the team's default, else the platform's by severity.</summary>
public class DisplayPreferenceTests
{
    private static readonly ImmutableDictionary<HarmCategory, DisplayPreference> Nothing = ImmutableDictionary<HarmCategory, DisplayPreference>.Empty;

    [Fact]
    public void The_platform_holds_back_the_most_harmful_content_most()
    {
        Assert.Equal(new DisplayPreference(BlurLevel.Strong, true, true, true), DisplayPreference.For(HarmCategory.ChildSafety, Nothing, Nothing));
        Assert.Equal(new DisplayPreference(BlurLevel.Strong, true, true, true), DisplayPreference.For(HarmCategory.AnimalCruelty, Nothing, Nothing));
        Assert.Equal(new DisplayPreference(BlurLevel.Light, false, true, true), DisplayPreference.For(HarmCategory.HateSpeech, Nothing, Nothing));
        Assert.Equal(DisplayPreference.Plain, DisplayPreference.For(HarmCategory.SpamScams, Nothing, Nothing));
    }

    [Fact]
    public void Her_choice_beats_the_teams_default_which_beats_the_platforms()
    {
        var team = Nothing.Add(HarmCategory.HateSpeech, DisplayPreference.Plain);
        var hers = Nothing.Add(HarmCategory.HateSpeech, new DisplayPreference(BlurLevel.Strong, false, false, true));

        Assert.Equal(DisplayPreference.Plain, DisplayPreference.For(HarmCategory.HateSpeech, Nothing, team));
        Assert.Equal(new DisplayPreference(BlurLevel.Strong, false, false, true), DisplayPreference.For(HarmCategory.HateSpeech, hers, team));
        Assert.Equal(DisplayPreference.Plain, DisplayPreference.For(HarmCategory.HateSpeech, PersonalWellbeing.None.WithDisplay(HarmCategory.HateSpeech, null).Display, team));
    }
}
