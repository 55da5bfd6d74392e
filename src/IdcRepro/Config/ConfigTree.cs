using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace IdcRepro.Config;

/// <summary>
/// The raw YAML of a config and its bases, merged, with the origin (file and line) of every node kept, so that
/// every later error can name where the offending value was written.
/// </summary>
internal sealed class ConfigTree
{
    private readonly Dictionary<YamlNode, ConfigOrigin> _origins = new(ReferenceEqualityComparer.Instance);

    public YamlMappingNode Root { get; private set; } = new();

    public ConfigOrigin OriginOf(YamlNode node) => _origins.TryGetValue(node, out var o) ? o : RootOrigin;

    public ConfigOrigin RootOrigin { get; private set; } = new("<config>", 0, 0, Directory.GetCurrentDirectory());

    /// <summary>
    /// Loads a file, following its <c>extends:</c> chain (each path relative to the file that names it).
    /// </summary>
    public static ConfigTree FromFile(string path)
    {
        var tree = new ConfigTree();
        var full = Path.GetFullPath(path);
        tree.Root = tree.LoadWithBases(full, []);
        tree.RootOrigin = new ConfigOrigin(full, 1, 1, Path.GetDirectoryName(full)!);
        return tree;
    }

    public void Register(YamlNode node, ConfigOrigin origin) => _origins[node] = origin;

    private YamlMappingNode LoadWithBases(string file, List<string> chain)
    {
        if (chain.Contains(file))
            throw new ConfigException(
                $"{ConfigOrigin.DisplayPath(file)}: 'extends' goes round in a " +
                $"circle: {string.Join(" -> ", chain.Append(file).Select(ConfigOrigin.DisplayPath))}. Remove one of " +
                "the 'extends' lines.");
        if (!File.Exists(file))
            throw new ConfigException(chain.Count == 0
                ? $"{ConfigOrigin.DisplayPath(file)}: config file not found. Pass an existing file with --config " +
                    "(see configs/)."
                : $"{ConfigOrigin.DisplayPath(chain[^1])}: 'extends' names {ConfigOrigin.DisplayPath(file)}, which " +
                    "does not exist. Paths in 'extends' are relative to the file that names them.");

        var root = Parse(file);
        var extendsKey = new YamlScalarNode("extends");
        if (!root.Children.TryGetValue(extendsKey, out var extendsNode)) return root;

        if (extendsNode is not YamlScalarNode { Value: { Length: > 0 } basePath })
            throw new ConfigException(
                $"{OriginOf(extendsNode)}: 'extends' takes one file name, e.g. 'extends: baseline.yaml'.");
        root.Children.Remove(extendsKey);
        var baseFile = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, basePath));
        var baseRoot = LoadWithBases(baseFile, [.. chain, file]);
        return Merge(baseRoot, root);
    }

    private YamlMappingNode Parse(string file)
    {
        var stream = new YamlStream();
        var text = File.ReadAllText(file);
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // InvalidOperationException: YamlDotNet's scanner on a flow collection left open ('epochs: [3' then 'seed:
            // 1').
            throw YamlSyntaxError.Explain(ConfigOrigin.DisplayPath(file), text, e);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new ConfigException(
                $"{ConfigOrigin.DisplayPath(file)}:1:1: a config must be a YAML mapping of sections (data:, index:, " +
                "...).");
        if (stream.Documents.Count > 1)
            throw new ConfigException(
                $"{ConfigOrigin.DisplayPath(file)}: holds {stream.Documents.Count} YAML documents; a config is one " +
                "document (remove the '---' lines).");
        var dir = Path.GetDirectoryName(file)!;
        foreach (var node in root.AllNodes)
            _origins[node] = new ConfigOrigin(file, node.Start.Line, node.Start.Column, dir);
        return root;
    }

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);

    /// <summary>
    /// Overlays <paramref name="over"/> on <paramref name="under"/>: mappings merge key by key, anything else is
    /// replaced.
    /// </summary>
    private YamlMappingNode Merge(YamlMappingNode under, YamlMappingNode over)
    {
        var merged = new YamlMappingNode();
        _origins[merged] = OriginOf(over);
        foreach (var (key, value) in under.Children) merged.Children[key] = value;
        foreach (var (key, value) in over.Children)
        {
            merged.Children[key] = merged.Children.TryGetValue(key, out var existing)
                && existing is YamlMappingNode a && value is YamlMappingNode b
                ? Merge(a, b)
                : value;
        }
        return merged;
    }

    /// <summary>
    /// Applies one <c>--set section.key=value</c>; the value is read as YAML (a number, a word, a [list]).
    /// </summary>
    public void Set(string assignment)
    {
        var eq = assignment.IndexOf('=');
        if (eq <= 0)
            throw new ConfigException($"--set {assignment}: expected section.key=value, e.g. --set train.epochs=5");
        var keys = assignment[..eq].Trim().Split('.');
        if (keys.Any(string.IsNullOrWhiteSpace))
            throw new ConfigException($"--set {assignment}: '{assignment[..eq]}' is not a key path such as split.seed");

        ConfigSchema.CheckAssignmentPath(assignment, keys, typeof(IdcConfig));

        var origin = ConfigOrigin.CommandLine(assignment);
        YamlNode value;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(assignment[(eq + 1)..]));
            value = stream.Documents.Count == 0 ? new YamlScalarNode("") : stream.Documents[0].RootNode;
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            throw new ConfigException(
                $"--set {assignment}: the value is not valid YAML ({Innermost(e).Message.TrimEnd('.')}); quote it " +
                "if it holds ':' or '#', and quote the whole --set for the shell if it holds spaces (--set " +
                "\"seeds=[1, 2]\").");
        }
        foreach (var node in value.AllNodes) _origins[node] = origin;

        var mapping = Root = CopyShallow(Root);
        for (var i = 0; i < keys.Length - 1; i++)
        {
            var key = new YamlScalarNode(keys[i]);
            _origins[key] = origin;
            var child = mapping.Children.TryGetValue(key, out var existing) && existing is YamlMappingNode m
                ? CopyShallow(m) : new YamlMappingNode();
            // A section this --set makes (where there was none, or only a value) comes from the command line.
            if (!_origins.ContainsKey(child)) _origins[child] = origin;
            mapping.Children[key] = child;
            mapping = child;
        }
        var leafKey = new YamlScalarNode(keys[^1]);
        _origins[leafKey] = origin;
        mapping.Children[leafKey] = value;
    }

    private YamlMappingNode CopyShallow(YamlMappingNode node)
    {
        var copy = new YamlMappingNode();
        foreach (var (k, v) in node.Children) copy.Children[k] = v;
        _origins[copy] = OriginOf(node);
        return copy;
    }
}
