namespace PostureScan.Core.Policy;

/// <summary>A policy file that cannot be used, with every problem found (not only the first).</summary>
public sealed class PolicyFormatException : Exception
{
    public PolicyFormatException()
        : this([])
    {
    }

    public PolicyFormatException(string message)
        : base(message)
    {
        Errors = [];
    }

    public PolicyFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public PolicyFormatException(IReadOnlyList<PolicyError> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<PolicyError> Errors { get; }
}
