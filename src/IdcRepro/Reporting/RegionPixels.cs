using IdcRepro.Config;
using IdcRepro.Evaluation;

namespace IdcRepro.Reporting;

/// <summary>
/// The pixels of a region's patches, by position in the region, read from a larger source through an index map.
/// </summary>
internal sealed class RegionPixels(IPatchPixels source, IReadOnlyList<int> indices) : IPatchPixels
{
    public int Size => source.Size;

    public byte[] ReadRgb(int predictionIndex) => source.ReadRgb(indices[predictionIndex]);
}

/// <summary>
/// The pixels of some patches of an external set, decoded from its zip or folder on first use (only the patients that
/// get a map are ever decoded), as Evaluate decoded them (<see cref="PatchScoring.Decode"/>).
/// </summary>
internal sealed class ExternalPatchPixels(string input, IReadOnlyList<string> paths, int size, ResizeMode resize,
    string setting) : IPatchPixels
{
    private DecodedPatches? _decoded;
    private Dictionary<string, int>? _index;

    public int Size => size;

    public byte[] ReadRgb(int predictionIndex)
    {
        if (_decoded is null)
        {
            var wanted = paths.ToHashSet(StringComparer.Ordinal);
            _decoded =
                PatchScoring.Decode(input, size, resize, new ScoringInput("Report", setting), include: wanted.Contains);
            _index = _decoded.Paths.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i, StringComparer.Ordinal);
        }
        if (!_index!.TryGetValue(paths[predictionIndex], out var i))
            throw new Pipeline.StageException(
                $"Report: {setting} {input} no longer decodes {paths[predictionIndex]}, which Evaluate scored; " +
                "rerun Evaluate with --force.");
        var bytes = _decoded.Images.PatchBytes;
        return _decoded.Images.Pixels.Slice(i * bytes, bytes).ToArray();
    }
}
