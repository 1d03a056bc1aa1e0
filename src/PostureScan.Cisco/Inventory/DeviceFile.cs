using PostureScan.Cisco.Parsing;
using PostureScan.Core.Scanning;

namespace PostureScan.Cisco.Inventory;

/// <summary>One device file as read at discovery: parsed, or the reason it could not be.</summary>
internal sealed record DeviceFile(string FileName, string? NameInFile, DeviceParseResult? Parsed, ScopeErrorKind? ErrorKind, string? Error, TimeSpan ReadTime);
