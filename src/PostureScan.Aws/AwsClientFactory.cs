using Amazon;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.S3;
using Amazon.SecurityToken;

namespace PostureScan.Aws;

/// <summary>
/// Builds SDK clients from configuration: the real endpoints by region, or one overriding endpoint
/// (the emulator) with the region carried in the SigV4 scope. Retries use the SDK's own modes.
/// </summary>
internal sealed class AwsClientFactory(AwsOptions options) : IDisposable
{
    // One pool of connections for every client of a scan; each client counts its own requests.
    private readonly HttpMessageInvoker shared = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }, disposeHandler: true);

    // Requests in flight across every scope. A scope that waits out a throttling backoff holds no
    // slot, so with more scopes in progress than slots the others keep the slots busy.
    private readonly SemaphoreSlim inFlight = new(Math.Max(1, options.MaxConcurrency));

    public AWSCredentials BaseCredentials() => options switch
    {
        { AccessKeyId: { Length: > 0 } key, SecretAccessKey: { Length: > 0 } secret, SessionToken: { Length: > 0 } token } =>
            new SessionAWSCredentials(key, secret, token),
        { AccessKeyId: { Length: > 0 } key, SecretAccessKey: { Length: > 0 } secret } => new BasicAWSCredentials(key, secret),
        _ => DefaultAWSCredentialsIdentityResolver.GetCredentials(),
    };

    public IAmazonEC2 CreateEc2(AWSCredentials credentials, string region, CallCounter counter)
    {
        var config = Configure(new AmazonEC2Config(), region);
        config.HttpClientFactory = new CountingHttpClientFactory(shared, inFlight, counter);
        return new AmazonEC2Client(credentials, config);
    }

    /// <summary>An S3 client; with an overriding endpoint, path-style addressing (bucket in the path, as the emulator serves it).</summary>
    public IAmazonS3 CreateS3(AWSCredentials credentials, string region)
    {
        var config = Configure(new AmazonS3Config(), region);
        config.ForcePathStyle = options.ServiceUrl is { Length: > 0 };
        return new AmazonS3Client(credentials, config);
    }

    public IAmazonSecurityTokenService CreateSts(AWSCredentials credentials) =>
        new AmazonSecurityTokenServiceClient(credentials, Configure(new AmazonSecurityTokenServiceConfig(), options.HomeRegion));

    private T Configure<T>(T config, string region) where T : ClientConfig
    {
        if (options.ServiceUrl is { Length: > 0 } url)
        {
            config.ServiceURL = url;
            config.AuthenticationRegion = region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        config.MaxErrorRetry = options.MaxRetries;
        config.RetryMode = string.Equals(options.RetryMode, "adaptive", StringComparison.OrdinalIgnoreCase)
            ? RequestRetryMode.Adaptive
            : RequestRetryMode.Standard;
        config.Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
        return config;
    }

    public void Dispose()
    {
        shared.Dispose();
        inFlight.Dispose();
    }
}
