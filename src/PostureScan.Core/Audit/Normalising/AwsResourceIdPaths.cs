namespace PostureScan.Core.Audit.Normalising;

/// <summary>
/// CloudTrail event name → where the ids of the resources it acted on are. EC2 wraps parameters as
/// <c>{Operation}Request</c> and responses as <c>{Operation}Response</c>; a failed call has no
/// response, so the request's id comes too where the request names the resource.
/// </summary>
internal static class AwsResourceIdPaths
{
    private static readonly Dictionary<string, string[][]> Table = new(StringComparer.OrdinalIgnoreCase)
    {
        ["CreateTrafficMirrorSession"] = Paths("responseElements.CreateTrafficMirrorSessionResponse.trafficMirrorSession.trafficMirrorSessionId"),
        ["ModifyTrafficMirrorSession"] = Paths(
            "requestParameters.ModifyTrafficMirrorSessionRequest.TrafficMirrorSessionId",
            "responseElements.ModifyTrafficMirrorSessionResponse.trafficMirrorSession.trafficMirrorSessionId"),
        ["DeleteTrafficMirrorSession"] = Paths(
            "requestParameters.DeleteTrafficMirrorSessionRequest.TrafficMirrorSessionId",
            "responseElements.DeleteTrafficMirrorSessionResponse.trafficMirrorSessionId"),
        ["CreateTrafficMirrorTarget"] = Paths("responseElements.CreateTrafficMirrorTargetResponse.trafficMirrorTarget.trafficMirrorTargetId"),
        ["DeleteTrafficMirrorTarget"] = Paths(
            "requestParameters.DeleteTrafficMirrorTargetRequest.TrafficMirrorTargetId",
            "responseElements.DeleteTrafficMirrorTargetResponse.trafficMirrorTargetId"),
        ["CreateTrafficMirrorFilter"] = Paths("responseElements.CreateTrafficMirrorFilterResponse.trafficMirrorFilter.trafficMirrorFilterId"),
        ["DeleteTrafficMirrorFilter"] = Paths(
            "requestParameters.DeleteTrafficMirrorFilterRequest.TrafficMirrorFilterId",
            "responseElements.DeleteTrafficMirrorFilterResponse.trafficMirrorFilterId"),
        ["ModifyTrafficMirrorFilterNetworkServices"] = Paths(
            "requestParameters.ModifyTrafficMirrorFilterNetworkServicesRequest.TrafficMirrorFilterId",
            "responseElements.ModifyTrafficMirrorFilterNetworkServicesResponse.trafficMirrorFilter.trafficMirrorFilterId"),
        ["CreateTrafficMirrorFilterRule"] = Paths(
            "responseElements.CreateTrafficMirrorFilterRuleResponse.trafficMirrorFilterRule.trafficMirrorFilterRuleId",
            "requestParameters.CreateTrafficMirrorFilterRuleRequest.TrafficMirrorFilterId"),
        ["ModifyTrafficMirrorFilterRule"] = Paths(
            "requestParameters.ModifyTrafficMirrorFilterRuleRequest.TrafficMirrorFilterRuleId",
            "responseElements.ModifyTrafficMirrorFilterRuleResponse.trafficMirrorFilterRule.trafficMirrorFilterId"),
        ["DeleteTrafficMirrorFilterRule"] = Paths(
            "requestParameters.DeleteTrafficMirrorFilterRuleRequest.TrafficMirrorFilterRuleId",
            "responseElements.DeleteTrafficMirrorFilterRuleResponse.trafficMirrorFilterRuleId"),
    };

    /// <summary>The paths for the event, or null when the table has none (the profile's generic paths apply).</summary>
    public static string[][]? For(string eventName) => Table.GetValueOrDefault(eventName);

    private static string[][] Paths(params string[] dotted) => [.. dotted.Select(JsonFields.Path)];
}
