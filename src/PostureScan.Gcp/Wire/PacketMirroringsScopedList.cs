using System.Text.Json;

namespace PostureScan.Gcp.Wire;

/// <summary>
/// The policies of one scope on one page, or a warning in their place (NO_RESULTS_ON_PAGE for an
/// empty scope). Policies stay raw JSON until mapping, so that export keeps the provider's own text.
/// </summary>
internal sealed record PacketMirroringsScopedList(List<JsonElement>? PacketMirrorings, ApiWarning? Warning);
