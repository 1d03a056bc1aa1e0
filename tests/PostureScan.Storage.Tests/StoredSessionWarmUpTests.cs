using System.Text.Json;
using PostureScan.Core.Serialization;
using PostureScan.TestKit;

namespace PostureScan.Storage.Tests;

public sealed class StoredSessionWarmUpTests
{
    [Fact]
    public void The_warm_up_reads_its_sample_back_whole_through_the_stored_form()
    {
        var read = StoredSessionWarmUp.Run();

        Assert.NotSame(StoredSessionWarmUp.Sample, read);
        Deep.Equal(StoredSessionWarmUp.Sample, read);
    }

    [Fact]
    public void The_sample_fills_every_member_so_that_every_reader_runs()
    {
        var json = JsonSerializer.Serialize(StoredSessionWarmUp.Sample, PostureJson.Options);

        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
        Assert.DoesNotContain("[]", json, StringComparison.Ordinal);
        Assert.DoesNotContain("{}", json.Replace("\"{}\"", "\"\"", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
