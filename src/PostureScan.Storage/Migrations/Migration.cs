using System.Security.Cryptography;
using System.Text;

namespace PostureScan.Storage.Migrations;

/// <summary>One numbered schema change. Once landed its text never changes; the checksum proves it.</summary>
internal sealed record Migration(int Version, string Name, string Sql)
{
    /// <summary>SHA-256 of the script with line endings normalised, so a checkout with CRLF still matches.</summary>
    public string Checksum { get; } = Convert.ToHexStringLower(
        SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));
}
