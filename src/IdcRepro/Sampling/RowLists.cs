using IdcRepro.Config;
using IdcRepro.Data.Npy;

namespace IdcRepro.Sampling;

/// <summary>
/// The three row lists of a split (train.npy, validation.npy, test.npy: int64, ascending), as Split and Undersample
/// write them.
/// </summary>
public static class RowLists
{
    public static string FileName(DataSet set) => $"{set.ToString().ToLowerInvariant()}.npy";

    public static IReadOnlyList<string> FileNames { get; } = SplitResult.Sets.Select(FileName).ToList();

    public static void Write(string directory, SplitResult result)
    {
        foreach (var set in SplitResult.Sets)
            NpyFile.WriteVector<long>(Path.Combine(directory, FileName(set)),
                result[set].Select(r => (long)r).ToArray());
    }

    public static SplitResult Read(string directory)
    {
        int[] Read(DataSet set) =>
            NpyFile.ReadVector<long>(Path.Combine(directory, FileName(set))).Select(r => checked((int)r)).ToArray();
        return new SplitResult(Read(DataSet.Train), Read(DataSet.Validation), Read(DataSet.Test));
    }
}
