namespace PostureScan.Core.Checks;

/// <summary>
/// One policy check: a pure function over already-collected records. It yields a result for each
/// resource that fails, or that it could not evaluate (an error); a resource with no result passed.
/// </summary>
public interface ICheck
{
    CheckMetadata Metadata { get; }

    IEnumerable<CheckResult> Evaluate(CheckContext context);
}
