using IdcRepro.Pipeline;

namespace IdcRepro.Export;

/// <summary>
/// export.json, written last into an export folder: which trained model the files come from (the Train output's key and
/// content hash, the run's resolved config beside it as config.yaml), the code that trained and exported it, and the
/// size and SHA-256 of every file. An existing folder without it is not an export, and is never replaced.
/// </summary>
public sealed record ExportManifest
{
    public const string FileName = "export.json";

    public required string Format { get; init; }
    public required string Run { get; init; }
    public required string TrainFolder { get; init; }
    public required string TrainKey { get; init; }
    public required string TrainOutputHash { get; init; }
    public required string TrainCodeVersion { get; init; }
    public required int BestEpoch { get; init; }

    /// <summary>SHA-256 of the TorchSharp weights (best.pt) that model.pt holds.</summary>
    public required string BestPtSha256 { get; init; }

    /// <summary>The build that wrote the export (<see cref="CodeVersion.Current"/>).</summary>
    public required string CodeVersion { get; init; }

    /// <summary>Package name to version: what wrote model.pt.</summary>
    public required IReadOnlyDictionary<string, string> Packages { get; init; }

    public required IReadOnlyDictionary<string, OutputFile> Files { get; init; }
    public required DateTimeOffset CreatedUtc { get; init; }
}
