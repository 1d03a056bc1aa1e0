namespace PostureScan.Emulator.S3;

/// <summary>An S3 error as it goes on the wire: <c>&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;...</c> with its HTTP status.</summary>
internal sealed record S3Error(int Status, string Code, string Message)
{
    public static readonly S3Error AccessDenied = new(403, "AccessDenied", "Access Denied");
    public static readonly S3Error InvalidAccessKeyId = new(403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.");
    public static readonly S3Error NoSuchBucket = new(404, "NoSuchBucket", "The specified bucket does not exist");
    public static readonly S3Error NoSuchKey = new(404, "NoSuchKey", "The specified key does not exist.");
    public static readonly S3Error SlowDown = new(503, "SlowDown", "Please reduce your request rate.");
    public static readonly S3Error InternalError = new(500, "InternalError", "We encountered an internal error. Please try again.");
    public static readonly S3Error ServiceUnavailable = new(503, "ServiceUnavailable", "Service is unable to handle request.");
    public static readonly S3Error NotImplemented = new(501, "NotImplemented", "A header or query you provided implies functionality that is not implemented.");
    public static readonly S3Error InvalidArgument = new(400, "InvalidArgument", "Invalid Argument");
    public static readonly S3Error WriteRejected = new(403, "AccessDenied", "The emulator serves read-only requests; this one was refused and counted.");
}
