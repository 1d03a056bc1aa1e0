using Microsoft.AspNetCore.Http;
using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.Gcp;

/// <summary>An authenticated call that passed fault injection, as its handler sees it.</summary>
internal sealed record GcpCall(
    GcpAction Action,
    IQueryCollection Query,
    GcpCaller Caller,
    GcpProject? Project,
    string? Location,
    string? Name,
    GcpIndex Index);
