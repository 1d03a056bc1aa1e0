using System.Text.RegularExpressions;

namespace PostureScan.Gcp.Compute;

/// <summary>
/// A Compute resource named by a URL in a response ("https://www.googleapis.com/compute/beta/projects/P/regions/R/subnetworks/N",
/// or the relative "projects/P/..."). Only the path is kept: a GET for it is always sent to the configured
/// endpoint, never to the host a (possibly hostile) URL names.
/// </summary>
internal sealed partial record ResourcePath(string Project, string? LocationKind, string? Location, string Collection, string Name)
{
    /// <summary>The "projects/..." path, each segment escaped, to append to the Compute v1 endpoint.</summary>
    public string Relative => LocationKind is null
        ? $"projects/{E(Project)}/global/{E(Collection)}/{E(Name)}"
        : $"projects/{E(Project)}/{LocationKind}/{E(Location!)}/{E(Collection)}/{E(Name)}";

    /// <summary>The region of a regional resource, or of a zonal one ("us-central1-a" is in "us-central1").</summary>
    public string? Region => LocationKind switch
    {
        "regions" => Location,
        "zones" when Location!.LastIndexOf('-') is > 0 and var dash => Location[..dash],
        _ => null,
    };

    public static ResourcePath? Parse(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > 2048)
        {
            return null;
        }

        var path = Uri.TryCreate(url, UriKind.Absolute, out var absolute) ? absolute.AbsolutePath : url.Split('?')[0];
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.IndexOf(segments, "projects");
        if (at < 0 || segments.Skip(at).Any(s => !Segment().IsMatch(s)))
        {
            return null;
        }

        var rest = segments[(at + 1)..];
        return rest switch
        {
            [var project, "global", var collection, var name] => new ResourcePath(project, null, null, collection, name),
            [var project, "regions" or "zones", var location, var collection, var name] =>
                new ResourcePath(project, rest[1], location, collection, name),
            _ => null,
        };
    }

    private static string E(string segment) => Uri.EscapeDataString(segment);

    // Project ids may be domain-scoped ("example.com:prj"); names are RFC 1035 labels or numeric ids.
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$")]
    private static partial Regex Segment();
}
