using System.Globalization;
using System.Text.Json;

namespace PostureScan.Bench;

/// <summary>
/// Writes CloudTrail records of the kinds and sizes an ordinary account logs (EC2, STS, S3, KMS,
/// IAM, CloudWatch Logs), with random ids, addresses and agents so they compress like real logs.
/// Some ordinary records mention mirroring in their parameters (an IAM policy granting
/// ec2:CreateTrafficMirrorSession), which a match on content rather than event name would report.
/// </summary>
internal sealed class RecordGenerator(Random random)
{
    private static readonly string[] Ordinary =
    [
        "ec2:DescribeInstances", "ec2:DescribeSecurityGroups", "ec2:RunInstances", "sts:AssumeRole", "sts:GetCallerIdentity",
        "s3:GetBucketAcl", "s3:ListBuckets", "kms:Decrypt", "kms:GenerateDataKey", "iam:ListRoles", "iam:PutRolePolicy",
        "logs:CreateLogStream", "ec2:CreateTags", "lambda:Invoke", "ssm:GetParameter",
    ];

    private static readonly string[] Mirror =
    [
        "CreateTrafficMirrorSession", "DeleteTrafficMirrorSession", "ModifyTrafficMirrorSession", "DescribeTrafficMirrorSessions",
        "CreateTrafficMirrorTarget", "CreateTrafficMirrorFilter", "CreateTrafficMirrorFilterRule", "DescribeTrafficMirrorTargets",
    ];

    private static readonly string[] Agents =
    [
        "aws-cli/2.17.60 md/awscrt#0.21.2 ua/2.0 os/linux#6.5.0 md/arch#x86_64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/prompt#off",
        "Boto3/1.35.36 md/Botocore#1.35.36 ua/2.0 os/linux#5.10.226-214.880.amzn2.x86_64 md/arch#x86_64 lang/python#3.11.9 md/pyimpl#CPython exec-env/AWS_Lambda_python3.11 cfg/retry-mode#legacy Botocore/1.35.36",
        "AWS Internal",
        "console.ec2.amazonaws.com",
        "aws-sdk-go-v2/1.30.4 os/linux lang/go#1.22.5 md/GOOS#linux md/GOARCH#amd64 api/ec2#1.177.0",
        "terraform-provider-aws/5.70.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.32.2",
    ];

