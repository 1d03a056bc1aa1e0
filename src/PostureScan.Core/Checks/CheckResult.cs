using PostureScan.Core.Inventory;

namespace PostureScan.Core.Checks;

/// <summary>A failing (or unevaluable) resource, with a sentence a person can act on.</summary>
public sealed record CheckResult(string ResourceId, Scope Scope, CheckOutcome Outcome, string Message)
{
    public static CheckResult Fail(string resourceId, Scope scope, string message) => new(resourceId, scope, CheckOutcome.Fail, message);

    public static CheckResult Error(string resourceId, Scope scope, string message) => new(resourceId, scope, CheckOutcome.Error, message);
}
