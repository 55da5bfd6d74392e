using IdcRepro.Data;
using IdcRepro.Training;

namespace IdcRepro.Evaluation;

/// <summary>
/// The PNGs of a folder or zip, decoded for scoring: each file's path inside it, the patch its name describes (null
/// when the name is not in the dataset's pattern), and their pixels as one N x H x W x 3 buffer, file for file; and the
/// files that could not be decoded, with why.
/// </summary>
public sealed record DecodedPatches(IReadOnlyList<string> Paths, IReadOnlyList<Patch?> Patches, PatchImages Images,
    IReadOnlyList<UnscoredPatch> Skipped);

/// <summary>
/// How a scoring input is named in messages: the command (predict, Evaluate) and the setting that gave it (--input,
/// evaluate.external[0]).
/// </summary>
public sealed record ScoringInput(string Command, string Setting)
{
    public static ScoringInput Predict { get; } = new("predict", "--input");
}
