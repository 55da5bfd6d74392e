using System.IO.Compression;
using IdcRepro.Config;
using IdcRepro.Data;
using IdcRepro.Indexing;
using IdcRepro.Pipeline;
using IdcRepro.Preprocess;
using IdcRepro.Torch;
using IdcRepro.Training;

namespace IdcRepro.Evaluation;

/// <summary>A patch that could not be scored, and why.</summary>
public sealed record UnscoredPatch(string Path, string Reason);


/// <summary>
/// Scores any folder or zip of PNG patches with a trained model (the shell of <c>idc predict</c>). Names in the
/// dataset's pattern give patient, x, y and class; other names are scored too, with label -1. Unreadable or
/// corrupt PNGs are reported and left out; they never stop the run.
/// </summary>
public static class PatchScoring
{
    /// <summary>
    /// Decodes and scores every PNG of <paramref name="input"/> with the model of <paramref name="modelFolder"/>
    /// (<c>idc predict</c>).
    /// </summary>
    public static ScoringResult Score(string input, string modelFolder, ResizeMode resize, ComputeSettings compute,
        IProgress<int>? progress = null, bool testTimeAugmentation = false)
    {
        var model = ModelDescription.Load(Path.Combine(modelFolder, ModelDescription.FileName));
        var decoded = Decode(input, model.InputSize, resize, ScoringInput.Predict, progress);
        TorchRuntime.EnsureLoaded();
        using var predictor = Predictor.Load(modelFolder, compute);
        return Score(decoded, predictor, testTimeAugmentation);
    }

    /// <summary>
    /// Scores decoded patches with a loaded model: one row per decoded file, in the same order, each decided by
    /// <paramref name="decision"/> (default argmax).
    /// </summary>
    public static ScoringResult Score(DecodedPatches decoded, Predictor predictor, bool testTimeAugmentation = false,
        DecisionRule decision = default)
    {
        var scores = decoded.Images.Count == 0 ? [] : predictor.Score(decoded.Images, testTimeAugmentation);
        var rows = decoded.Paths.Select((path, i) => decoded.Patches[i] is { } p
                ? EvaluateStage.Row(p, scores[i], decision)
                : new PredictionRow(path, "", 0, 0, -1, scores[i].P0, scores[i].P1,
                    decision.Classify(new Prediction(-1, scores[i].P0, scores[i].P1, ""))))
            .ToList();
        return new ScoringResult(rows, decoded.Skipped, predictor.Device.ToString());
    }

    /// <summary>
    /// Decodes every PNG of a folder or zip (in ordinal order of their paths) to <paramref name="size"/> x
    /// <paramref name="size"/>; corrupt or unreadable files are listed in <see cref="DecodedPatches.Skipped"/>.
    /// <paramref name="include"/> (a path filter) decodes only some of them.
    /// </summary>
    /// <exception cref="StageException">The input is no folder or zip, holds no PNG, or none of its PNGs
    /// decodes.</exception>
    public static DecodedPatches Decode(string input, int size, ResizeMode resize, ScoringInput named,
        IProgress<int>? progress = null, Func<string, bool>? include = null)
    {
        var (command, setting) = (named.Command, named.Setting);
        var kind = File.Exists(input) ? DatasetKind.Zip : Directory.Exists(input) ? DatasetKind.Directory
            : throw new StageException(
                $"{command}: {setting} {input} is neither a zip nor a folder. Give the patches to score " +
                $"with {setting}.");
        // truncated or escaping entries: a clear error
        if (kind == DatasetKind.Zip) Fetch.ZipDatasetCheck.Validate(input, setting);
        var paths = ListPngs(input, kind);
        if (paths.Count == 0)
            throw new StageException(
                $"{command}: {setting} {input} holds no .png files, so there is nothing to score. Give a folder or " +
                $"zip of PNG patches with {setting}.");
        if (include is not null) paths = paths.Where(include).ToList();
        var settings = new PreprocessConfig { Size = size, Resize = resize, OnCorrupt = InvalidEntryPolicy.Skip };

        var skipped = new List<UnscoredPatch>();
        var decoded = new List<(string Path, Patch? Patch, byte[] Pixels)>();
        using (var reader = PatchReader.Open(new DatasetLocation(kind, input, "")))
        {
            foreach (var path in paths)
            {
                var pixels = new byte[PatchDecoder.PatchBytes(settings)];
                try
                {
                    PatchDecoder.Decode(reader.ReadAllBytes(path), settings, pixels);
                    decoded.Add((path, PatchName.Parse(path).Patch, pixels));
                }
                catch (Exception e) when (e is CorruptPatchException or PatchTooLargeException or IOException
                    or StageException)
                {
                    skipped.Add(new UnscoredPatch(path, e.Message));
                }
                progress?.Report(decoded.Count + skipped.Count);
            }
        }

        if (decoded.Count == 0 && paths.Count > 0)
            throw new StageException(
                $"{command}: none of the {paths.Count:N0} .png files in {setting} {input} could be read (the " +
                $"first, {skipped[0].Path}: {skipped[0].Reason}). Give PNG patches with {setting}.");

        // One contiguous N x H x W x 3 buffer (a per-byte SelectMany would crawl on a large folder).
        var patchBytes = PatchDecoder.PatchBytes(settings);
        var buffer = new byte[decoded.Count * patchBytes];
        for (var i = 0; i < decoded.Count; i++) decoded[i].Pixels.CopyTo(buffer, i * patchBytes);
        return new DecodedPatches(decoded.Select(d => d.Path).ToList(), decoded.Select(d => d.Patch).ToList(),
            new PatchImages(buffer, decoded.Count, size, size), skipped);
    }

    private static IReadOnlyList<string> ListPngs(string input, DatasetKind kind)
    {
        List<string> all;
        if (kind == DatasetKind.Zip)
        {
            using var zip = ZipFile.OpenRead(input);
            all = zip.Entries.Select(e => e.FullName).ToList();
        }
        else
            all = Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(input, f).Replace('\\', '/')).ToList();
        return all.Where(p => p.EndsWith(".png", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal)
            .ToList();
    }
}
