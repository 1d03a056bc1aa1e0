using System.Net;
using Microsoft.Extensions.Time.Testing;
using PostureScan.Delivery.Http;

namespace PostureScan.Delivery.Tests.Sinks;

public sealed class RetryAfterHeaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);

    private static TimeSpan? Parse(string? value)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        if (value is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", value);
        }

        return RetryAfterHeader.Parse(response.Headers, new FakeTimeProvider(Now));
    }

    [Theory]
    [InlineData("120", 120)]
    [InlineData("0", 0)]
    [InlineData(" 5 ", 5)]
    [InlineData("Fri, 27 Nov 2026 02:01:30 GMT", 90)]
    [InlineData("Fri, 27 Nov 2026 01:00:00 GMT", 0)]
    public void Seconds_and_http_dates_become_a_delay(string value, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Parse(value));

    [Theory]
    [InlineData(null)]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("1.5")]
    [InlineData("2026-11-27T02:01:30Z")]
    public void Absent_or_malformed_values_give_no_delay(string? value) => Assert.Null(Parse(value));

    [Fact]
    public void An_enormous_value_is_capped_instead_of_overflowing() =>
        Assert.Equal(TimeSpan.FromSeconds(int.MaxValue), Parse("99999999999999"));
}
