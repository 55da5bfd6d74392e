using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization.NamingConventions;

namespace IdcRepro.Config;

/// <summary>
/// Checks a merged config tree against the record types before YamlDotNet binds it: unknown keys, wrong types,
/// missing required values and out-of-range numbers are reported with the file, line, key and what is allowed.
/// Also resolves <see cref="ConfigPathAttribute"/> values against the folder of the file that set them.
/// </summary>
internal sealed class ConfigSchema(ConfigTree tree)
{
    private readonly Dictionary<string, ConfigOrigin> _keyOrigins = new(StringComparer.Ordinal);

    /// <summary>Where each key path (e.g. <c>split.seed</c>) was set.</summary>
    public IReadOnlyDictionary<string, ConfigOrigin> KeyOrigins => _keyOrigins;

    public static string KeyName(PropertyInfo property) => UnderscoredNamingConvention.Instance.Apply(property.Name);

    public static string EnumName(object value) => UnderscoredNamingConvention.Instance.Apply(value.ToString()!);

    public static IEnumerable<PropertyInfo> SettableProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is not null && p.GetIndexParameters().Length == 0);

    public YamlMappingNode Check(YamlMappingNode root, Type type) => CheckMapping(root, type, "");

    /// <summary>
    /// Refuses a <c>--set</c> whose key path goes through a key that holds a value rather than a section
    /// (<c>--set train.epochs.x=3</c>), naming the command line rather than the file that set that key. Unknown keys
    /// are left to <see cref="Check"/>, which suggests the nearest.
    /// </summary>
    public static void CheckAssignmentPath(string assignment, IReadOnlyList<string> keys, Type root)
    {
        var type = root;
        for (var i = 0; i < keys.Count - 1; i++)
        {
            var property = SettableProperties(type).FirstOrDefault(p => KeyName(p) == keys[i]);
            if (property is null) return;
            type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsSection(type)) continue;
            var path = string.Join('.', keys.Take(i + 1));
            var value = assignment[(assignment.IndexOf('=') + 1)..];
            var example = ElementType(type) is null ? value : $"[{value}]";
            throw new ConfigException(
                $"--set {assignment}: '{path}' is {Describe(type)}, not a section; set it directly, e.g. " +
                $"--set {path}={example}.");
        }
    }

    /// <summary>What kind of value a key takes, in words: "a number", "a list", "true or false", ...</summary>
    private static string Describe(Type type) =>
        ElementType(type) is not null ? "a list"
        : type == typeof(bool) ? "true or false"
        : type.IsEnum ? $"one of {string.Join(", ", Enum.GetValues(type).Cast<object>().Select(EnumName))}"
        : type == typeof(string) ? "a text value"
        : type.IsPrimitive ? "a number"
        : "a single value";

    private YamlMappingNode CheckMapping(YamlMappingNode node, Type type, string path)
    {
        var properties = SettableProperties(type).ToDictionary(KeyName, StringComparer.Ordinal);
        var result = new YamlMappingNode();
        tree.Register(result, tree.OriginOf(node));
        foreach (var (keyNode, valueNode) in node.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var keyPath = Join(path, key);
            if (!properties.TryGetValue(key, out var property))
            {
                var allowed = string.Join(", ", properties.Keys);
                throw Error(keyNode,
                    "unknown key " +
                    $"'{keyPath}'. {(path.Length == 0 ? "Allowed top-level keys" : $"Allowed keys in '{path}'")}: " +
                    $"{allowed}{Suggest(key, properties.Keys)}.");
            }
            _keyOrigins[keyPath] = tree.OriginOf(valueNode);
            result.Children[keyNode] = CheckValue(valueNode, property.PropertyType, property, keyPath);
        }
        foreach (var (key, property) in properties)
        {
            if (property.GetCustomAttribute<RequiredMemberAttribute>() is null) continue;
            if (result.Children.ContainsKey(new YamlScalarNode(key))) continue;
            throw Error(node, $"missing required key '{Join(path, key)}'{AllowedText(property.PropertyType)}.");
        }
        return result;
    }

    /// <param name="pathElement">An element of a list setting marked <see cref="ConfigPathAttribute"/>: resolved like a
    /// path setting.</param>
    private YamlNode CheckValue(YamlNode node, Type type, PropertyInfo? property, string keyPath, bool pathElement =
        false)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        var nullable = underlying is not null
            || (property is not null
            && new NullabilityInfoContext().Create(property).WriteState == NullabilityState.Nullable);
        var target = underlying ?? type;

        if (node is YamlScalarNode scalar && IsNull(scalar))
        {
            if (nullable) return node;
            throw Error(node, $"'{keyPath}' needs a value{AllowedText(target)}.");
        }

        if (target == typeof(string))
        {
            if (node is not YamlScalarNode s)
                throw Error(node, $"'{keyPath}' must be a single value (text), not a {Kind(node)}.");
            if (!pathElement && property?.GetCustomAttribute<ConfigPathAttribute>() is null) return node;
            var resolved = new YamlScalarNode(
                Path.GetFullPath(Path.Combine(tree.OriginOf(node).BaseDirectory, s.Value!)))
            {
                Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted
            };
            tree.Register(resolved, tree.OriginOf(node));
            return resolved;
        }
        if (ElementType(target) is { } element)
        {
            if (node is not YamlSequenceNode seq)
                throw Error(node, $"'{keyPath}' must be a list, e.g. [{SampleValue(element)}]{AllowedText(element)}.");
            var result = new YamlSequenceNode();
            tree.Register(result, tree.OriginOf(node));
            var paths = property?.GetCustomAttribute<ConfigPathAttribute>() is not null;
            for (var i = 0; i < seq.Children.Count; i++)
                result.Children.Add(CheckValue(seq.Children[i], element, null, $"{keyPath}[{i}]", paths));
            return result;
        }
        if (IsSection(target))
        {
            if (node is not YamlMappingNode map)
                throw Error(node,
                    $"'{keyPath}' is a section: its keys go on indented lines below it " +
                    $"({string.Join(", ", SettableProperties(target).Select(KeyName))}).");
            return CheckMapping(map, target, keyPath);
        }
        if (node is not YamlScalarNode value)
            throw Error(node, $"'{keyPath}' must be a single value, not a {Kind(node)}{AllowedText(target)}.");
        CheckScalar(value, target, property, keyPath);
        return node;
    }

    private void CheckScalar(YamlScalarNode node, Type type, PropertyInfo? property, string keyPath)
    {
        var text = node.Value ?? "";
        double number;
        if (type.IsEnum)
        {
            var names = Enum.GetValues(type).Cast<object>().Select(EnumName).ToList();
            if (!names.Contains(text, StringComparer.Ordinal))
                throw Error(node,
                    $"'{keyPath}' is '{text}'; allowed: {string.Join(", ", names)}{Suggest(text, names)}.");
            return;
        }
        if (type == typeof(bool))
        {
            if (text is not ("true" or "false")) throw Error(node, $"'{keyPath}' is '{text}'; allowed: true, false.");
            return;
        }
        if (type == typeof(int) || type == typeof(long))
        {
            if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)
                || (type == typeof(int) && whole is < int.MinValue or > int.MaxValue))
                throw Error(node, $"'{keyPath}' is '{text}'; expected a whole number{RangeText(property)}.");
            number = whole;
        }
        else if (type == typeof(double) || type == typeof(float))
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number)
                || !double.IsFinite(number))
                throw Error(node, $"'{keyPath}' is '{text}'; expected a number{RangeText(property)}.");
        }
        else throw new InvalidOperationException($"config type {type} of '{keyPath}' has no schema rule");

        if (property?.GetCustomAttribute<ConfigRangeAttribute>() is { } range
            && (number < range.Minimum || number > range.Maximum
                || (range.ExclusiveMinimum && number == range.Minimum)))
            throw Error(node, $"'{keyPath}' is {text}, out of range{RangeText(property)}.");
    }

    private static string RangeText(PropertyInfo? property) =>
        property?.GetCustomAttribute<ConfigRangeAttribute>() is { } r
        ? "; " +
            $"allowed: {(r.ExclusiveMinimum ? "above" : "from")} {Format(r.Minimum)}" +
            $"{(r.Maximum >= int.MaxValue ? " up" : $" to {Format(r.Maximum)}")}"
        : "";

    private static string Format(double v) => v.ToString(CultureInfo.InvariantCulture);

    private static string AllowedText(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsEnum ? $"; allowed: {string.Join(", ", Enum.GetValues(type).Cast<object>().Select(EnumName))}"
            : "";
    }

    private static string SampleValue(Type element) => element.IsEnum ? EnumName(Enum.GetValues(element).GetValue(0)!)
        : element == typeof(string) ? "a, b" : "1, 2, 3";

    /// <summary>A "did you mean" for a near miss (one or two letters off).</summary>
    private static string Suggest(string given, IEnumerable<string> allowed)
    {
        var best = allowed.Select(a => (a, d: Distance(given, a))).OrderBy(x => x.d).FirstOrDefault();
        return best.a is not null && best.d <= 2 ? $" (did you mean '{best.a}'?)" : "";
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1),
                    d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        return d[a.Length, b.Length];
    }

    private static bool IsNull(YamlScalarNode node) =>
        node.Style == YamlDotNet.Core.ScalarStyle.Plain
            && (node.Value is null or "" or "~" or "null" or "Null" or "NULL");

    /// <summary>
    /// A record of this library (a config section, or a sweep profile's): its keys go on lines below it.
    /// </summary>
    internal static bool IsSection(Type type) => type.IsClass && type != typeof(string)
        && type.Assembly == typeof(IdcConfig).Assembly;

    internal static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericTypeDefinition() is var g
            && (g == typeof(IReadOnlyList<>) || g == typeof(List<>) || g == typeof(IList<>))
            ? type.GetGenericArguments()[0]
        : null;

    private static string Kind(YamlNode node) =>
        node switch { YamlMappingNode => "section (mapping)", YamlSequenceNode => "list", _ => "value" };

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private ConfigException Error(YamlNode node, string message) => new($"{tree.OriginOf(node)}: {message}");
}
