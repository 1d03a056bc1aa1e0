using Amazon.Runtime;

namespace PostureScan.Aws;

/// <summary>
/// Gives each SDK client an HttpClient that counts every HTTP request, retries included, while all
/// clients share one connection pool. The count is the scope's "API calls made".
/// </summary>
internal sealed class CountingHttpClientFactory(HttpMessageInvoker shared, CallCounter counter) : HttpClientFactory
{
    public override HttpClient CreateHttpClient(IClientConfig clientConfig)
    {
        var client = new HttpClient(new CountingHandler(shared, counter), disposeHandler: true);
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

    private sealed class CountingHandler(HttpMessageInvoker shared, CallCounter counter) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            counter.Increment();
            return shared.SendAsync(request, cancellationToken);
        }
    }
}
