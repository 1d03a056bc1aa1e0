using System.Security.Cryptography;
using System.Text;

namespace PostureScan.Core.Findings;

/// <summary>
/// Stable finding ids: the same check on the same resource gets the same id in every run, so exceptions
/// can name it and runs can be compared. Resource ids are hashed case-insensitively (Azure ids vary in case).
/// </summary>
public static class FindingId
{
    public static string For(string checkId, string resourceId)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{checkId}\n{resourceId.ToUpperInvariant()}"));
        return "f-" + Convert.ToHexStringLower(bytes, 0, 10);
    }
}
