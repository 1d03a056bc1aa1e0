namespace PostureScan.Storage;

/// <summary>
/// A store this build must not open, and has left as it was: a database holding another application's tables and
/// no PostureScan history, or one migrated by a newer or different build. The message says why, for one line that
/// the caller prefixes with where the store is.
/// </summary>
public sealed class StoreRefusedException : InvalidOperationException
{
    /// <summary>A refusal with its reason.</summary>
    public StoreRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>A refusal with no reason given.</summary>
    public StoreRefusedException()
    {
    }

    /// <summary>A refusal with its reason and the error that led to it.</summary>
    public StoreRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
