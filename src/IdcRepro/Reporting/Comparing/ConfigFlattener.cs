using YamlDotNet.RepresentationModel;

namespace IdcRepro.Reporting.Comparing;

/// <summary>
/// A YAML document as <c>section.key = value</c> lines, in document order, read with YamlDotNet's representation
/// model: mappings nest with '.', a list of scalars is one value (<c>[32, 64, 128]</c>), any other list is indexed
/// (<c>key[0].field</c>), and an empty or '~' scalar is <c>null</c>.
/// </summary>
public static class ConfigFlattener
{
    public static IReadOnlyList<KeyValuePair<string, string>> Flatten(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var lines = new List<KeyValuePair<string, string>>();
        if (stream.Documents.Count > 0) Visit(stream.Documents[0].RootNode, "", lines);
        return lines;
    }

    private static void Visit(YamlNode node, string key, List<KeyValuePair<string, string>> lines)
    {
        switch (node)
        {
            case YamlMappingNode mapping when mapping.Children.Count == 0:
                lines.Add(new(key, "{}"));
                break;
            case YamlMappingNode mapping:
                foreach (var (k, v) in mapping.Children)
                    Visit(v, key.Length == 0 ? Scalar(k) : $"{key}.{Scalar(k)}", lines);
                break;
            case YamlSequenceNode sequence when sequence.Children.All(c => c is YamlScalarNode):
                lines.Add(new(key, "[" + string.Join(", ", sequence.Children.Select(Scalar)) + "]"));
                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++) Visit(sequence.Children[i], $"{key}[{i}]", lines);
                break;
            default:
                lines.Add(new(key, Scalar(node)));
                break;
        }
    }

    private static string Scalar(YamlNode node)
    {
        var scalar = (YamlScalarNode)node;
        var plain = scalar.Style is YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any;
        return plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL" ? "null" : scalar.Value
            ?? "null";
    }
}
