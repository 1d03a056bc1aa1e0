using PostureScan.Cisco.Parsing;
using PostureScan.Core.Scanning;

namespace PostureScan.Cisco.Inventory;

/// <summary>Reads and parses one device file; every I/O or content problem becomes a failed file, never an exception.</summary>
internal sealed class DeviceFileReader(long maxBytes, TimeProvider time)
{
    public async Task<DeviceFile> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        var started = time.GetTimestamp();
        try
        {
            var length = new FileInfo(path).Length;
            if (length > maxBytes)
            {
                return Failed(name, ScopeErrorKind.InvalidResponse, $"{name}: {length} bytes, more than the {maxBytes} allowed", started);
            }

            // The reader honours a byte-order mark, so files saved as UTF-16 by Windows tools read too.
            var text = await File.ReadAllTextAsync(path, cancellationToken);
            var parsed = CiscoDeviceParser.Parse(text);
            if (parsed.Failure is { } failure)
            {
                return Failed(name, ScopeErrorKind.InvalidResponse, $"{name}: line {failure.Line}: {failure.Reason}", started);
            }

            if (parsed.FileIssues.Count > 0)
            {
                // Monitor commands that belong to no session could hide a mirror: say so rather than pass.
                var first = parsed.FileIssues[0];
                var message = $"{name}: line {first.Line}: {first.Reason} ({parsed.FileIssues.Count} monitor line(s) not understood)";
                return new DeviceFile(name, parsed.DeviceName, null, ScopeErrorKind.InvalidResponse, message, time.GetElapsedTime(started));
            }

            return new DeviceFile(name, parsed.DeviceName, parsed, null, null, time.GetElapsedTime(started));
        }
        catch (UnauthorizedAccessException ex)
        {
            return Failed(name, ScopeErrorKind.AccessDenied, $"{name}: {ex.Message}", started);
        }
        catch (IOException ex)
        {
            return Failed(name, ScopeErrorKind.Unreachable, $"{name}: {ex.Message}", started);
        }
    }

    private DeviceFile Failed(string name, ScopeErrorKind kind, string error, long started) =>
        new(name, null, null, kind, error, time.GetElapsedTime(started));
}
