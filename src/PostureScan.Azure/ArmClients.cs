using Azure.Core;
using Azure.Core.Pipeline;
using Azure.ResourceManager;

namespace PostureScan.Azure;

/// <summary>
/// Builds, per scope, an <see cref="ArmClient"/> and an Azure.Core pipeline for listings that ARM's
/// generic resource API cannot serve with properties. Both share one transport (one connection pool,
/// the pinned certificate), one credential and one retry policy, and count every request of the scope.
/// </summary>
internal sealed class ArmClients : IDisposable
{
    /// <summary>The resource types read by id; each gets the configured api-version, so no provider lookup is made.</summary>
    private static readonly string[] ReadTypes =
    [
        "Microsoft.Network/virtualNetworkTaps",
        "Microsoft.Network/networkInterfaces",
        "Microsoft.Network/loadBalancers",
    ];

    private readonly AzureOptions options;
    private readonly HttpClient http;
    private readonly HttpClientTransport transport;
    private readonly Lazy<TokenCredential> credential;

    public ArmClients(AzureOptions options, TokenCredential? credential)
    {
        this.options = options;
        http = new HttpClient(PinnedCertificate.Handler(options.TrustedCertificateThumbprint), disposeHandler: true)
        {
            // Azure.Core applies its own per-try NetworkTimeout.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        transport = new HttpClientTransport(http);
        this.credential = new Lazy<TokenCredential>(() => credential ?? AzureCredentials.Create(options, transport));
        Environment = options.ArmEndpoint is { Length: > 0 } endpoint
            ? new ArmEnvironment(new Uri(endpoint), options.ArmAudience is { Length: > 0 } audience ? audience : ArmEnvironment.AzurePublicCloud.Audience)
            : ArmEnvironment.AzurePublicCloud;
    }

    public ArmEnvironment Environment { get; }

    public (ArmClient Arm, HttpPipeline Pipeline) Create(CallCounter counter)
    {
        var clientOptions = new ArmClientOptions { Environment = Environment, Transport = transport };
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.MaxRetries = options.MaxRetries;
        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(options.RetryDelayMs);
        clientOptions.Retry.MaxDelay = TimeSpan.FromSeconds(60);
        clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
        clientOptions.Diagnostics.ApplicationId = "posturescan";
        clientOptions.AddPolicy(new CountingPolicy(counter), HttpPipelinePosition.PerRetry);
        clientOptions.AddPolicy(new TolerantJsonPolicy(), HttpPipelinePosition.PerRetry);
        foreach (var type in ReadTypes)
        {
            clientOptions.SetApiVersion(new ResourceType(type), options.ApiVersion);
        }

        var arm = new ArmClient(credential.Value, null, clientOptions);
        var pipeline = HttpPipelineBuilder.Build(clientOptions, new BearerTokenAuthenticationPolicy(credential.Value, Environment.DefaultScope));
        return (arm, pipeline);
    }

    public void Dispose()
    {
        transport.Dispose();
        http.Dispose();
    }
}
