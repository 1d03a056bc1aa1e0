namespace PostureScan.Core.Scanning;

/// <summary>Told about a scan as it goes, for progress displays and logs.</summary>
public interface IScanProgress
{
    void ScopesDiscovered(string provider, int count);

    void ScopeFinished(ScopeInventory inventory);
}
