namespace PostureScan.Cli;

/// <summary>An exception and the ones inside it, outermost first: the cause a message needs is often wrapped.</summary>
internal static class ExceptionChain
{
    public static IEnumerable<Exception> Of(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
