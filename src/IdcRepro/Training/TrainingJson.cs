using System.Text.Json;
using System.Text.Json.Serialization;

namespace IdcRepro.Training;

/// <summary>
/// How training's JSON files are written: snake_case keys and enum names, indented, NaN allowed (a diverged loss must
/// still save).
/// </summary>
internal static class TrainingJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options) + "\n";

    /// <summary>Reads a JSON file written by training, or says which file is unreadable and what to do.</summary>
    public static T Read<T>(string path, string remedy)
    {
        if (!File.Exists(path)) throw new TrainingCheckpointException(path, $"{path} is missing. {remedy}");
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Options)
                   ?? throw new TrainingCheckpointException(path, $"{path} is empty (null). {remedy}");
        }
        catch (JsonException e)
        {
            throw new TrainingCheckpointException(path, $"{path} is not valid JSON ({e.Message}). {remedy}", e);
        }
    }
}
