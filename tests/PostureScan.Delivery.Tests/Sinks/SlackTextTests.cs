using PostureScan.Delivery.Slack;

namespace PostureScan.Delivery.Tests.Sinks;

public sealed class SlackTextTests
{
    [Theory]
    [InlineData("<!channel>", "&lt;!channel&gt;")]
    [InlineData("<!here|here>", "&lt;!here|here&gt;")]
    [InlineData("<!everyone>", "&lt;!everyone&gt;")]
    [InlineData("<@U024BE7LH>", "&lt;@\u200BU024BE7LH&gt;")]
    [InlineData("<!subteam^SAZ94GDB8|@security>", "&lt;!subteam^SAZ94GDB8|@\u200Bsecurity&gt;")]
    [InlineData("<#C024BE7LR|general>", "&lt;#C024BE7LR|general&gt;")]
    [InlineData("<http://evil.example|click here>", "&lt;http://evil.example|click here&gt;")]
    [InlineData("&lt;!channel&gt;", "&amp;lt;!channel&amp;gt;")]
    [InlineData("@channel wake up", "@\u200Bchannel wake up")]
    [InlineData("ping @HERE", "ping @\u200BHERE")]
    [InlineData("x@everyone", "x@\u200Beveryone")]
    [InlineData("@alice", "@\u200Balice")]
    [InlineData("alice@example.com", "alice@example.com")]
    [InlineData("line1\r\nline2\tcol", "line1  line2 col")]
    [InlineData("a\u202Eevil\u202Cb", "a\uFFFDevil\uFFFDb")]
    [InlineData("nul\u0000inside", "nul inside")]
    public void Data_cannot_mention_link_or_break_a_line(string data, string expected) =>
        Assert.Equal(expected, SlackText.Data(data, 1000));

    [Fact]
    public void A_cut_never_splits_an_escape_or_a_surrogate_pair_and_keeps_the_bound()
    {
        Assert.Equal("&amp;&amp;&amp;&amp;…", SlackText.Data(new string('&', 100), 21));
        Assert.Equal("🚨…", SlackText.Data("🚨🚨🚨", 4));
        Assert.Equal("short", SlackText.Data("short", 5));
        Assert.Equal("shor…", SlackText.Data("shorter", 5));
        Assert.Equal("a&amp;…", SlackText.Data("a&&", 7));
    }
}
