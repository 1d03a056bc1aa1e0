using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.Simulation;

/// <summary>
/// The emulator's only write path: plays the calls an operator (or an adversary) makes in a cloud, each
/// adding its resource to the running world and its record to that cloud's audit log, in the service's
/// own shape and delivery path. It is not reachable over the wire: the cloud APIs the emulator serves
/// stay read-only and keep refusing and counting every write.
/// </summary>
public sealed partial class WorldSimulation
{
    private readonly EmulatorState _state;

    internal WorldSimulation(EmulatorState state) => _state = state;

    /// <summary>The emulator's clock: every played call is stamped with it.</summary>
    public TimeProvider Time => _state.Time;

    private DateTimeOffset Now()
    {
        // Audit logs keep whole seconds (CloudTrail) or finer; seconds keep the records in call order.
        var now = _state.Time.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    private static string NewEventId() => Guid.NewGuid().ToString();

    private static IReadOnlyList<T> Append<T>(IReadOnlyList<T> list, T item) => [.. list, item];

    private static IReadOnlyList<T> Replace<T>(IReadOnlyList<T> list, Func<T, bool> match, Func<T, T> change, string missing)
    {
        if (!list.Any(match))
        {
            throw new InvalidOperationException(missing);
        }

        return [.. list.Select(item => match(item) ? change(item) : item)];
    }

    private static AuditWorld WithEvent<TLog>(
        AuditWorld audit,
        IReadOnlyList<TLog> logs,
        Func<TLog, bool> match,
        Func<TLog, TLog> add,
        Func<TLog> create,
        Func<AuditWorld, IReadOnlyList<TLog>, AuditWorld> set) =>
        set(audit, logs.Any(match) ? [.. logs.Select(l => match(l) ? add(l) : l)] : [.. logs, add(create())]);
}
