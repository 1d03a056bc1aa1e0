using PostureScan.Core.Attribution;
using PostureScan.Core.Drift;
using PostureScan.Core.Inventory;
using PostureScan.Core.Scanning;
using PostureScan.TestKit;

namespace PostureScan.Core.Tests.Drift;

public sealed class DriftCalculatorTests
{
    private static readonly Scope EuWest = Some.Scope(region: "eu-west-1");
    private static readonly Scope UsEast = Some.Scope(region: "us-east-1");

    [Fact]
    public void Each_kind_of_change_is_reported_once_with_before_and_after()
    {
        var kept = Some.Session(id: "tms-kept", scope: EuWest);
        var retargeted = Some.Session(id: "tms-retarget", scope: EuWest);
        var refiltered = Some.Session(id: "tms-refilter", scope: EuWest);
        var disabled = Some.Session(id: "tms-off", scope: EuWest);
        var removed = Some.Session(id: "tms-gone", scope: EuWest);
        var added = Some.Session(id: "tms-new", scope: EuWest);
        var before = Some.Run(scopes: [Some.ScopeOk(EuWest)], sessions: [kept, retargeted, refiltered, disabled, removed]);
        var newTarget = Some.Target(id: "tmt-elsewhere", address: "203.0.113.5", owner: Some.OtherAccount);
        var after = Some.Run(scopes: [Some.ScopeOk(EuWest)], sessions:
        [
            kept,
            retargeted with { Target = newTarget, TargetId = newTarget.Id },
            refiltered with { Filter = refiltered.Filter! with { Rules = [Some.Rule(TrafficDirection.Ingress, 100)] } },
            disabled with { Enabled = false },
            added,
        ]);

        var drift = DriftCalculator.Compare(before, after);

        Assert.Equal(
            [(DriftKind.Added, "tms-new"), (DriftKind.Removed, "tms-gone"), (DriftKind.Retargeted, "tms-retarget"), (DriftKind.Refiltered, "tms-refilter"), (DriftKind.Disabled, "tms-off")],
            drift.Changes.Select(c => (c.Kind, c.SessionId)).OrderBy(c => c.Kind));
        var retarget = Assert.Single(drift.Changes, c => c.Kind == DriftKind.Retargeted);
        Assert.Contains(retargeted.TargetId!, retarget.Before, StringComparison.Ordinal);
        Assert.Contains("203.0.113.5", retarget.After, StringComparison.Ordinal);
        Assert.Contains("owner " + Some.OtherAccount, retarget.After, StringComparison.Ordinal);
        Assert.Null(Assert.Single(drift.Changes, c => c.Kind == DriftKind.Added).Before);
        Assert.Null(Assert.Single(drift.Changes, c => c.Kind == DriftKind.Removed).After);
        var off = Assert.Single(drift.Changes, c => c.Kind == DriftKind.Disabled);
        Assert.Equal(("enabled", "disabled"), (off.Before, off.After));
        Assert.Empty(drift.Uncomparable);
    }

