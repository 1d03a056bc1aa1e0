using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace PostureScan.Delivery.Tests.Support;

/// <summary>
/// A fake clock that tells the test each time the code under test starts waiting (a backoff or a Retry-After),
/// and for how long, so the test can change the world (the receiver's answers) and then move time by that much.
/// </summary>
internal sealed class ObservedTime(DateTimeOffset start) : TimeProvider
{
    private readonly Channel<TimeSpan> waits = Channel.CreateUnbounded<TimeSpan>();

    public FakeTimeProvider Fake { get; } = new(start);

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = Fake.CreateTimer(callback, state, dueTime, period);
        if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            waits.Writer.TryWrite(dueTime);
        }

        return timer;
    }

    /// <summary>The next wait the code starts.</summary>
    public ValueTask<TimeSpan> NextWaitAsync(CancellationToken cancellationToken) => waits.Reader.ReadAsync(cancellationToken);
}
