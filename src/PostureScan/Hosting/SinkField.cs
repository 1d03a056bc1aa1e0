namespace PostureScan.Hosting;

/// <summary>A field of <see cref="DeliverySinkSettings"/> that only some sink types use, and how to tell that a sink set it.</summary>
internal sealed record SinkField(string Name, IReadOnlyList<string> Types, Func<DeliverySinkSettings, bool> IsSet);
