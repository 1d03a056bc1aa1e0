using PostureScan.Core.Scanning;
using PostureScan.Emulator;

namespace PostureScan.Gcp.Tests;

/// <summary>
/// Scans <see cref="GcpEstate"/> once, through the real Google credential flow and the REST client,
/// with a page size that splits the production project over three pages.
/// </summary>
public sealed class EstateScan : IAsyncLifetime
{
    private GcpEmulator? _emulator;

    public ScanRun Run { get; private set; } = null!;

    public EmulatorCounters Counters => _emulator!.Host.Counters;

    /// <summary>How long the whole scan took, discovery included.</summary>
    public TimeSpan Elapsed { get; private set; }

    public async Task InitializeAsync()
    {
        _emulator = await GcpEmulator.StartAsync(GcpEstate.Projects());
        var options = _emulator.Options(GcpEstate.ProdWeb, GcpEstate.SecTooling, GcpEstate.Denied);
        options.PageSize = 4;
        using var source = new GcpInventorySource(options, TimeProvider.System);
        var started = TimeProvider.System.GetTimestamp();
        Run = await new Scanner([source], TimeProvider.System, 4).RunAsync(null, CancellationToken.None);
        Elapsed = TimeProvider.System.GetElapsedTime(started);
    }

    public async Task DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}
