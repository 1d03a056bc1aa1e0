using PostureScan.Core.Checks;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PostureScan.Core.Policy;

/// <summary>
/// Reads a policy file once into an immutable <see cref="MirrorPolicy"/>, or fails with every problem found,
/// each naming file, line, column and key. <c>policy validate</c> and <c>scan --policy</c> share it.
/// </summary>
public sealed class PolicyLoader(IReadOnlyList<CheckMetadata> checks)
{
    /// <summary>The only format version this build reads.</summary>
    public const int SupportedVersion = 1;

    /// <summary>A policy is a page or two of YAML; anything bigger is a mistake or an attack.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    public MirrorPolicy Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw Fail(path, "(file)", "file not found");
        }

        if (file.Length > MaxFileBytes)
        {
            throw Fail(path, "(file)", $"the file is larger than {MaxFileBytes} bytes");
        }

        return Parse(File.ReadAllText(file.FullName), path);
    }

    public MirrorPolicy Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        if (text.Length > MaxFileBytes)
        {
            throw Fail(source, "(file)", $"the file is larger than {MaxFileBytes} bytes");
        }

        var reader = new PolicyYamlReader(source);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            reader.Error(ex.Start, "(syntax)", SyntaxMessage(ex));
            throw new PolicyFormatException(reader.Errors);
        }

        if (stream.Documents.Count > 1)
        {
            reader.Error(stream.Documents[1].RootNode, "(document)", "only one YAML document is allowed");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            reader.Error(new Mark(0, 1, 1), "(document)", $"the policy is empty; it needs at least 'version: {SupportedVersion}'");
            throw new PolicyFormatException(reader.Errors);
        }

        var policy = new PolicySectionParser(reader, checks).Parse(stream.Documents[0].RootNode, source);
        // In file order, whichever section found them, as an editor lists them.
        return reader.Errors.Count == 0 && policy is not null
            ? policy
            : throw new PolicyFormatException([.. reader.Errors.OrderBy(e => e.Line).ThenBy(e => e.Column)]);
    }

    private static PolicyFormatException Fail(string source, string key, string message) =>
        new([new PolicyError(source, 1, 1, key, message)]);

    /// <summary>YamlDotNet prefixes its message with the marks; the error already carries the position.</summary>
    private static string SyntaxMessage(YamlException ex)
    {
        var message = ex.Message;
        var cut = message.StartsWith("(Line:", StringComparison.Ordinal) ? message.IndexOf("): ", StringComparison.Ordinal) : -1;
        return cut < 0 ? message : message[(cut + 3)..];
    }
}
