namespace PostureScan.Core.Audit.Normalising;

/// <summary>How a platform says a call failed.</summary>
internal enum FailureTest
{
    /// <summary>CloudTrail: any errorCode.</summary>
    Present,

    /// <summary>Azure: the status is one of the failure values.</summary>
    OneOf,

    /// <summary>GCP: a google.rpc status code other than 0 (OK).</summary>
    NonZero,
}
