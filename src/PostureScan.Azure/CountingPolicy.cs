using Azure.Core;
using Azure.Core.Pipeline;

namespace PostureScan.Azure;

/// <summary>A per-retry pipeline policy, so every attempt on the wire is counted once.</summary>
internal sealed class CountingPolicy(CallCounter counter) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message) => counter.Increment();
}
