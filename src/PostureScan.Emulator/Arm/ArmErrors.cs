namespace PostureScan.Emulator.Arm;

/// <summary>The CloudError codes and messages ARM and the network resource provider answer with.</summary>
internal static class ArmErrors
{
    /// <summary>Bound on values echoed back in messages.</summary>
    private const int MaxEcho = 200;

    public static ArmError MissingToken() => new(401, "AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.");

    public static ArmError InvalidToken() => new(401, "InvalidAuthenticationToken", "The access token is invalid.");

    public static ArmError ExpiredToken() => new(401, "ExpiredAuthenticationToken",
        "The access token expiry UTC time is earlier than current UTC time.");

    public static ArmError WrongTenant(string callerTenant, string subscriptionTenant) => new(401, "InvalidAuthenticationTokenTenant",
        $"The access token is from the wrong issuer 'https://sts.windows.net/{callerTenant}/'. It must match the tenant 'https://sts.windows.net/{subscriptionTenant}/' associated with this subscription. Please use the authority (URL) 'https://login.windows.net/{subscriptionTenant}' to get the token. Note, if the subscription is transferred to another tenant there is no impact to the services, but information about new tenant could take time to propagate (up to an hour). If you just transferred your subscription and see this error message, please try back later.");

    public static ArmError AuthorizationFailed(ArmCaller caller, string action, string scope) => new(403, "AuthorizationFailed",
        $"The client '{caller.ClientId}' with object id '{caller.ObjectId}' does not have authorization to perform action '{action}' over scope '{Echo(scope)}' or the scope is invalid. If access was recently granted, please refresh your credentials.");

    public static ArmError WriteRejected(string method, string what) => new(403, "AuthorizationFailed",
        $"The emulator serves read-only ARM calls: {method} {Echo(what)} was refused and counted.");

    public static ArmError Throttled(string subscription, ArmCaller caller, int retryAfterSeconds) => new(429, "SubscriptionRequestsThrottled",
        $"Number of 'read' requests for subscription '{subscription}' actor '{caller.ObjectId}' exceeded. Please try again after '{retryAfterSeconds}' seconds after additional tokens are available. Refer to https://aka.ms/arm-throttling");

    public static ArmError InternalError() => new(500, "InternalServerError", "Encountered internal server error. Diagnostic information: timestamp '', subscription id '', tracking id '', request correlation id ''.");

    public static ArmError Unavailable() => new(503, "ServiceUnavailable", "The service is temporarily unavailable. Please try again later.");

    public static ArmError MissingApiVersion() => new(400, "MissingApiVersionParameter",
        "The api-version query parameter (?api-version=) is required for all requests.");

    public static ArmError UnsupportedApiVersion(string type, string version, string supported) => new(400, "NoRegisteredProviderFound",
        $"No registered resource provider found for location 'global' and API version '{Echo(version)}' for type '{type}'. The supported api-versions are '{supported}'.");

    public static ArmError SubscriptionNotFound(string subscription) => new(404, "SubscriptionNotFound",
        $"The subscription '{Echo(subscription)}' could not be found.");

    public static ArmError ResourceGroupNotFound(string group) => new(404, "ResourceGroupNotFound",
        $"Resource group '{Echo(group)}' could not be found.");

    public static ArmError ResourceNotFound(string type, string name, string group) => new(404, "ResourceNotFound",
        $"The Resource '{ArmIds.NetworkNamespace}/{type}/{Echo(name)}' under resource group '{Echo(group)}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix");

    public static ArmError ChildNotFound(string id) => new(404, "NotFound", $"Resource {Echo(id)} not found.");

    public static ArmError InvalidResourceType(string path) => new(400, "InvalidResourceType",
        $"The resource type could not be found for the request path '{Echo(path)}'.");

    public static ArmError InvalidFilter(string filter) => new(400, "InvalidFilterInQueryString",
        $"Invalid $filter '{Echo(filter)}' specified in the query string.");

    public static ArmError InvalidSkipToken() => new(400, "InvalidSkipToken", "The $skiptoken in the request is not valid.");

    private static string Echo(string value) => value.Length <= MaxEcho ? value : value[..MaxEcho];
}
