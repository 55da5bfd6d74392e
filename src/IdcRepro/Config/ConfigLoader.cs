using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace IdcRepro.Config;

/// <summary>
/// Loads a config file (with its <c>extends</c> chain and <c>--set</c> overrides) once, strictly, into
/// <see cref="IdcConfig"/>.
/// </summary>
public static class ConfigLoader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithEnumNamingConvention(UnderscoredNamingConvention.Instance)
        .WithEnforceRequiredMembers()
        .WithDuplicateKeyChecking()
        .WithTypeMapping<IReadOnlyList<DataSet>, List<DataSet>>()
        .WithTypeMapping<IReadOnlyList<int>, List<int>>()
        .WithTypeMapping<IReadOnlyList<double>, List<double>>()
        .WithTypeMapping<IReadOnlyList<string>, List<string>>()
        .Build();

    public static IdcConfig Load(string path, IEnumerable<string>? assignments = null)
    {
        var tree = ConfigTree.FromFile(path);
        foreach (var assignment in assignments ?? []) tree.Set(assignment);

        return Bind<IdcConfig>(tree, path);
    }

    /// <summary>
    /// Checks a merged tree strictly against a record type and binds it, then runs every section's rules: what a
    /// config goes through, and a sweep profile too (<see cref="Sweeps.ProfileLoader"/>).
    /// </summary>
    internal static T Bind<T>(ConfigTree tree, string path) where T : class
    {
        var schema = new ConfigSchema(tree);
        var checkedRoot = schema.Check(tree.Root, typeof(T));

        T config;
        try
        {
            config = Deserializer.Deserialize<T>(Emit(checkedRoot));
        }
        catch (YamlException e)
        {
            // The schema check above should have caught this; say where as well as we can.
            throw new ConfigException(
                $"{ConfigOrigin.DisplayPath(Path.GetFullPath(path))}: {(e.InnerException ?? e).Message}");
        }
        ValidateRules(config, "", schema, tree);
        return config;
    }

    private static string Emit(YamlNode root)
    {
        using var writer = new StringWriter();
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    /// <summary>Runs every section's cross-key rules, naming the line of the key at fault.</summary>
    private static void ValidateRules(object section, string path, ConfigSchema schema, ConfigTree tree)
    {
        if (section is ISelfValidating rules)
        {
            foreach (var (key, message) in rules.Validate())
            {
                var keyPath = path.Length == 0 ? key : $"{path}.{key}";
                var origin = schema.KeyOrigins.TryGetValue(keyPath, out var o) ? o
                    : schema.KeyOrigins.TryGetValue(path, out var p) ? p : tree.RootOrigin;
                throw new ConfigException($"{origin}: '{keyPath}': {message}.");
            }
        }
        foreach (var property in ConfigSchema.SettableProperties(section.GetType()))
        {
            if (property.GetValue(section) is { } child && ConfigSchema.IsSection(child.GetType()))
                ValidateRules(child, path.Length == 0 ? ConfigSchema.KeyName(property)
                    : $"{path}.{ConfigSchema.KeyName(property)}", schema, tree);
        }
    }
}

/// <summary>
/// A bad config: the message names the file, line, key and what is allowed. Printed without a stack trace.
/// </summary>
public sealed class ConfigException(string message) : Exception(message);
