namespace PostureScan.Delivery.Tests;

public sealed class SecretRedactorTests
{
    private const string SumoToken = "ZaVnC4dhaV3uTKlva0MUaaaaaaaaaaaaaaaaaa1bb2C3_dD4eeeeee5fffff==";

    [Theory]
    [InlineData("receiver said 401 for /receiver/v1/http/" + SumoToken, SumoToken)]
    [InlineData("bad token " + SumoToken + " at the collector", SumoToken)]
    [InlineData("bad token ZaVnC4dhaV3uTKlva0MUaaaaaaaaaaaaaaaaaa1bb2C3_dD4eeeeee5fffff%3D%3D, escaped", SumoToken)]
    public void The_token_of_a_Sumo_Logic_URL_is_redacted_when_quoted_without_the_rest(string text, string token)
    {
        var redactor = new SecretRedactor();
        redactor.Add("https://endpoint4.collection.sumologic.example/receiver/v1/http/" + Uri.EscapeDataString(token));

        var redacted = redactor.Redact(text);

        Assert.DoesNotContain("ZaVnC4dhaV3uTKlva0MU", redacted, StringComparison.Ordinal);
        Assert.Contains(SecretRedactor.Mask, redacted, StringComparison.Ordinal);
        Assert.Contains("/receiver/v1/http/", redactor.Redact("/receiver/v1/http/ is the collector path"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_segments_after_services_of_a_Slack_URL_are_redacted_each_on_its_own()
    {
        var redactor = new SecretRedactor();
        redactor.Add("https://hooks.slack.example/services/T0001AAAA/B0002BBBB/XXXXXXXXXXXXXXXXXXXXXXXX");

        Assert.Equal("team [redacted], hook [redacted]: [redacted]", redactor.Redact("team T0001AAAA, hook B0002BBBB: XXXXXXXXXXXXXXXXXXXXXXXX"));
        Assert.Equal("POST [redacted] failed", redactor.Redact("POST /services/T0001AAAA/B0002BBBB/XXXXXXXXXXXXXXXXXXXXXXXX failed"));
        Assert.Equal("quoted: .../[redacted]/[redacted]", redactor.Redact("quoted: .../B0002BBBB/XXXXXXXXXXXXXXXXXXXXXXXX"));
        Assert.Equal("the services path is public", redactor.Redact("the services path is public"));
    }

    [Fact]
    public void A_long_segment_anywhere_in_a_secret_URL_and_the_last_one_are_redacted_but_short_inner_ones_are_not()
    {
        var redactor = new SecretRedactor();
        redactor.Add("https://hooks.example.test/apis/k7Qm2Vx9Lp4Rt8Zw/inbound/final-part");

        Assert.Equal("key [redacted] for [redacted] under apis/inbound", redactor.Redact("key k7Qm2Vx9Lp4Rt8Zw for final-part under apis/inbound"));
    }
}
