using System.Security.Cryptography;
using PostureScan.Core.Attribution;
using PostureScan.Core.Findings;
using PostureScan.Core.Inventory;
using PostureScan.Core.Scanning;

namespace PostureScan.TestKit;

/// <summary>
/// Valid records with every field filled, for tests that need "a session" or "a run" and care only
/// about the part they override. Ids are random, so records made separately never collide.
/// </summary>
public static class Some
{
    /// <summary>A fixed start time with sub-millisecond ticks, so precision losses show.</summary>
    public static DateTimeOffset Time { get; } = new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);

    public const string Account = "111122223333";

    public const string OtherAccount = "444455556666";

    /// <summary>A provider-looking id: the prefix and 17 random hex digits (the shape of AWS ids).</summary>
    public static string Id(string prefix) => $"{prefix}-{RandomNumberGenerator.GetHexString(17, lowercase: true)}";

    public static Scope Scope(string provider = Providers.Aws, string account = Account, string region = "eu-west-1") =>
        new(provider, account, region);

    public static Dictionary<string, string> Tags(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    public static MirroredSource Source(string? id = null, TrafficDirection direction = TrafficDirection.Both) => new(
        "network-interface",
        id ?? Id("eni"),
        "web-1 primary interface",
        Id("i"),
        Id("vpc"),
        ["10.0.1.15", "2001:db8::15"],
        direction,
        Tags(("Name", "web-1"), ("env", "prod")));

    public static MirrorTarget Target(
        string? id = null,
        TargetKind kind = TargetKind.NetworkInterface,
        string? address = "10.0.9.10",
        string? owner = Account,
        bool? internetFacing = false,
        IReadOnlyDictionary<string, string>? tags = null) => new(
        id ?? Id("tmt"),
        kind,
        Id("eni"),
        address,
        "collector.internal.example",
        owner,
        internetFacing,
        "NDR sensor",
        tags ?? Tags(("Name", "ndr-sensor")),
        """{"TrafficMirrorTargetId":"tmt-0","Type":"network-interface"}""");

    public static FilterRule Rule(
        TrafficDirection direction = TrafficDirection.Ingress,
        int ruleNumber = 100,
        bool accept = true,
        int? protocol = null,
        PortRange? destinationPorts = null) => new(
        Id("tmfr"),
        direction,
        ruleNumber,
        accept,
        protocol,
        "0.0.0.0/0",
        "0.0.0.0/0",
        null,
        destinationPorts,
        $"{direction} rule {ruleNumber}");

    /// <summary>By default a filter that accepts everything both ways, with a narrower rule after it.</summary>
    public static MirrorFilter Filter(string? id = null, IReadOnlyList<FilterRule>? rules = null) => new(
        id ?? Id("tmf"),
        "mirror all",
        rules ??
        [
            Rule(TrafficDirection.Ingress, 100),
            Rule(TrafficDirection.Egress, 100),
            Rule(TrafficDirection.Ingress, 200, accept: false, protocol: 6, destinationPorts: new PortRange(22, 22)),
        ],
        ["amazon-dns"],
        Tags(("team", "secops")),
        """{"TrafficMirrorFilterId":"tmf-0"}""");

    public static MirrorSession Session(
        string? id = null,
        Scope? scope = null,
        MirrorTarget? target = null,
        MirrorFilter? filter = null,
        IReadOnlyDictionary<string, string>? tags = null,
        string? name = "sanctioned-ndr",
        string? description = "Mirror web tier to the NDR sensor",
        bool enabled = true)
    {
        target ??= Target();
        filter ??= Filter();
        return new MirrorSession(
            id ?? Id("tms"),
            scope ?? Scope(),
            name,
            description,
            [Source(), Source(direction: TrafficDirection.Ingress)],
            target.Id,
            target,
            filter.Id,
            filter,
            TrafficDirection.Both,
            PacketLength: 9001,
            enabled,
            Priority: 1,
            VirtualNetworkId: 4_294_967_296L,
            scope?.Account ?? Account,
            tags ?? Tags(("Name", name ?? "")),
            """{"TrafficMirrorSessionId":"tms-0","SessionNumber":1}""");
    }

    public static ScopeResult ScopeOk(Scope? scope = null, int apiCalls = 3) =>
        ScopeResult.Ok(scope ?? Scope(), apiCalls, TimeSpan.FromTicks(12_345_678));

    public static ScopeResult ScopeFailed(
        Scope? scope = null, ScopeErrorKind kind = ScopeErrorKind.AccessDenied, string error = "not authorized to perform ec2:DescribeTrafficMirrorSessions") =>
        ScopeResult.Failed(scope ?? Scope(region: "ap-south-2"), kind, error, 1, TimeSpan.FromTicks(987_654));

    /// <summary>
    /// A run started at <paramref name="startedAt"/> (default <see cref="Time"/>) lasting 90 seconds. By
    /// default: two good AWS scopes with one session each, and one failed scope.
    /// </summary>
    public static ScanRun Run(
        DateTimeOffset? startedAt = null,
        IReadOnlyList<ScopeResult>? scopes = null,
        IReadOnlyList<MirrorSession>? sessions = null,
        string? id = null)
    {
        var start = startedAt ?? Time;
        var first = Scope(region: "eu-west-1");
        var second = Scope(region: "us-east-1");
        scopes ??= [ScopeOk(first), ScopeOk(second, apiCalls: 5), ScopeFailed()];
        sessions ??= [Session(scope: first), Session(scope: second)];
        return new ScanRun(
            id ?? ScanRun.NewId(start),
            start,
            start.AddSeconds(90),
            [.. scopes.Select(s => s.Scope.Provider).Distinct(StringComparer.Ordinal)],
            scopes,
            sessions);
    }

    /// <summary><paramref name="count"/> sessions spread over <paramref name="scopes"/> regions of one account.</summary>
    public static IReadOnlyList<MirrorSession> Sessions(int count, int scopes = 10) =>
        [.. Enumerable.Range(0, count).Select(i => Session(scope: Scope(region: $"region-{i % scopes}")))];

    /// <summary>A create event found for <paramref name="resourceId"/>, by default by an automation role from an internal address.</summary>
    public static Attribution Attribution(
        string resourceId,
        AttributionState state = AttributionState.Attributed,
        string? actor = "arn:aws:sts::111122223333:assumed-role/ndr-automation/ci",
        string? sourceIp = "10.1.2.3",
        IReadOnlyList<AttributedChange>? changes = null,
        string? reason = null) => new(
        resourceId,
        state,
        state == AttributionState.Attributed ? actor : null,
        state == AttributionState.Attributed ? sourceIp : null,
        state == AttributionState.Attributed ? Time.AddDays(-3) : null,
        "aws-cli/2.15.0",
        state == AttributionState.Attributed ? [Guid.NewGuid().ToString()] : [],
        changes ?? [],
        reason);

    /// <summary>A successful modify event.</summary>
    public static AttributedChange Change(string actor, string sourceIp, string eventName = "ModifyTrafficMirrorSession") =>
        new(Time.AddDays(-1), eventName, "modify", "success", actor, sourceIp, Guid.NewGuid().ToString());

    /// <summary>Audit evidence with every scope's source read, and the given attributions and events.</summary>
    public static AuditEvidence Audit(
        IReadOnlyList<Attribution>? attributions = null,
        IReadOnlyList<AuditScopeStatus>? scopes = null,
        IReadOnlyList<FailedMirrorAttempt>? failedAttempts = null,
        IReadOnlyList<MirrorLifetime>? deletedMirrors = null) => new(
        scopes ?? [new AuditScopeStatus(Scope(region: Core.Inventory.Scope.Global), true, null)],
        attributions ?? [],
        failedAttempts ?? [],
        deletedMirrors ?? []);

    public static FailedMirrorAttempt FailedAttempt(string actor, DateTimeOffset time, Scope? scope = null) =>
        new(scope ?? Scope(), time, "CreateTrafficMirrorSession", actor, "203.0.113.9", "Client.UnauthorizedOperation", Guid.NewGuid().ToString());

    public static MirrorLifetime Lifetime(TimeSpan lifetime, string? resourceId = null, Scope? scope = null) =>
        new(scope ?? Scope(), resourceId ?? Id("tms"), Time.AddHours(-30), Time.AddHours(-30) + lifetime, "arn:aws:iam::111122223333:user/mallory", "203.0.113.9");

    public static CandidateSource Candidate(string? id = null, Scope? scope = null, params (string Key, string Value)[] tags) =>
        new(scope ?? Scope(), Source(id) with { Tags = Tags(tags) });

    /// <summary>A run with one good scope holding <paramref name="sessions"/> (their scopes should be that scope).</summary>
    public static ScanRun RunOf(params MirrorSession[] sessions) =>
        Run(scopes: [.. sessions.Select(s => s.Scope).Append(Scope()).Distinct().Select(s => ScopeOk(s))], sessions: sessions);

    /// <summary>A finding on <paramref name="resourceId"/> with its stable id, seen first a day before <see cref="Time"/>.</summary>
    public static Finding Finding(
        string? resourceId = null,
        string checkId = "unapproved-destination",
        FindingStatus status = FindingStatus.New,
        Severity severity = Severity.High,
        Core.Policy.Exemption? exemption = null,
        string? note = null)
    {
        resourceId ??= Id("tms");
        return new Finding(
            FindingId.For(checkId, resourceId),
            checkId,
            "Mirror sends packets to an unapproved destination",
            severity,
            status,
            resourceId,
            Scope(),
            $"mirror {resourceId} sends packets to network interface eni-0f0reign (10.77.0.5), which matches no sanctioned collector",
            Time.AddDays(-1),
            Time,
            exemption,
            note);
    }

    /// <summary>An evaluation of <paramref name="run"/> holding <paramref name="findings"/>.</summary>
    public static PolicyEvaluation Evaluation(ScanRun run, params Finding[] findings) =>
        new(run.Id, "policies/sanctioned-ndr.example.yaml", run.FinishedAt, findings, [new UnevaluatedCheck("coverage-gap", "candidate sources were not listed")]);
}
