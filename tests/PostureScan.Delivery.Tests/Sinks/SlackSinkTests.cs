using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using PostureScan.Core.Delivery;
using PostureScan.Core.Findings;
using PostureScan.Delivery.Slack;
using PostureScan.TestKit;
using PostureScan.TestKit.Http;

namespace PostureScan.Delivery.Tests.Sinks;

public sealed class SlackSinkTests
{
    /// <summary>What an adversary would write into a tag or a name to reach a Slack channel.</summary>
    public static readonly TheoryData<string> SlackHostile = new(
    [
        "<!channel>",
        "<!here|here>",
        "<!everyone>",
        "@channel",
        "@here",
        "hey @everyone",
        "<@U024BE7LH>",
        "<!subteam^SAZ94GDB8|@security>",
        "<http://evil.example|click for details>",
        "<mailto:x@evil.example|mail>",
        "&lt;!channel&gt;",
        "*bold* _it_ ~s~ `code`",
        "fake\n• *critical* injected finding line",
        .. Hostile.Strings,
    ]);

    private static SlackSink Sink(Uri url, HttpClient client, int maxFindings = 5, int maxTextLength = 3000) => new(
        new SlackSinkOptions { Name = "slack", WebhookUrl = url, Subscription = Events.Summaries, MaxFindings = maxFindings, MaxTextLength = maxTextLength },
        client,
        new FakeTimeProvider(Some.Time));

    private static Uri Hook(RecordingReceiver receiver) => new(receiver.BaseAddress, "services/T000/B000/XXXXsecretXXXX");

    private static async Task<JsonElement> SendAndReadPayload(DeliveryEvent summary, int maxFindings = 5, int maxTextLength = 3000)
    {
        await using var receiver = await RecordingReceiver.StartAsync();
        using var client = new HttpClient();
        var response = await Sink(Hook(receiver), client, maxFindings, maxTextLength).SendAsync([summary], CancellationToken.None);
        Assert.True(response.Succeeded);
        var request = Assert.Single(receiver.Requests);
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        return JsonDocument.Parse(request.Body).RootElement.Clone();
    }

    [Fact]
    public async Task A_run_summary_becomes_one_compact_message()
    {
        var payload = await SendAndReadPayload(Events.Summary());

        Assert.False(payload.GetProperty("link_names").GetBoolean());
        Assert.False(payload.GetProperty("unfurl_links").GetBoolean());
        var text = payload.GetProperty("text").GetString()!;
        Assert.Contains("*PostureScan run 20261127T020000Z-a1b2c3* (2026-11-27 02:00 UTC)", text, StringComparison.Ordinal);
        Assert.Contains("Active findings: 1 critical · 2 high · 0 medium · 4 low · 0 info", text, StringComparison.Ordinal);
        Assert.Contains("Scopes: 12 scanned, 1 failed", text, StringComparison.Ordinal);
        Assert.Contains(
            "• *critical* aws-mirror-target-external a · tms-00000000000000001 a (aws 111122223333) · by arn:aws:iam::111122223333:user/a from 203.0.113.7",
            text,
            StringComparison.Ordinal);
        Assert.Equal(3, text.Split('\n').Count(l => l.StartsWith("• ", StringComparison.Ordinal)));
        Assert.DoesNotContain("more new finding", text, StringComparison.Ordinal);
        Assert.EndsWith("Report: `/var/lib/posturescan/reports/latest.html`", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Findings_beyond_the_limit_are_counted_not_shown()
    {
        var top = Enumerable.Range(1, 8).Select(i => Events.Finding($"f{i}", Severity.High, i)).ToList();

        var text = (await SendAndReadPayload(Events.Summary(top, newFindings: 20), maxFindings: 5)).GetProperty("text").GetString()!;

        Assert.Equal(5, text.Split('\n').Count(l => l.StartsWith("• ", StringComparison.Ordinal)));
        Assert.Contains("…and 15 more new findings", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SlackHostile))]
    public async Task Hostile_data_in_every_field_cannot_mention_link_or_add_lines(string hostile)
    {
        var top = Enumerable.Range(1, 3).Select(i => Events.Finding(hostile, Severity.Critical, i) with
        {
            CheckId = hostile,
            ResourceId = hostile,
            Provider = hostile,
            Account = hostile,
            Attribution = new DeliveredAttribution("attributed", hostile, hostile, null),
        }).ToList();
        var summary = Events.Summary(top, newFindings: 3, runId: hostile, reportPath: hostile);

        var text = (await SendAndReadPayload(summary)).GetProperty("text").GetString()!;

        Assert.DoesNotContain('<', text);
        Assert.DoesNotContain('>', text);
        Assert.DoesNotMatch(new Regex("@(channel|here|everyone)", RegexOptions.IgnoreCase), text);
        Assert.DoesNotMatch(new Regex("&(?!amp;|lt;|gt;)"), text);
        // Six lines of our own (title, counts, new, scopes, heading, report) and one per finding: no more.
        Assert.Equal(6 + 3, text.Split('\n').Length);
        Assert.Equal(3, text.Split('\n').Count(l => l.StartsWith("• ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_text_stays_within_its_bound_whatever_the_data()
    {
        var huge = Hostile.Large(100 * 1024) + "&&&&<<<<>>>>";
        var top = Enumerable.Range(1, 50).Select(i => Events.Finding(huge, Severity.Critical, i)).ToList();
        var summary = Events.Summary(top, newFindings: 50, runId: huge, reportPath: huge);

        var text = (await SendAndReadPayload(summary, maxFindings: 50, maxTextLength: 3000)).GetProperty("text").GetString()!;

        Assert.InRange(text.Length, 1, 3000);
        Assert.Matches(new Regex(@"…and \d+ more new findings"), text);
        Assert.StartsWith("Report: `", text.Split('\n')[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_http_report_address_becomes_a_link_labelled_by_us()
    {
        var text = (await SendAndReadPayload(Events.Summary(reportPath: "https://reports.example/runs/1?a=1&b=2"))).GetProperty("text").GetString()!;

        Assert.EndsWith("Report: <https://reports.example/runs/1?a=1&amp;b=2|open the report>", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slack_error_code_is_kept_as_the_reason()
    {
        await using var receiver = await RecordingReceiver.StartAsync();
        receiver.Respond = _ => new ReceiverReply(404, "channel_not_found");
        using var client = new HttpClient();

        var response = await Sink(Hook(receiver), client).SendAsync([Events.Summary()], CancellationToken.None);

        Assert.Equal(404, response.StatusCode);
        Assert.False(response.IsRetryable);
        Assert.Equal("HTTP 404: channel_not_found", response.Reason);
    }

    [Fact]
    public async Task Only_run_summaries_are_taken()
    {
        using var client = new HttpClient();
        var url = new Uri("https://hooks.example/services/T/B/secret");
        var findings = new SinkSubscription(Severity.Info, new HashSet<DeliveryEventKind> { DeliveryEventKind.NewFinding });

        Assert.Throws<ArgumentException>(() => new SlackSink(
            new SlackSinkOptions { Name = "slack", WebhookUrl = url, Subscription = findings }, client, TimeProvider.System));
        await Assert.ThrowsAsync<ArgumentException>(() => Sink(url, client).SendAsync([Events.NewFinding(1)], CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => Sink(url, client).SendAsync([Events.Summary(), Events.Summary()], CancellationToken.None));
    }
}
