using System.Text.Json;
using System.Text.Json.Serialization;

namespace IdcRepro.Pipeline;

/// <summary>One output file of a stage: its size and SHA-256, both checked before the output is trusted.</summary>
public sealed record OutputFile(long Bytes, string Sha256);

/// <summary>
/// Written last into a stage's output folder: what the outputs were made from (key, inputs, config section,
/// code version) and what they are (file sizes and hashes). A folder without a readable stamp is never trusted.
/// </summary>
public sealed record Stamp
{
    public const string FileName = "stamp.json";

    public required string Stage { get; init; }
    public required string Key { get; init; }
    public required int StageVersion { get; init; }
    public required string CodeVersion { get; init; }
    public required JsonElement Config { get; init; }
    public required IReadOnlyDictionary<string, string> Inputs { get; init; }
    public required IReadOnlyDictionary<string, OutputFile> Outputs { get; init; }

    /// <summary>The content hash of all outputs: what downstream stages key on.</summary>
    public required string OutputHash { get; init; }

    /// <summary>Stage-specific facts worth keeping (counts, the dataset's hash ...).</summary>
    public IReadOnlyDictionary<string, JsonElement> Facts { get; init; } = new Dictionary<string, JsonElement>();

    public required DateTimeOffset CreatedUtc { get; init; }
    public required double Seconds { get; init; }

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>
    /// The key its own fields give (stage, version, config, inputs): must equal <see cref="Key"/>, else it was edited.
    /// </summary>
    public string RecomputedKey() => new StageKey(Stage, StageVersion, Config.GetRawText(), Inputs).Hash;

    /// <summary>The content hash of a set of outputs: every file's name and SHA-256, in ordinal order.</summary>
    public static string HashOfOutputs(IReadOnlyDictionary<string, OutputFile> outputs) =>
        Hashing.Sha256Hex(
            string.Join("\n",
            outputs.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}\t{o.Value.Sha256}")));

    public T Fact<T>(string name) => Facts.TryGetValue(name, out var v)
        ? v.Deserialize<T>(Json)!
        : throw new InvalidOperationException($"{Stage} stamp {Key[..16]} has no fact '{name}'");
}
