using PostureScan.Emulator.Worlds;

namespace PostureScan.Emulator.Simulation;

public sealed partial class WorldSimulation
{
    private const string CloudTrailDelivery = "CloudTrail (LookupEvents and the trail buckets of the account)";

    /// <summary>CreateTrafficMirrorTarget in <paramref name="account"/>/<paramref name="region"/>: the target, and its CloudTrail record.</summary>
    public PlayedCall CreateTrafficMirrorTarget(string account, string region, SimulatedCaller caller, AwsMirrorTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return PlayEc2(account, region, caller, "CreateTrafficMirrorTarget", target.Id,
            r => r with { Targets = Append(r.Targets, target) },
            call => Ec2CallRecords.Target(call, account, region, caller.UserAgent, target));
    }

    /// <summary>CreateTrafficMirrorFilter: an empty filter (rules come with their own calls).</summary>
    public PlayedCall CreateTrafficMirrorFilter(string account, string region, SimulatedCaller caller, AwsMirrorFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var empty = filter with { Rules = [] };
        return PlayEc2(account, region, caller, "CreateTrafficMirrorFilter", filter.Id,
            r => r with { Filters = Append(r.Filters, empty) },
            call => Ec2CallRecords.Filter(call, account, region, caller.UserAgent, empty));
    }

    /// <summary>CreateTrafficMirrorFilterRule: one rule added to an existing filter; the rule needs its id.</summary>
    public PlayedCall CreateTrafficMirrorFilterRule(string account, string region, SimulatedCaller caller, string filterId, AwsFilterRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var id = rule.Id ?? throw new ArgumentException("a played filter rule needs its id (tmfr-...)", nameof(rule));
        return PlayEc2(account, region, caller, "CreateTrafficMirrorFilterRule", id,
            r => r with
            {
                Filters = Replace(r.Filters, f => f.Id == filterId, f => f with { Rules = Append(f.Rules, rule) }, $"no traffic mirror filter {filterId} in {account}/{region}"),
            },
            call => Ec2CallRecords.Rule(call, account, region, caller.UserAgent, filterId, rule));
    }

    /// <summary>CreateTrafficMirrorSession: the session, and its CloudTrail record naming the interface, target and filter.</summary>
    public PlayedCall CreateTrafficMirrorSession(string account, string region, SimulatedCaller caller, AwsMirrorSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return PlayEc2(account, region, caller, "CreateTrafficMirrorSession", session.Id,
            r => r with { Sessions = Append(r.Sessions, session) },
            call => Ec2CallRecords.Session(call, account, region, caller.UserAgent, session));
    }

    private PlayedCall PlayEc2(
        string account, string region, SimulatedCaller caller, string operation, string resourceId,
        Func<AwsRegion, AwsRegion> change, Func<AuditRecord, AuditRecord> render)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var time = Now();
        var call = render(new AuditRecord
        {
            Time = time,
            Name = operation,
            Actor = caller.Actor,
            SourceIp = caller.SourceIp,
            ResourceId = resourceId,
            Id = NewEventId(),
        });
        _state.Change(world => world with
        {
            Aws = world.Aws with
            {
                Accounts = Replace(world.Aws.Accounts, a => a.Id == account, a => a with
                {
                    Regions = Replace(a.Regions, r => r.Name == region, change, $"account {account} has no region {region}"),
                }, $"no account {account}"),
            },
            Audit = WithEvent(world.Audit, world.Audit.CloudTrail,
                l => l.Account == account && l.Region == region,
                l => l with { Events = Append(l.Events, call) },
                () => new CloudTrailLog { Account = account, Region = region },
                (audit, logs) => audit with { CloudTrail = logs }),
        });
        return new PlayedCall(operation, resourceId, time, call.Id!, CloudTrailDelivery, time);
    }
}
