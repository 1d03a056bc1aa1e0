namespace PostureScan.Emulator.Aws;

/// <summary>One Filter.N of an EC2 request: a name and the values any of which may match.</summary>
internal sealed record QueryFilter(string Name, IReadOnlyList<string> Values);
