using PostureScan.Core.Text;

namespace PostureScan.Core.Tests.Text;

/// <summary>The one rule for characters an adversary's value must not carry into an output as themselves.</summary>
public sealed class UnsafeTextTests
{
    [Theory]
    [InlineData("al\u200Bice", "al[U+200B]ice")]
    [InlineData("admin\u202Egnp.exe", "admin[U+202E]gnp.exe")]
    // Tag characters (U+E0000–U+E007F) can spell a hidden ASCII text; each is two UTF-16 units, shown as one code point.
    [InlineData("ok\U000E0069\U000E0067\U000E006E", "ok[U+E0069][U+E0067][U+E006E]")]
    [InlineData("plain 😀 text", "plain 😀 text")]
    public void Visible_shows_every_unsafe_code_point_by_its_number(string value, string shown) =>
        Assert.Equal(shown, UnsafeText.Visible(value));

    [Fact]
    public void Visible_keeps_the_characters_it_is_told_to_keep() =>
        Assert.Equal("a\tb\r\nc[U+0007]", UnsafeText.Visible("a\tb\r\nc\u0007", "\t\r\n"));

    [Fact]
    public void Replace_puts_one_replacement_for_each_code_point() =>
        Assert.Equal("x??y", UnsafeText.Replace("x\U000E0041\u200By", '?'));
}
