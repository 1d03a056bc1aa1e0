using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;

namespace PostureScan.Azure;

/// <summary>
/// The credential of a scan: an application's client secret when configured, otherwise
/// DefaultAzureCredential. Both sign in through the scan's own transport, so a pinned certificate
/// covers the token endpoint too.
/// </summary>
internal static class AzureCredentials
{
    private static readonly HashSet<Uri> KnownAuthorities =
    [
        AzureAuthorityHosts.AzurePublicCloud,
        AzureAuthorityHosts.AzureChina,
        AzureAuthorityHosts.AzureGovernment,
    ];

    public static TokenCredential Create(AzureOptions options, HttpPipelineTransport transport)
    {
        var authority = options.AuthorityHost is { Length: > 0 } host ? new Uri(host) : AzureAuthorityHosts.AzurePublicCloud;
        // Instance discovery asks the public cloud whether an authority is valid; an authority it
        // cannot know (an emulator, a private cloud) is trusted as configured instead.
        var unknownAuthority = !KnownAuthorities.Contains(authority);
        if (options is { ClientId.Length: > 0, ClientSecret.Length: > 0, TenantId.Length: > 0 })
        {
            return new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret, new ClientSecretCredentialOptions
            {
                AuthorityHost = authority,
                DisableInstanceDiscovery = unknownAuthority,
                Transport = transport,
            });
        }

        return new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            TenantId = options.TenantId,
            AuthorityHost = authority,
            DisableInstanceDiscovery = unknownAuthority,
            Transport = transport,
        });
    }
}
