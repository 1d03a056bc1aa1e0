using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PostureScan.Emulator.Gcp;

/// <summary>
/// Numeric ids like Compute's (unsigned 64-bit, served as JSON strings), derived from a resource's
/// path so that a resource keeps its id across runs.
/// </summary>
internal static class GcpIds
{
    public static string For(string path)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(path));
        var value = BitConverter.ToUInt64(hash, 0) | (1UL << 62);
        return value.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A twelve-digit project number.</summary>
    public static string ProjectNumber(string projectId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("project:" + projectId));
        var value = 100_000_000_000UL + (BitConverter.ToUInt64(hash, 0) % 900_000_000_000UL);
        return value.ToString(CultureInfo.InvariantCulture);
    }
}
