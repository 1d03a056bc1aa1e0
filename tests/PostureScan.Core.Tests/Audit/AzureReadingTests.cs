using PostureScan.Core.Audit;
using PostureScan.Core.Audit.Matching;

namespace PostureScan.Core.Tests.Audit;

public sealed class AzureReadingTests
{
    private const string Subscription = "5c1e7a9b-2d3f-4e6a-8b7c-9d0e1f2a3b4c";

    [Fact]
    public void The_REST_shape_is_read_and_a_begin_end_pair_is_reported_once_with_its_final_status()
    {
        var (result, events) = AuditFixtures.ReadFile("azure/activity-rest-page.json");
        var reported = DetectionResults.Arrange(events, AuditEventFilter.All);

        Assert.Equal(4, result.Records);
        Assert.Equal(3, result.Matched); // the NSG write is not a mirror event
        Assert.Equal(2, reported.Count);
        var write = reported.Single(e => e.EventName.EndsWith("/write", StringComparison.Ordinal));
        Assert.Equal(AuditPlatform.Azure, write.Platform);
        Assert.Equal(AuditAction.Create, write.Action); // 201 Created on the EndRequest
        Assert.Equal(AuditOutcome.Success, write.Outcome);
        Assert.Equal("dana@fabrikam.example", write.Actor);
        Assert.Equal("192.0.2.41", write.SourceIp);
        Assert.Equal(new DateTimeOffset(2025, 3, 3, 11, 0, 1, 100, TimeSpan.Zero), write.Time); // when the call was made
        Assert.Equal("d0000000-0000-4000-8000-000000000002", write.EventId); // the final record
        Assert.Equal(Subscription, write.Scope);
        Assert.Equal([$"/subscriptions/{Subscription}/resourceGroups/rg-netmon/providers/Microsoft.Network/virtualNetworkTaps/vtap-collector"], write.ResourceIds);
    }

    [Fact]
    public void A_failed_delete_by_a_service_principal_names_the_principal_and_the_error()
    {
        var (_, events) = AuditFixtures.ReadFile("azure/activity-rest-page.json");
        var delete = events.Single(e => e.EventName.EndsWith("/delete", StringComparison.Ordinal));

        Assert.Equal(AuditAction.Delete, delete.Action);
        Assert.Equal(AuditOutcome.Failure, delete.Outcome);
        Assert.Equal("Conflict", delete.ErrorCode);
        Assert.Contains("InUseVirtualNetworkTapCannotBeDeleted", delete.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", delete.Actor);
        Assert.Equal("198.51.100.99", delete.SourceIp);
    }

    [Theory]
    [InlineData("azure/activity-eventhub.json")]
    [InlineData("azure/PT1H.json")]
    public void The_export_shape_with_upper_case_operation_names_is_matched(string file)
    {
        var (result, events) = AuditFixtures.ReadFile(file);
        var reported = DetectionResults.Arrange(events, AuditEventFilter.All);

        Assert.Equal(4, result.Records);
        Assert.Equal(0, result.MalformedCount);
        Assert.Equal(3, result.Matched);
        Assert.Equal(2, reported.Count);
        var tap = reported.Single(e => e.EventName == "MICROSOFT.NETWORK/NETWORKINTERFACES/TAPCONFIGURATIONS/WRITE");
        Assert.Equal(AuditAction.Create, tap.Action); // resultSignature Succeeded.Created
        Assert.Equal(AuditOutcome.Success, tap.Outcome);
        Assert.Equal("dana@fabrikam.example", tap.Actor); // identity.claims UPN
        Assert.Equal("192.0.2.41", tap.SourceIp); // callerIpAddress
        Assert.Equal("westeurope", tap.Region);
        Assert.Equal(Subscription, tap.Scope, ignoreCase: true);
        Assert.Equal("MICROSOFT.NETWORK", tap.Service);
        var read = reported.Single(e => e.EventName.EndsWith("/READ", StringComparison.Ordinal));
        Assert.Equal(AuditAction.Read, read.Action);
    }
}
