using Amazon.EC2;
using Amazon.Runtime;
using Amazon.SecurityToken;

namespace PostureScan.Emulator.Tests;

/// <summary>The real SDK clients, pointed at an emulator host.</summary>
internal static class AwsClients
{
    public static AmazonEC2Client Ec2(EmulatorHost host, AWSCredentials credentials, string region = "us-east-1") =>
        new(credentials, new AmazonEC2Config { ServiceURL = host.Endpoint.ToString(), AuthenticationRegion = region });

    public static AmazonEC2Client Ec2(EmulatorHost host, string region = "us-east-1") =>
        Ec2(host, new BasicAWSCredentials(TestWorlds.ScannerKey, TestWorlds.ScannerSecret), region);

    public static AmazonSecurityTokenServiceClient Sts(EmulatorHost host, string key = TestWorlds.ScannerKey, string secret = TestWorlds.ScannerSecret) =>
        new(new BasicAWSCredentials(key, secret), new AmazonSecurityTokenServiceConfig { ServiceURL = host.Endpoint.ToString(), AuthenticationRegion = "us-east-1" });
}
