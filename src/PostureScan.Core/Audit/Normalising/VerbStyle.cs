namespace PostureScan.Core.Audit.Normalising;

/// <summary>Where the verb sits in a platform's operation names.</summary>
internal enum VerbStyle
{
    /// <summary>CloudTrail: the first word of a PascalCase name (CreateTrafficMirrorSession).</summary>
    LeadingWord,

    /// <summary>Azure: the last '/' segment (Microsoft.Network/virtualNetworkTaps/write).</summary>
    LastSlashSegment,

    /// <summary>GCP: the last '.' segment (v1.compute.packetMirrorings.insert).</summary>
    LastDotSegment,
}
