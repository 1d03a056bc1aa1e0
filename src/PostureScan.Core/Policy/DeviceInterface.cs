namespace PostureScan.Core.Policy;

/// <summary>
/// An interface of a network device, as a policy names it: <c>DEVICE/INTERFACE</c> (<c>core-sw1/Gi1/0/48</c>),
/// <c>*</c> for any device. The interface is kept in its canonical spelling (<see cref="InterfaceNames"/>).
/// </summary>
public sealed record DeviceInterface(string Device, string Interface)
{
    public const string AnyDevice = "*";

    /// <summary>Reads <c>DEVICE/INTERFACE</c>; null when either half is missing or the interface is not an interface name.</summary>
    public static DeviceInterface? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || InterfaceNames.Canonical(text[(slash + 1)..]) is not { } name)
        {
            return null;
        }

        return new DeviceInterface(text[..slash].Trim(), name);
    }

    public bool Matches(string device, string interfaceName) =>
        (Device == AnyDevice || string.Equals(Device, device, StringComparison.OrdinalIgnoreCase))
        && string.Equals(Interface, InterfaceNames.Canonical(interfaceName), StringComparison.Ordinal);

    public override string ToString() => $"{Device}/{Interface}";
}
