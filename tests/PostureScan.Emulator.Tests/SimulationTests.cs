using System.Net;
using System.Text;
using System.Text.Json;
using Amazon.EC2.Model;
using PostureScan.Emulator.Simulation;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.Tests;

/// <summary>The simulation's write path: what it plays is served by the read APIs, while wire writes stay refused.</summary>
public sealed class SimulationTests
{
    private const string Yaml = """
        aws:
          credentials:
            - { accessKeyId: AKIAEMULATORSCANNER1, secretAccessKey: s, account: "111122223333" }
          accounts:
            - id: "111122223333"
              regions: [{ name: us-east-1, networkInterfaces: [{ id: eni-0aaa0000000000001 }] }]
        """;

    private static readonly SimulatedCaller Adversary = new("arn:aws:iam::111122223333:user/mallory", "203.0.113.9");

    [Fact]
    public async Task A_played_session_is_described_by_ec2_and_its_record_names_the_request_and_the_created_id()
    {
        await using var host = await EmulatorHost.StartAsync(World.Parse(Yaml, "test"));

        var played = host.Simulation.CreateTrafficMirrorSession("111122223333", "us-east-1", Adversary, new AwsMirrorSession
        {
            Id = "tms-0bad000000000bad1", TargetId = "tmt-0bad000000000bad1", FilterId = "tmf-0bad000000000bad1", NetworkInterfaceId = "eni-0aaa0000000000001",
        });

        using var ec2 = AwsClients.Ec2(host);
        var sessions = await ec2.DescribeTrafficMirrorSessionsAsync(new DescribeTrafficMirrorSessionsRequest());
        Assert.Equal("tms-0bad000000000bad1", Assert.Single(sessions.TrafficMirrorSessions).TrafficMirrorSessionId);
        var record = JsonDocument.Parse(Assert.Single(host.World.Audit.CloudTrail.Single().Events).Raw!).RootElement;
        Assert.Equal(played.EventId, record.GetProperty("eventID").GetString());
        Assert.Equal("eni-0aaa0000000000001", record.GetProperty("requestParameters").GetProperty("CreateTrafficMirrorSessionRequest").GetProperty("NetworkInterfaceId").GetString());
        Assert.Equal("tms-0bad000000000bad1", record.GetProperty("responseElements").GetProperty("CreateTrafficMirrorSessionResponse")
            .GetProperty("trafficMirrorSession").GetProperty("trafficMirrorSessionId").GetString());
        Assert.Equal((Adversary.Actor, Adversary.SourceIp), (record.GetProperty("userIdentity").GetProperty("arn").GetString(), record.GetProperty("sourceIPAddress").GetString()));
    }

    [Fact]
    public async Task The_same_create_over_the_wire_is_still_refused_and_counted()
    {
        await using var host = await EmulatorHost.StartAsync(World.Parse(Yaml, "test"));
        using var ec2 = AwsClients.Ec2(host);

        await Assert.ThrowsAnyAsync<Amazon.Runtime.AmazonServiceException>(() => ec2.CreateTrafficMirrorSessionAsync(new CreateTrafficMirrorSessionRequest
        {
            NetworkInterfaceId = "eni-0aaa0000000000001", TrafficMirrorTargetId = "tmt-0x", TrafficMirrorFilterId = "tmf-0x", SessionNumber = 1,
        }));

        Assert.Equal(1, host.Counters.RejectedWrites("CreateTrafficMirrorSession"));
        Assert.Empty(host.World.Aws.Accounts.Single().Regions.Single().Sessions);
    }

    [Fact]
    public async Task A_played_change_that_breaks_the_world_is_refused_and_leaves_it_as_it_was()
    {
        await using var host = await EmulatorHost.StartAsync(World.Parse(Yaml, "test"));

        Assert.ThrowsAny<Exception>(() => host.Simulation.CreateTrafficMirrorFilterRule("111122223333", "us-east-1", Adversary, "tmf-0missing", new AwsFilterRule { Id = "tmfr-01" }));
        Assert.ThrowsAny<Exception>(() => host.Simulation.CreateTrafficMirrorTarget("111122223333", "eu-west-9", Adversary, new AwsMirrorTarget { Id = "tmt-01" }));

        Assert.Empty(host.World.Audit.CloudTrail);
    }
}
