using System.Text.Json;
using PostureScan.Core.Audit;
using PostureScan.Core.Audit.Normalising;
using PostureScan.Core.Text;

namespace PostureScan.Core.Attribution;

/// <summary>
/// What the normalised actor leaves out: the role that issued an assumed-role session, the session's
/// name, and the service that called on the principal's behalf — read from the logged record by path
/// tables, per platform.
/// </summary>
internal sealed record ActorDetails(string? SessionIssuer, string? RoleSessionName, string? InvokedBy)
{
    private const int MaxField = 512;

    private static readonly Dictionary<AuditPlatform, (string[][] Issuer, string[][] InvokedBy)> Paths = new()
    {
        [AuditPlatform.Aws] = (
            [JsonFields.Path("userIdentity.sessionContext.sessionIssuer.arn")],
            [JsonFields.Path("userIdentity.invokedBy")]),
        [AuditPlatform.Gcp] = (
            [JsonFields.Path("protoPayload.authenticationInfo.serviceAccountDelegationInfo.0.firstPartyPrincipal.principalEmail")],
            []),
    };

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    public static ActorDetails None { get; } = new(null, null, null);

    public static ActorDetails Of(AuditEvent e)
    {
        var roleSession = SessionNameOf(e.Actor);
        if (e.RawJson is null || !Paths.TryGetValue(e.Platform, out var paths))
        {
            return new ActorDetails(null, roleSession, null);
        }

        try
        {
            using var document = JsonDocument.Parse(e.RawJson, Options);
            return new ActorDetails(
                Bounded(JsonFields.Coalesce(document.RootElement, paths.Issuer)),
                roleSession,
                Bounded(JsonFields.Coalesce(document.RootElement, paths.InvokedBy)));
        }
        catch (JsonException)
        {
            return new ActorDetails(null, roleSession, null);
        }
    }

    /// <summary>"arn:aws:sts::123:assumed-role/Role/alice" → "alice".</summary>
    private static string? SessionNameOf(string actor)
    {
        const string marker = ":assumed-role/";
        var at = actor.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        var rest = actor[(at + marker.Length)..];
        var slash = rest.IndexOf('/');
        return slash >= 0 && slash + 1 < rest.Length ? Bounded(rest[(slash + 1)..]) : null;
    }

    private static string? Bounded(string? value) => BoundedText.Clip(value, MaxField);
}
