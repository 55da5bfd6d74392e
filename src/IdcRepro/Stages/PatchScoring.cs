using System.IO.Compression;
using IdcRepro.Config;
using IdcRepro.Data;
using IdcRepro.Indexing;
using IdcRepro.Pipeline;
using IdcRepro.Preprocess;
using IdcRepro.Torch;
using IdcRepro.Training;

namespace IdcRepro.Stages;

/// <summary>A patch that could not be scored, and why.</summary>
public sealed record UnscoredPatch(string Path, string Reason);


/// <summary>
/// Scores any folder or zip of PNG patches with a trained model (the shell of <c>idc predict</c>). Names in the
/// dataset's pattern give patient, x, y and class; other names are scored too, with label -1. Unreadable or
/// corrupt PNGs are reported and left out; they never stop the run.
/// </summary>
public static class PatchScoring
{
    public static ScoringResult Score(string input, string modelFolder, ResizeMode resize, ComputeSettings compute, IProgress<int>? progress = null)
    {
        var kind = File.Exists(input) ? DatasetKind.Zip : Directory.Exists(input) ? DatasetKind.Directory
            : throw new StageException($"predict: --input {input} is neither a zip nor a folder. Give the patches to score with --input.");
        if (kind == DatasetKind.Zip) Fetch.ZipDatasetCheck.Validate(input, "--input"); // truncated or escaping entries: a clear error
        var paths = ListPngs(input, kind);
        if (paths.Count == 0)
            throw new StageException($"predict: --input {input} holds no .png files, so there is nothing to score. Give a folder or zip of PNG patches with --input.");
        var model = ModelDescription.Load(Path.Combine(modelFolder, ModelDescription.FileName));
        var settings = new PreprocessConfig { Size = model.InputSize, Resize = resize, OnCorrupt = InvalidEntryPolicy.Skip };

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
                catch (Exception e) when (e is CorruptPatchException or PatchTooLargeException or IOException or StageException)
                {
                    skipped.Add(new UnscoredPatch(path, e.Message));
                }
                progress?.Report(decoded.Count + skipped.Count);
            }
        }

        if (decoded.Count == 0)
            throw new StageException($"predict: none of the {paths.Count:N0} .png files in --input {input} could be read (the first, {skipped[0].Path}: {skipped[0].Reason}). Give PNG patches with --input.");

        // One contiguous N x H x W x 3 buffer (a per-byte SelectMany would crawl on a large folder).
        var patchBytes = PatchDecoder.PatchBytes(settings);
        var buffer = new byte[decoded.Count * patchBytes];
        for (var i = 0; i < decoded.Count; i++) decoded[i].Pixels.CopyTo(buffer, i * patchBytes);
        TorchRuntime.EnsureLoaded();
        using var predictor = Predictor.Load(modelFolder, compute);
        var scores = decoded.Count == 0 ? [] : predictor.Score(new PatchImages(buffer, decoded.Count, model.InputSize, model.InputSize));
        var rows = decoded.Select((d, i) => d.Patch is { } p
                ? EvaluateStage.Row(p, scores[i])
                : new PredictionRow(d.Path, "", 0, 0, -1, scores[i].P0, scores[i].P1, scores[i].P1 > scores[i].P0 ? 1 : 0))
            .ToList();
        return new ScoringResult(rows, skipped, predictor.Device.ToString());
    }

    private static IReadOnlyList<string> ListPngs(string input, DatasetKind kind)
    {
        List<string> all;
        if (kind == DatasetKind.Zip)
        {
            using var zip = ZipFile.OpenRead(input);
            all = zip.Entries.Select(e => e.FullName).ToList();
        }
        else all = Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(input, f).Replace('\\', '/')).ToList();
        return all.Where(p => p.EndsWith(".png", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
    }
}
