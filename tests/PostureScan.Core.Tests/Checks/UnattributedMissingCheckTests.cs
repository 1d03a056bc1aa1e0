using PostureScan.Core.Attribution;
using PostureScan.Core.Checks;
using PostureScan.Core.Checks.UnattributedMissing;
using PostureScan.Core.Findings;
using PostureScan.Core.Inventory;
using PostureScan.Core.Tests.Support;
using PostureScan.TestKit;

namespace PostureScan.Core.Tests.Checks;

public class UnattributedMissingCheckTests
{
    private readonly UnattributedMissingCheck check = new();

    [Theory]
    [InlineData(AttributionState.Attributed)]
    [InlineData(AttributionState.UnattributedBeyondRetention)]
    public void Attributed_and_too_old_resources_pass(AttributionState state)
    {
        var session = Some.Session();

        Assert.Empty(Run(session, Some.Attribution(session.Id, state)));
    }

    [Fact]
    public void A_filter_with_no_create_event_inside_the_window_fails_and_gives_the_window()
    {
        var session = Some.Session();
        var attributions = new[]
        {
            Some.Attribution(session.Id),
            Some.Attribution(session.FilterId!, AttributionState.UnattributedMissing, reason: "events read from 2026-08-29T00:00:00Z"),
        };

        var result = Assert.Single(CheckHarness.Run(check, new EvaluationInput(Some.RunOf(session), Some.Audit(attributions))));

        Assert.Equal(session.FilterId, result.ResourceId);
        Assert.Contains("events read from 2026-08-29T00:00:00Z", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_attribution_is_an_error()
    {
        var session = Some.Session();

        Assert.Equal(CheckOutcome.Error, Assert.Single(Run(session, Some.Attribution(session.Id, AttributionState.SourceUnavailable))).Outcome);
    }

    private IReadOnlyList<CheckResult> Run(MirrorSession session, Attribution.Attribution attribution) =>
        CheckHarness.Run(check, new EvaluationInput(Some.RunOf(session), Some.Audit([attribution])));
}