    [Fact]
    public void A_failed_scope_is_not_compared_and_its_mirrors_are_not_removed()
    {
        var west = Some.Session(id: "tms-west", scope: EuWest);
        var east = Some.Session(id: "tms-east", scope: UsEast);
        var before = Some.Run(scopes: [Some.ScopeOk(EuWest), Some.ScopeOk(UsEast)], sessions: [west, east]);
        var after = Some.Run(scopes: [Some.ScopeOk(EuWest), Some.ScopeFailed(UsEast, ScopeErrorKind.Throttled, "Rate exceeded")], sessions: [west]);

        var drift = DriftCalculator.Compare(before, after);

        Assert.Empty(drift.Changes);
        Assert.Equal([EuWest], drift.ComparedScopes);
        var skipped = Assert.Single(drift.Uncomparable);
        Assert.Equal(UsEast, skipped.Scope);
        Assert.Contains("Rate exceeded", skipped.Reason, StringComparison.Ordinal);
        Assert.Contains(after.Id, skipped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scope_scanned_in_one_run_only_or_covered_by_a_provider_wide_failure_is_not_compared()
    {
        var west = Some.Session(id: "tms-west", scope: EuWest);
        var before = Some.Run(scopes: [Some.ScopeOk(EuWest)], sessions: [west]);
        var wide = ScopeResult.Failed(new Scope(Providers.Aws, "*", "*"), ScopeErrorKind.AccessDenied, "AssumeRole denied", 1, TimeSpan.Zero);
        var after = Some.Run(scopes: [Some.ScopeOk(UsEast), wide], sessions: [Some.Session(id: "tms-east", scope: UsEast)]);

        var drift = DriftCalculator.Compare(before, after);

        Assert.Empty(drift.Changes);
        Assert.Empty(drift.ComparedScopes);
        Assert.Contains(drift.Uncomparable, u => u.Scope == EuWest && u.Reason.Contains("AssumeRole denied", StringComparison.Ordinal));
        Assert.Contains(drift.Uncomparable, u => u.Scope == UsEast && u.Reason.Contains($"not scanned in run {before.Id}", StringComparison.Ordinal));
        Assert.Contains(drift.Uncomparable, u => u.Scope == wide.Scope);
    }

    [Fact]
    public void Reattribution_needs_an_attribution_in_both_runs()
    {
        var session = Some.Session(id: "tms-1", scope: EuWest);
        var run = Some.Run(scopes: [Some.ScopeOk(EuWest)], sessions: [session]);
        var first = Some.Attribution(session.Id);
        var changed = first with { Changes = [Some.Change("arn:aws:iam::111122223333:user/mallory", "198.51.100.7")] };

        Assert.Empty(DriftCalculator.Compare(run, run, [first], [first]).Changes);
        Assert.Empty(DriftCalculator.Compare(run, run, null, [changed]).Changes);
        var change = Assert.Single(DriftCalculator.Compare(run, run, [first], [changed]).Changes);
        Assert.Equal(DriftKind.Reattributed, change.Kind);
        Assert.Contains("mallory", change.After, StringComparison.Ordinal);
        Assert.DoesNotContain("mallory", change.Before, StringComparison.Ordinal);
        Assert.Equal(DriftKind.Reattributed, Assert.Single(DriftCalculator.Compare(run, run, [first], [Some.Attribution(session.Id, AttributionState.UnattributedMissing)]).Changes).Kind);
    }

    [Fact]
    public void A_new_refused_call_is_an_attempt_and_leaves_the_story_of_who_made_the_mirror_as_it_was()
    {
        var session = Some.Session(id: "tms-1", scope: EuWest);
        var run = Some.Run(scopes: [Some.ScopeOk(EuWest)], sessions: [session]);
        var first = Some.Attribution(session.Id);
        var denied = Some.Change("arn:aws:iam::111122223333:user/mallory", "198.51.100.7", "DeleteTrafficMirrorSession");
        var attempted = first with { Refused = [denied] };

        var change = Assert.Single(DriftCalculator.Compare(run, run, [first], [attempted]).Changes);
        Assert.Equal(DriftKind.Attempted, change.Kind);
        Assert.Null(change.Before);
        Assert.StartsWith("1 refused call(s), last DeleteTrafficMirrorSession by arn:aws:iam::111122223333:user/mallory from 198.51.100.7", change.After, StringComparison.Ordinal);

        // A real change and a refused one in the same night are two lines, each for what it is.
        var both = attempted with { Changes = [Some.Change("arn:aws:iam::111122223333:user/bob", "10.9.9.9")] };
        var changes = DriftCalculator.Compare(run, run, [first], [both]).Changes;
        Assert.Equal([DriftKind.Reattributed, DriftKind.Attempted], changes.Select(c => c.Kind));
        Assert.DoesNotContain("refused", changes[0].After, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_compare_without_case_as_Azure_writes_them_in_any()
    {
        var scope = new Scope(Providers.Azure, "sub-1", "westeurope");
        var session = Some.Session(id: "/subscriptions/sub-1/resourceGroups/RG/providers/Microsoft.Network/networkInterfaces/nic/tapConfigurations/tap", scope: scope);
        var before = Some.Run(scopes: [Some.ScopeOk(scope)], sessions: [session]);
        var after = Some.Run(scopes: [Some.ScopeOk(scope)], sessions: [session with { Id = session.Id.ToUpperInvariant() }]);

        Assert.Empty(DriftCalculator.Compare(before, after).Changes);
    }
}
