using Azure.Core;
using Azure.Core.Pipeline;
using PostureScan.Core.Serialization;

namespace PostureScan.Azure;

/// <summary>
/// Repairs every buffered answer before anything parses it: the SDK's models (subscriptions, generic
/// resources) read strings with GetString, which throws on an unpaired surrogate escape that whoever
/// tagged a resource can write. The escape becomes \uFFFD, in place, so a tag cannot lose a scope.
/// </summary>
internal sealed class TolerantJsonPolicy : HttpPipelineSynchronousPolicy
{
    public override void OnReceivedResponse(HttpMessage message)
    {
        if (message.Response.ContentStream is MemoryStream body && body.TryGetBuffer(out var buffer))
        {
            TolerantJson.ReplaceUnpairedSurrogates(buffer.AsSpan());
        }
    }
}
