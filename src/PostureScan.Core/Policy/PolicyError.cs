namespace PostureScan.Core.Policy;

/// <summary>
/// One problem in a policy file: where (file, 1-based line and column), which key (a path such as
/// <c>collectors[0].cidrs[1]</c>) and what is wrong.
/// </summary>
public sealed record PolicyError(string File, int Line, int Column, string Key, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Key}: {Message}";
}
