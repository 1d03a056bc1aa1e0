using System.Xml;
using PostureScan.Emulator.Aws;

namespace PostureScan.Emulator.Ec2;

/// <summary>The two EC2 envelopes: the success document and the Response/Errors/Error one.</summary>
internal static class Ec2Xml
{
    private const string Indent = "    ";

    /// <summary>&lt;ActionResponse xmlns=...&gt;&lt;requestId/&gt;...body...&lt;/ActionResponse&gt;.</summary>
    public static QueryResult Response(QueryCall call, Action<XmlWriter> body) =>
        QueryResult.Ok(WireXml.Document(Indent, w =>
        {
            w.WriteStartElement(call.Action + "Response", Ec2Service.Namespace);
            w.WriteElementString("requestId", call.RequestId);
            body(w);
            w.WriteEndElement();
        }));

    /// <summary>
    /// EC2 errors come on one line, with RequestID (capital ID) unlike the success body. The message may
    /// echo the caller's text, so it is made printable first.
    /// </summary>
    public static string Error(AwsError error, string requestId) =>
        WireXml.Document("", w =>
        {
            w.WriteStartElement("Response");
            w.WriteStartElement("Errors");
            w.WriteStartElement("Error");
            w.WriteElementString("Code", error.Code);
            w.WriteElementString("Message", XmlCharacters.Printable(error.Message));
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteElementString("RequestID", requestId);
            w.WriteEndElement();
        });

    /// <summary>A list as EC2 writes it: &lt;nameSet&gt;&lt;item&gt;...&lt;/item&gt;&lt;/nameSet&gt;, or &lt;nameSet/&gt; when empty.</summary>
    public static void Set<T>(this XmlWriter w, string name, IEnumerable<T> items, Action<XmlWriter, T> writeItem)
    {
        w.WriteStartElement(name);
        foreach (var item in items)
        {
            w.WriteStartElement("item");
            writeItem(w, item);
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    public static void Tags(this XmlWriter w, IReadOnlyDictionary<string, string> tags) =>
        w.Set("tagSet", tags, (x, tag) =>
        {
            x.WriteElementString("key", tag.Key);
            x.WriteElementString("value", tag.Value);
        });
}
