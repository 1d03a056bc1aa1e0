using System.Security.Cryptography;
using System.Text;

namespace PostureScan.Reporting.Html;

/// <summary>
/// The report's stylesheet and script, embedded in the assembly, and their SHA-256 hashes for the
/// Content-Security-Policy: only these exact texts may style or run in the page, nothing a value injects.
/// </summary>
internal static class HtmlAssets
{
    public static string Css { get; } = Read("report.css");

    public static string Script { get; } = Read("report.js");

    public static string CssHash { get; } = Hash(Css);

    public static string ScriptHash { get; } = Hash(Script);

    /// <summary>No fetch of any kind (default-src 'none'); style and script only by hash; no base, no forms.</summary>
    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; style-src '{CssHash}'; script-src '{ScriptHash}'; img-src data:; base-uri 'none'; form-action 'none'";

    private static string Read(string name)
    {
        using var stream = typeof(HtmlAssets).Assembly.GetManifestResourceStream($"PostureScan.Reporting.{name}")
            ?? throw new InvalidOperationException($"the assembly lacks its embedded {name}");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        // Line endings fixed, so the hash does not depend on how the file was checked out.
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static string Hash(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
