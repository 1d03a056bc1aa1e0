using PostureScan.TestKit;
using Xunit.Sdk;

namespace PostureScan.Storage.Tests;

/// <summary>The round-trip tests lean on <see cref="Deep"/>; these prove it notices what records do not.</summary>
public sealed class DeepEqualTests
{
    [Fact]
    public void Equal_records_with_distinct_list_and_dictionary_instances_pass()
    {
        var session = Some.Session();
        var copy = session with { Tags = new Dictionary<string, string>(session.Tags), Sources = [.. session.Sources] };

        Deep.Equal(session, copy);
    }

    [Fact]
    public void A_change_deep_in_a_nested_tag_is_reported_with_its_path()
    {
        var session = Some.Session();
        var tags = new Dictionary<string, string>(session.Target!.Tags) { ["Name"] = "changed" };
        var changed = session with { Target = session.Target with { Tags = tags } };

        var error = Assert.Throws<XunitException>(() => Deep.Equal(session, changed));
        Assert.Contains(".Target.Tags[\"Name\"]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_rule_a_changed_tick_and_a_null_are_each_reported()
    {
        var run = Some.Run();
        var filter = run.Sessions[0].Filter!;
        var fewerRules = run with { Sessions = [run.Sessions[0] with { Filter = filter with { Rules = [.. filter.Rules.Skip(1)] } }, run.Sessions[1]] };

        Assert.Throws<XunitException>(() => Deep.Equal(run, fewerRules));
        Assert.Throws<XunitException>(() => Deep.Equal(run, run with { StartedAt = run.StartedAt.AddTicks(1) }));
        Assert.Throws<XunitException>(() => Deep.Equal(run, run with { Sessions = [run.Sessions[0] with { Description = null }, run.Sessions[1]] }));
    }
}
