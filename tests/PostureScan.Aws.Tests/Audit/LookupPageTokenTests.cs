using System.Text;
using PostureScan.Aws.Audit;

namespace PostureScan.Aws.Tests.Audit;

/// <summary>A LookupEvents page's NextToken is read from raw JSON, where an unpaired surrogate escape can occur.</summary>
public sealed class LookupPageTokenTests
{
    [Fact]
    public void A_next_token_with_an_unpaired_surrogate_reads_with_U_FFFD()
    {
        var page = Encoding.UTF8.GetBytes("""{"Events":[],"NextToken":"tok\udc00en"}""");

        Assert.Equal("tok\uFFFDen", LookupPageRequest.NextTokenOf(page));
    }
}
