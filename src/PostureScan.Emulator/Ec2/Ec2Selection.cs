using PostureScan.Emulator.Aws;

namespace PostureScan.Emulator.Ec2;

/// <summary>One page of a Describe action's items and the token of the next, or the request's error.</summary>
internal sealed record Ec2Selection<T>(IReadOnlyList<T> Page, string? NextToken, AwsError? Error)
{
    public static Ec2Selection<T> Failed(AwsError error) => new([], null, error);
}
