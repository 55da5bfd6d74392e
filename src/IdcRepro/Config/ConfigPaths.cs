using System.Reflection;

namespace IdcRepro.Config;

/// <summary>
/// The settings that name files (<see cref="ConfigPathAttribute"/>: data.path, split.lists.*): their values in a
/// section (what a stage's key hashes the content of), and how to show their resolved, absolute values to a reader on
/// another machine: relative to the repository root.
/// </summary>
public static class ConfigPaths
{
    /// <summary>
    /// Every non-null path in <paramref name="section"/> and its subsections, e.g. (<c>split.lists.train</c>,
    /// /abs/train.txt); each of a list of paths under its index, e.g. (<c>evaluate.external[0]</c>, /abs/other.zip).
    /// </summary>
    public static IEnumerable<(string Key, string Path)> Of(object section, string sectionKey)
    {
        foreach (var property in ConfigSchema.SettableProperties(section.GetType()).OrderBy(p => p.MetadataToken))
        {
            var key = $"{sectionKey}.{ConfigSchema.KeyName(property)}";
            var value = property.GetValue(section);
            if (property.GetCustomAttribute<ConfigPathAttribute>() is not null && value is string path)
                yield return (key, path);
            else if (property.GetCustomAttribute<ConfigPathAttribute>() is not null
                && value is IEnumerable<string> paths)
                foreach (var (each, i) in paths.Select((p, i) => (p, i))) yield return ($"{key}[{i}]", each);
            else if (value is not null && value is not string && property.PropertyType.IsClass
                && property.PropertyType.Namespace == typeof(ConfigPaths).Namespace)
                foreach (var nested in Of(value, key)) yield return nested;
        }
    }

    /// <summary>Key paths such as <c>data.path</c> and <c>split.lists.train</c>.</summary>
    public static IReadOnlySet<string> Keys { get; } = Collect(typeof(IdcConfig), "").ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// <paramref name="path"/> relative to <paramref name="root"/> (with '/') when it lies inside the root or in a
    /// folder beside it (the shared data, <c>../shared/...</c>); as it is when it lies farther away, or is not an
    /// absolute path at all.
    /// </summary>
    public static string Display(string path, string root)
    {
        if (!Path.IsPathFullyQualified(path)) return path;
        var relative = Path.GetRelativePath(root, path);
        if (Path.IsPathRooted(relative)) return path;
        var segments = relative.Split(Path.DirectorySeparatorChar);
        return segments.TakeWhile(s => s == "..").Count() <= 1 ? string.Join('/', segments) : path;
    }

    /// <summary>
    /// A path setting's value as <see cref="Display"/> shows it; a list of paths as YAML's flow list (<c>[a, b]</c>, as
    /// the config diff writes it) with each path shown so.
    /// </summary>
    public static string DisplayValue(string value, string root) =>
        value.StartsWith('[') && value.EndsWith(']')
            ? "["
                + string.Join(", ",
                value[1..^1].Split(", ", StringSplitOptions.RemoveEmptyEntries).Select(p => Display(p, root))) + "]"
            : Display(value, root);

    private static IEnumerable<string> Collect(Type type, string prefix)
    {
        foreach (var property in ConfigSchema.SettableProperties(type))
        {
            var key = prefix.Length == 0 ? ConfigSchema.KeyName(property)
                : $"{prefix}.{ConfigSchema.KeyName(property)}";
            var target = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (property.GetCustomAttribute<ConfigPathAttribute>() is not null) yield return key;
            else if (target.IsClass && target != typeof(string) && target.Namespace == typeof(IdcConfig).Namespace
                && ConfigSchema.ElementType(target) is null)
                foreach (var inner in Collect(target, key)) yield return inner;
        }
    }
}
