using System.Text.Json;
using System.Text.Json.Serialization;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace IdcRepro.Config;

/// <summary>
/// The resolved config as YAML (saved beside each run) and as canonical JSON (hashed into cache keys).
/// </summary>
public static class ConfigWriter
{
    private static readonly ISerializer Yaml = new SerializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithEnumNamingConvention(UnderscoredNamingConvention.Instance)
        .DisableAliases()
        .Build();

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        WriteIndented = false,
    };

    public static string ToYaml(object config) => Yaml.Serialize(config);

    /// <summary>
    /// Deterministic JSON of a section: property order is declaration order, numbers in invariant form.
    /// </summary>
    public static string ToCanonicalJson(object section) => JsonSerializer.Serialize(section, section.GetType(), Json);
}
