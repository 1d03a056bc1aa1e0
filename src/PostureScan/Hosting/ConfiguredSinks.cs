using PostureScan.Core.Delivery;
using PostureScan.Delivery;

namespace PostureScan.Hosting;

/// <summary>The sinks of the configuration, and the redactor that knows every secret they were given.</summary>
internal sealed record ConfiguredSinks(IReadOnlyList<IDeliverySink> Sinks, SecretRedactor Redactor);
