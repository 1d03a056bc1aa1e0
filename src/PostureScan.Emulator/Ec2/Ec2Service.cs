using PostureScan.Emulator.Aws;

namespace PostureScan.Emulator.Ec2;

/// <summary>EC2 in the ec2 query protocol (API version 2016-11-15): the read actions a scanner needs.</summary>
internal static class Ec2Service
{
    public const string Namespace = "http://ec2.amazonaws.com/doc/2016-11-15/";

    private static readonly Dictionary<AwsErrorKind, AwsError> Errors = new()
    {
        [AwsErrorKind.MissingAuthentication] = new(401, "AuthFailure", "AWS was not able to validate the provided access credentials"),
        [AwsErrorKind.UnknownAccessKey] = new(401, "AuthFailure", "AWS was not able to validate the provided access credentials"),
        // What EC2 answers in a region the account has not opted in to (OptInRequired is about service subscriptions).
        [AwsErrorKind.RegionNotEnabled] = new(401, "AuthFailure", "AWS was not able to validate the provided access credentials"),
        [AwsErrorKind.Throttled] = new(503, "RequestLimitExceeded", "Request limit exceeded."),
        [AwsErrorKind.AccessDenied] = new(403, "UnauthorizedOperation",
            "You are not authorized to perform this operation. User: {caller} is not authorized to perform: ec2:{action} because no identity-based policy allows the ec2:{action} action"),
        [AwsErrorKind.InternalError] = new(500, "InternalError", "An internal error has occurred"),
        [AwsErrorKind.Unavailable] = new(503, "Unavailable", "The server is overloaded and can't handle the request."),
        [AwsErrorKind.WriteRejected] = new(403, "UnauthorizedOperation",
            "You are not authorized to perform this operation. The emulator serves read-only actions; ec2:{action} was refused and counted."),
        [AwsErrorKind.UnknownAction] = new(400, "InvalidAction", "The action {action} is not valid for this web service."),
        [AwsErrorKind.InvalidParameter] = new(400, "InvalidParameterValue", "Invalid parameter value."),
    };

    private static readonly Dictionary<string, QueryAction> Actions = new(StringComparer.Ordinal)
    {
        ["DescribeTrafficMirrorSessions"] = DescribeTrafficMirrorSessions.Handle,
        ["DescribeTrafficMirrorTargets"] = DescribeTrafficMirrorTargets.Handle,
        ["DescribeTrafficMirrorFilters"] = DescribeTrafficMirrorFilters.Handle,
        ["DescribeTrafficMirrorFilterRules"] = DescribeTrafficMirrorFilterRules.Handle,
        ["DescribeRegions"] = DescribeRegions.Handle,
        ["DescribeNetworkInterfaces"] = DescribeNetworkInterfaces.Handle,
    };

    public static QueryService Create() =>
        new("ec2", Actions, Errors, Ec2Xml.Error, Regional: true, SupportsDryRun: true);
}
