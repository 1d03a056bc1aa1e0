using System.Text.Json;
using PostureScan.Core.Inventory;
using PostureScan.Core.Serialization;

namespace PostureScan.Storage.Rows;

/// <summary>
/// A <c>mirror_sessions</c> row. <see cref="RecordJson"/> is the source of truth on reload; the flat
/// columns exist so that queries and later migrations can reach the common fields without parsing JSON.
/// </summary>
internal sealed class SessionRow
{
    public string RunId { get; init; } = "";

    public long Seq { get; init; }

    public string Id { get; init; } = "";

    public string Provider { get; init; } = "";

    public string Account { get; init; } = "";

    public string Region { get; init; } = "";

    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? TargetId { get; init; }

    public string? TargetKind { get; init; }

    public string? TargetResourceId { get; init; }

    public string? TargetAddress { get; init; }

    public string? TargetDns { get; init; }

    public string? TargetOwner { get; init; }

    public bool? TargetInternetFacing { get; init; }

    public string? FilterId { get; init; }

    public bool AcceptsEverything { get; init; }

    public string Direction { get; init; } = "";

    public int? PacketLength { get; init; }

    public bool Enabled { get; init; }

    public int? Priority { get; init; }

    public long? VirtualNetworkId { get; init; }

    public string? OwnerAccount { get; init; }

    public string RecordJson { get; init; } = "";

    public string? RawJson { get; init; }

    public static SessionRow From(string runId, int seq, MirrorSession session) => new()
    {
        RunId = runId,
        Seq = seq,
        Id = StoredText.Of(session.Id),
        Provider = StoredText.Of(session.Scope.Provider),
        Account = StoredText.Of(session.Scope.Account),
        Region = StoredText.Of(session.Scope.Region),
        Name = StoredText.OfNullable(session.Name),
        Description = StoredText.OfNullable(session.Description),
        TargetId = StoredText.OfNullable(session.TargetId),
        TargetKind = session.Target is { } target ? StoredEnum<TargetKind>.Name(target.Kind) : null,
        TargetResourceId = StoredText.OfNullable(session.Target?.ResourceId),
        TargetAddress = StoredText.OfNullable(session.Target?.Address),
        TargetDns = StoredText.OfNullable(session.Target?.DnsName),
        TargetOwner = StoredText.OfNullable(session.Target?.OwnerAccount),
        TargetInternetFacing = session.Target?.InternetFacing,
        FilterId = StoredText.OfNullable(session.FilterId),
        AcceptsEverything = session.AcceptsEverything,
        Direction = StoredEnum<TrafficDirection>.Name(session.Direction),
        PacketLength = session.PacketLength,
        Enabled = session.Enabled,
        Priority = session.Priority,
        VirtualNetworkId = session.VirtualNetworkId,
        OwnerAccount = StoredText.OfNullable(session.OwnerAccount),
        // The provider's JSON has its own column, so it is not stored twice.
        RecordJson = JsonSerializer.Serialize(session with { RawJson = null }, PostureJson.Options),
        RawJson = StoredText.OfNullable(session.RawJson),
    };

    public static MirrorSession ToSession(string recordJson, string? rawJson)
    {
        var session = JsonSerializer.Deserialize<MirrorSession>(recordJson, PostureJson.Options)
            ?? throw new InvalidDataException("A stored mirror session is empty.");
        return session with { RawJson = rawJson };
    }
}
