using PostureScan.Output;

namespace PostureScan.Tests.Output;

public sealed class TerminalTextTests
{
    [Theory]
    [InlineData(
        "/subscriptions/2c4e6a8b-1d3f-4a5b-8c7d-9e0f1a2b3c4d/resourceGroups/rg/providers/Microsoft.Network/virtualNetworkTaps/vtap-diag",
        "…/virtualNetworkTaps/vtap-diag")]
    [InlineData(
        "https://www.googleapis.com/compute/v1/projects/demo-shop-prod/regions/europe-west1/packetMirrorings/pm-payments-debug",
        "…/packetMirrorings/pm-payments-debug")]
    [InlineData(
        "/subscriptions/2c4e6a8b-1d3f-4a5b-8c7d-9e0f1a2b3c4d/resourceGroups/rg/providers/Microsoft.Network/networkInterfaces/nic-web01/tapConfigurations/tap-ndr",
        "…/networkInterfaces/nic-web01/tapConfigurations/tap-ndr")]
    [InlineData("tms-0db0000000000bad1", "tms-0db0000000000bad1")]
    [InlineData("https://example.com/a/b/c/d/e", "https://example.com/a/b/c/d/e")]
    public void Long_provider_ids_are_shown_by_their_last_type_and_name(string id, string shown) =>
        Assert.Equal(shown, TerminalText.Id(id, 60));

    [Fact]
    public void A_shortened_id_is_still_cleaned_of_control_characters() =>
        Assert.Equal("…/packetMirrorings/pm?[31mred", TerminalText.Id("https://x/compute/v1/projects/p/regions/r/packetMirrorings/pm\u001b[31mred", 60));

    [Theory]
    [InlineData("admin\u202Egnp.exe", "admin?gnp.exe")]          // right-to-left override
    [InlineData("\u2067abc\u2069\u200F", "?abc??")]             // isolates and a right-to-left mark
    [InlineData("al\u200Bi\u200Cc\u200De\uFEFF", "al?i?c?e?")] // zero-width characters
    [InlineData("a\u2028b\u2029c", "a?b?c")]                     // line and paragraph separators
    [InlineData("\u001b]8;;http://x/\u0007y\u009b2J", "?]8;;http://x/?y?2J")]
    [InlineData("ad\U000E0069\U000E0067min", "ad??min")]            // tag characters beyond the BMP, one '?' each
    public void A_cell_shows_no_character_that_reorders_hides_or_breaks_text(string value, string shown) =>
        Assert.Equal(shown, TerminalText.Cell(value, 60));

    [Theory]
    [InlineData("user/\u202Eevil\u200B\u2028x\u001b[2J", 60, "user/?evil??x?[2J")]
    [InlineData("x\U000E0041\U000E0042y", 60, "x??y")]
    [InlineData("abcdef", 3, "abc…")]
    [InlineData("", 3, "")]
    public void A_line_is_cleaned_as_a_cell_is_and_cut_with_an_ellipsis(string value, int max, string shown) =>
        Assert.Equal(shown, TerminalText.Line(value, max));
}
