using System.Text.Json;
using IdcRepro.Config;

namespace IdcRepro.Pipeline;

/// <summary>
/// What a stage's outputs are a function of: its name, its code version, its own config section and the
/// content hashes of its inputs. Equal keys mean equal outputs, so outputs are stored under the key.
/// </summary>
public sealed record StageKey(string Stage, int Version, string SectionJson, IReadOnlyDictionary<string, string> Inputs)
{
    public string Hash { get; } = Hashing.Sha256Hex(JsonSerializer.Serialize(new
    {
        stage = Stage,
        version = Version,
        section = JsonDocument.Parse(SectionJson).RootElement,
        inputs = new SortedDictionary<string, string>((IDictionary<string, string>)Inputs.ToDictionary(),
            StringComparer.Ordinal),
    }));

    /// <summary>The folder name: 16 hex digits (64 bits) of the key.</summary>
    public string Short => Hash[..16];

    public static StageKey For(string stage, int version, object section, IReadOnlyDictionary<string, string> inputs) =>
        new(stage, version, ConfigWriter.ToCanonicalJson(section), inputs);
}
