using Amazon.Runtime;

namespace PostureScan.Aws;

/// <summary>
/// Gives each SDK client an HttpClient that counts every HTTP request, retries included, while all
/// clients share one connection pool and one limit of requests in flight. The count is the scope's
/// "API calls made". The SDK waits out its retry backoff above this handler, so a waiting request
/// holds no slot of the limit.
/// </summary>
internal sealed class CountingHttpClientFactory(HttpMessageInvoker shared, SemaphoreSlim inFlight, CallCounter counter) : HttpClientFactory
{
    public override HttpClient CreateHttpClient(IClientConfig clientConfig)
    {
        var client = new HttpClient(new CountingHandler(shared, inFlight, counter), disposeHandler: true);
        if (clientConfig.Timeout is { } timeout)
        {
            client.Timeout = timeout;
        }

        return client;
    }

    // One HttpClient per SDK client: caching across clients would mix the counters of two scopes.
    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

    public override string GetConfigUniqueString(IClientConfig clientConfig) => "posturescan-counting";

    private sealed class CountingHandler(HttpMessageInvoker shared, SemaphoreSlim inFlight, CallCounter counter) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await inFlight.WaitAsync(cancellationToken);
            try
            {
                counter.Increment();
                return await shared.SendAsync(request, cancellationToken);
            }
            finally
            {
                inFlight.Release();
            }
        }
    }
}
