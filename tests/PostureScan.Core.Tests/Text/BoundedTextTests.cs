using PostureScan.Core.Text;

namespace PostureScan.Core.Tests.Text;

public sealed class BoundedTextTests
{
    private const string Emoji = "\U0001F600";

    [Fact]
    public void Clip_keeps_a_name_within_its_bound_and_never_keeps_half_of_a_surrogate_pair()
    {
        Assert.Equal("abc", BoundedText.Clip("abc", 3));
        Assert.Null(BoundedText.Clip(null, 3));
        Assert.Equal("ab", BoundedText.Clip("abcd", 2));

        // The fourth character is the first half of the emoji: it goes with its other half.
        Assert.Equal("abc", BoundedText.Clip("abc" + Emoji + "x", 4));
        Assert.Equal("abc" + Emoji, BoundedText.Clip("abc" + Emoji + "x", 5));
    }

    [Fact]
    public void Cut_ends_with_the_marker_and_never_keeps_half_of_a_surrogate_pair()
    {
        var value = "abc" + Emoji + "xyz";

        Assert.Equal("abc" + BoundedText.Marker(value.Length), BoundedText.Cut(value, 4));
        Assert.Equal(value, BoundedText.Cut(value, value.Length));
    }
}
