using PostureScan.Emulator.Aws;

namespace PostureScan.Emulator.Ec2;

/// <summary>Request errors raised by the Describe handlers, worded as EC2 words them.</summary>
internal static class Ec2Errors
{
    public static AwsError InvalidParameter(string message) => new(400, "InvalidParameterValue", message);

    public static AwsError MaxResultsOutOfRange(int value) =>
        InvalidParameter($"Value ( {value} ) for parameter maxResults is invalid. Parameter must be between 5 and 1000.");

    public static AwsError InvalidFilter(string name) =>
        InvalidParameter($"The filter '{Bounded(name)}' is invalid");

    public static AwsError InvalidToken() =>
        new(400, "InvalidPaginationToken", "The specified pagination token is not valid or is expired.");

    public static AwsError NotFound(string code, string noun, string id) =>
        new(400, code, $"The {noun} ID '{Bounded(id)}' does not exist.");

    /// <summary>Request values echoed in messages are cut short: they come from the caller.</summary>
    private static string Bounded(string value) => value.Length <= 200 ? value : value[..200] + "...";
}
