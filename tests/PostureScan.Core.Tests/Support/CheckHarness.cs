using PostureScan.Core.Policy;
using PostureScan.Core.Checks;
using PostureScan.Core.Findings;
using PostureScan.TestKit;

namespace PostureScan.Core.Tests.Support;

/// <summary>Runs one check directly over an input, as the evaluator would.</summary>
internal static class CheckHarness
{
    public static IReadOnlyList<CheckResult> Run(ICheck check, EvaluationInput input, MirrorPolicy? policy = null) =>
        [.. check.Evaluate(new CheckContext(input, policy ?? Policies.Empty, check.Metadata, Some.Time))];

    public static IReadOnlyList<CheckResult> Run(ICheck check, params PostureScan.Core.Inventory.MirrorSession[] sessions) =>
        Run(check, new EvaluationInput(Some.RunOf(sessions)));
}
