namespace PostureScan.Validation;

/// <summary>One way the user would run <c>detect</c> over the scenario's logs: its name and its arguments after "detect".</summary>
internal sealed record DetectInput(string Name, IReadOnlyList<string> Arguments);
