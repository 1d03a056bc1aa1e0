using PostureScan.Core.Checks;

namespace PostureScan.Validation;

/// <summary>
/// Ways to break one link of the product on purpose, so tests can show that validation fails and names the
/// step. Not on the command line: a user validates the product as shipped.
/// </summary>
/// <param name="Checks">Replaces the check registry the policy is evaluated with.</param>
/// <param name="UnattributedProviders">Providers whose audit sources the scan leaves out (no attribution for them).</param>
internal sealed record ValidationSeams(Func<CheckRegistry, CheckRegistry>? Checks = null, IReadOnlySet<string>? UnattributedProviders = null)
{
    public static ValidationSeams None { get; } = new();
}
