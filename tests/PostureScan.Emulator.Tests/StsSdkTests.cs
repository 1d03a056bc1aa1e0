using Amazon.EC2.Model;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Microsoft.Extensions.Time.Testing;

namespace PostureScan.Emulator.Tests;

/// <summary>The real AmazonSecurityTokenServiceClient against the emulator, and the keys it issues used with EC2.</summary>
public sealed class StsSdkTests : IAsyncLifetime
{
    private const string ProductionRole = "arn:aws:iam::444455556666:role/PostureScanReader";
    private EmulatorHost _host = null!;

    public async Task InitializeAsync() => _host = await EmulatorHost.StartAsync(TestWorlds.Fixture());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Caller_identity_names_the_key_account()
    {
        using var sts = AwsClients.Sts(_host);

        var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());

        Assert.Equal(TestWorlds.ToolingAccount, identity.Account);
        Assert.Equal("arn:aws:iam::111122223333:user/posture-scanner", identity.Arn);
        Assert.StartsWith("AIDA", identity.UserId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assumed_role_keys_act_in_the_role_account()
    {
        using var sts = AwsClients.Sts(_host);

        var assumed = await sts.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = ProductionRole,
            RoleSessionName = "posturescan",
            ExternalId = "posture-2f6c",
        });
        using var ec2 = AwsClients.Ec2(_host, assumed.Credentials);
        using var roleSts = new AmazonSecurityTokenServiceClient(assumed.Credentials,
            new AmazonSecurityTokenServiceConfig { ServiceURL = _host.Endpoint.ToString(), AuthenticationRegion = "us-east-1" });
        var sessions = await ec2.DescribeTrafficMirrorSessionsAsync(new DescribeTrafficMirrorSessionsRequest());
        var identity = await roleSts.GetCallerIdentityAsync(new GetCallerIdentityRequest());

        Assert.StartsWith("ASIA", assumed.Credentials.AccessKeyId, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(assumed.Credentials.SessionToken));
        Assert.Equal("arn:aws:sts::444455556666:assumed-role/PostureScanReader/posturescan", assumed.AssumedRoleUser.Arn);
        Assert.EndsWith(":posturescan", assumed.AssumedRoleUser.AssumedRoleId, StringComparison.Ordinal);
        Assert.Equal("tms-0b1b2c3d4e5f60001", Assert.Single(sessions.TrafficMirrorSessions).TrafficMirrorSessionId);
        Assert.Equal(TestWorlds.ProductionAccount, identity.Account);
        Assert.Equal(1, _host.Counters.CallsInScope(TestWorlds.ProductionAccount, "us-east-1"));
    }

    [Fact]
    public async Task Expiration_is_the_duration_from_the_host_clock()
    {
        var now = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        await using var host = await EmulatorHost.StartAsync(TestWorlds.Fixture(), new EmulatorOptions { TimeProvider = new FakeTimeProvider(now) });
        using var sts = AwsClients.Sts(host);

        var assumed = await sts.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = ProductionRole,
            RoleSessionName = "posturescan",
            ExternalId = "posture-2f6c",
            DurationSeconds = 900,
        });

        Assert.Equal(now.AddSeconds(900).UtcDateTime, assumed.Credentials.Expiration?.ToUniversalTime());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-id")]
    public async Task A_missing_or_wrong_external_id_is_denied(string? externalId)
    {
        using var sts = AwsClients.Sts(_host);

        var error = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() => sts.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = ProductionRole,
            RoleSessionName = "posturescan",
            ExternalId = externalId,
        }));

        Assert.Equal("AccessDenied", error.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, error.StatusCode);
    }

    [Fact]
    public async Task A_role_without_external_id_is_assumed_without_one()
    {
        using var sts = AwsClients.Sts(_host, TestWorlds.AuditorKey, "auditor-secret");

        var assumed = await sts.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = "arn:aws:iam::111122223333:role/PostureScanReader",
            RoleSessionName = "audit",
        });

        Assert.Equal("arn:aws:sts::111122223333:assumed-role/PostureScanReader/audit", assumed.AssumedRoleUser.Arn);
    }

    [Fact]
    public async Task An_unknown_role_is_denied()
    {
        using var sts = AwsClients.Sts(_host);

        var error = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() => sts.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = "arn:aws:iam::444455556666:role/Admin",
            RoleSessionName = "posturescan",
        }));

        Assert.Equal("AccessDenied", error.ErrorCode);
    }

    [Fact]
    public async Task Temporary_keys_without_their_session_token_fail()
    {
        using var sts = AwsClients.Sts(_host);
        var assumed = await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = ProductionRole, RoleSessionName = "s1", ExternalId = "posture-2f6c" });
        using var ec2 = AwsClients.Ec2(_host, new Amazon.Runtime.BasicAWSCredentials(assumed.Credentials.AccessKeyId, assumed.Credentials.SecretAccessKey));

        var error = await Assert.ThrowsAsync<Amazon.EC2.AmazonEC2Exception>(() => ec2.DescribeTrafficMirrorSessionsAsync(new DescribeTrafficMirrorSessionsRequest()));

        Assert.Equal("AuthFailure", error.ErrorCode);
    }
}
