using System.Text;
using System.Xml;

namespace PostureScan.Emulator.Aws;

/// <summary>
/// Writes response documents laid out like AWS writes them: an upper-case UTF-8 declaration,
/// LF line ends, fixed indentation and empty elements closed as &lt;tagSet/&gt;. Values always
/// go through <see cref="XmlWriter"/>, which escapes them.
/// </summary>
internal static class WireXml
{
    private const string Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    public static string Document(string indent, Action<XmlWriter> write)
    {
        var text = new StringBuilder(1024);
        var settings = new XmlWriterSettings
        {
            OmitXmlDeclaration = true,
            Indent = indent.Length > 0,
            IndentChars = indent,
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Entitize,
        };
        using (var writer = XmlWriter.Create(text, settings))
        {
            write(writer);
        }

        // XmlWriter closes empty elements as "<tagSet />". AWS writes "<tagSet/>". The sequence
        // " />" cannot come from a value: XmlWriter escapes every '>' in text as "&gt;".
        text.Replace(" />", "/>");
        return indent.Length > 0 ? $"{Declaration}\n{text}" : Declaration + text;
    }

    public static void Element(this XmlWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteElementString(name, value);
        }
    }

    public static void Element(this XmlWriter writer, string name, long? value)
    {
        if (value is { } v)
        {
            writer.WriteElementString(name, v.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public static void Element(this XmlWriter writer, string name, bool value) =>
        writer.WriteElementString(name, value ? "true" : "false");
}
