namespace PostureScan.Reporting;

/// <summary>The report cannot be made from the store as asked: no such run, or an empty store.</summary>
public sealed class ReportInputException(string message) : Exception(message);
