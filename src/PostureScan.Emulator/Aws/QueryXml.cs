using System.Xml;

namespace PostureScan.Emulator.Aws;

/// <summary>
/// The envelopes of the plain query protocol (STS, ELBv2, IAM...): ActionResponse/ActionResult with
/// ResponseMetadata/RequestId, and ErrorResponse/Error{Type,Code,Message} with RequestId.
/// </summary>
internal static class QueryXml
{
    private const string Indent = "  ";

    public static QueryResult Response(QueryCall call, string xmlNamespace, Action<XmlWriter> result) =>
        QueryResult.Ok(WireXml.Document(Indent, w =>
        {
            w.WriteStartElement(call.Action + "Response", xmlNamespace);
            w.WriteStartElement(call.Action + "Result");
            result(w);
            w.WriteEndElement();
            w.WriteStartElement("ResponseMetadata");
            w.WriteElementString("RequestId", call.RequestId);
            w.WriteEndElement();
            w.WriteEndElement();
        }));

    /// <summary>
    /// An error writer for a service with this namespace; 5xx errors are the Receiver's fault. The message
    /// may echo the caller's text (AssumeRole's role ARN), so it is made printable first.
    /// </summary>
    public static Func<AwsError, string, string> ErrorWriter(string xmlNamespace) =>
        (error, requestId) => WireXml.Document(Indent, w =>
        {
            w.WriteStartElement("ErrorResponse", xmlNamespace);
            w.WriteStartElement("Error");
            w.WriteElementString("Type", error.Status >= 500 ? "Receiver" : "Sender");
            w.WriteElementString("Code", error.Code);
            w.WriteElementString("Message", XmlCharacters.Printable(error.Message));
            w.WriteEndElement();
            w.WriteElementString("RequestId", requestId);
            w.WriteEndElement();
        });

    /// <summary>The common errors as the plain query-protocol services name them.</summary>
    public static Dictionary<AwsErrorKind, AwsError> CommonErrors() => new()
    {
        [AwsErrorKind.MissingAuthentication] = new(403, "MissingAuthenticationToken", "Request is missing Authentication Token"),
        [AwsErrorKind.UnknownAccessKey] = new(403, "InvalidClientTokenId", "The security token included in the request is invalid."),
        [AwsErrorKind.RegionNotEnabled] = new(403, "InvalidClientTokenId", "The security token included in the request is invalid."),
        [AwsErrorKind.Throttled] = new(400, "Throttling", "Rate exceeded"),
        [AwsErrorKind.AccessDenied] = new(403, "AccessDenied",
            "User: {caller} is not authorized to perform: {service}:{action} because no identity-based policy allows the {service}:{action} action"),
        [AwsErrorKind.InternalError] = new(500, "InternalFailure", "The request processing has failed because of an unknown error, exception or failure."),
        [AwsErrorKind.Unavailable] = new(503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server."),
        [AwsErrorKind.WriteRejected] = new(403, "AccessDenied",
            "The emulator serves read-only actions; {service}:{action} was refused and counted."),
        [AwsErrorKind.UnknownAction] = new(400, "InvalidAction", "Could not find operation {action} for version in this service."),
        [AwsErrorKind.InvalidParameter] = new(400, "ValidationError", "Invalid parameter value."),
    };
}