    public void Write(Utf8JsonWriter w, DateTimeOffset time, bool mirror)
    {
        var (source, name) = mirror
            ? ("ec2", Mirror[random.Next(Mirror.Length)])
            : Split(Ordinary[random.Next(Ordinary.Length)]);
        var user = random.Next(40);
        w.WriteStartObject();
        w.WriteString("eventVersion", "1.10");
        WriteIdentity(w, user);
        w.WriteString("eventTime", time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        w.WriteString("eventSource", $"{source}.amazonaws.com");
        w.WriteString("eventName", name);
        w.WriteString("awsRegion", random.Next(5) == 0 ? "eu-west-1" : "us-east-1");
        w.WriteString("sourceIPAddress", $"{random.Next(1, 223)}.{random.Next(256)}.{random.Next(256)}.{random.Next(1, 255)}");
        w.WriteString("userAgent", Agents[random.Next(Agents.Length)]);
        var failed = random.Next(25) == 0;
        if (failed)
        {
            w.WriteString("errorCode", "Client.UnauthorizedOperation");
            w.WriteString("errorMessage", "You are not authorized to perform this operation. User: arn:aws:iam::111122223333:user/ops is not authorized");
        }

        WriteParameters(w, name);
        if (failed || name.StartsWith("Describe", StringComparison.Ordinal) || name.StartsWith("List", StringComparison.Ordinal))
        {
            w.WriteNull("responseElements");
        }
        else
        {
            WriteResponse(w, name);
        }

        w.WriteString("requestID", Guid(random));
        w.WriteString("eventID", Guid(random));
        w.WriteBoolean("readOnly", name.StartsWith("Describe", StringComparison.Ordinal) || name.StartsWith("Get", StringComparison.Ordinal) || name.StartsWith("List", StringComparison.Ordinal));
        w.WriteString("eventType", "AwsApiCall");
        w.WriteBoolean("managementEvent", true);
        w.WriteString("recipientAccountId", "111122223333");
        w.WriteString("eventCategory", "Management");
        w.WriteStartObject("tlsDetails");
        w.WriteString("tlsVersion", "TLSv1.3");
        w.WriteString("cipherSuite", "TLS_AES_128_GCM_SHA256");
        w.WriteString("clientProvidedHostHeader", $"{source}.us-east-1.amazonaws.com");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private void WriteIdentity(Utf8JsonWriter w, int user)
    {
        w.WriteStartObject("userIdentity");
        if (user % 3 == 0)
        {
            w.WriteString("type", "IAMUser");
            w.WriteString("principalId", $"AIDA{user:D4}Q7YFFAREXAMPLE");
            w.WriteString("arn", $"arn:aws:iam::111122223333:user/engineer-{user}");
            w.WriteString("accountId", "111122223333");
            w.WriteString("accessKeyId", $"AKIA{random.NextInt64(1_000_000_000_000, 9_999_999_999_999)}EXAMPLE");
            w.WriteString("userName", $"engineer-{user}");
        }
        else
        {
            w.WriteString("type", "AssumedRole");
            w.WriteString("principalId", $"AROA57JLR4M2SBAPV{user:D4}:session-{random.Next(1000)}");
            w.WriteString("arn", $"arn:aws:sts::111122223333:assumed-role/role-{user}/session-{random.Next(1000)}");
            w.WriteString("accountId", "111122223333");
            w.WriteString("accessKeyId", $"ASIA{random.NextInt64(1_000_000_000_000, 9_999_999_999_999)}EXAMPLE");
            w.WriteStartObject("sessionContext");
            w.WriteStartObject("sessionIssuer");
            w.WriteString("type", "Role");
            w.WriteString("principalId", $"AROA57JLR4M2SBAPV{user:D4}");
            w.WriteString("arn", $"arn:aws:iam::111122223333:role/role-{user}");
            w.WriteString("accountId", "111122223333");
            w.WriteString("userName", $"role-{user}");
            w.WriteEndObject();
            w.WriteStartObject("webIdFederationData");
            w.WriteEndObject();
            w.WriteStartObject("attributes");
            w.WriteString("creationDate", "2024-10-14T00:00:00Z");
            w.WriteString("mfaAuthenticated", "false");
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private void WriteParameters(Utf8JsonWriter w, string name)
    {
        w.WriteStartObject("requestParameters");
        if (name == "PutRolePolicy")
        {
            w.WriteString("roleName", $"role-{random.Next(40)}");
            w.WriteString("policyName", "network-operations");
            w.WriteString("policyDocument", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"ec2:CreateTrafficMirrorSession\",\"ec2:DescribeTrafficMirrorSessions\"],\"Resource\":\"*\"}]}");
        }
        else if (name.Contains("TrafficMirror", StringComparison.Ordinal))
        {
            w.WriteStartObject($"{name}Request");
            w.WriteString("ClientToken", Guid(random));
            w.WriteString("NetworkInterfaceId", $"eni-{Hex(17)}");
            w.WriteString("TrafficMirrorTargetId", $"tmt-{Hex(17)}");
            w.WriteString("TrafficMirrorFilterId", $"tmf-{Hex(17)}");
            w.WriteNumber("SessionNumber", random.Next(1, 32766));
            w.WriteEndObject();
        }
        else
        {
            w.WriteStartObject("filterSet");
            w.WriteStartArray("items");
            for (var i = random.Next(1, 4); i > 0; i--)
            {
                w.WriteStartObject();
                w.WriteString("name", "tag:Environment");
                w.WriteStartObject("valueSet");
                w.WriteStartArray("items");
                w.WriteStartObject();
                w.WriteString("value", random.Next(2) == 0 ? "production" : "staging");
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteString("resourceArn", $"arn:aws:{name.ToLowerInvariant()}:us-east-1:111122223333:resource/{Hex(24)}");
        }

        w.WriteEndObject();
    }

    private void WriteResponse(Utf8JsonWriter w, string name)
    {
        w.WriteStartObject("responseElements");
        w.WriteStartObject($"{name}Response");
        w.WriteString("requestId", Guid(random));
        if (name.Contains("TrafficMirror", StringComparison.Ordinal))
        {
            w.WriteStartObject("trafficMirrorSession");
            w.WriteString("trafficMirrorSessionId", $"tms-{Hex(17)}");
            w.WriteString("networkInterfaceId", $"eni-{Hex(17)}");
            w.WriteString("ownerId", "111122223333");
            w.WriteNumber("packetLength", 8500);
            w.WriteString("virtualNetworkId", random.Next(1, 16777215).ToString(CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }
        else
        {
            w.WriteString("resourceId", $"{Hex(8)}-{Hex(17)}");
            w.WriteString("status", "available");
            w.WriteStartObject("tagSet");
            w.WriteString("team", $"team-{random.Next(12)}");
            w.WriteEndObject();
        }

        w.WriteString("xmlns", "http://ec2.amazonaws.com/doc/2016-11-15/");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private string Hex(int length)
    {
        Span<char> chars = stackalloc char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = "0123456789abcdef"[random.Next(16)];
        }

        return new string(chars);
    }

    private static string Guid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    private static (string Source, string Name) Split(string qualified)
    {
        var colon = qualified.IndexOf(':', StringComparison.Ordinal);
        return (qualified[..colon], qualified[(colon + 1)..]);
    }
}
