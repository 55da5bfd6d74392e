using IdcRepro.Config;

namespace IdcRepro.Sampling;

/// <summary>Row numbers (into the preprocessed cache) of each set, ascending. Validation may be empty.</summary>
public sealed record SplitResult(IReadOnlyList<int> Train, IReadOnlyList<int> Validation, IReadOnlyList<int> Test)
{
    public IReadOnlyList<int> this[DataSet set] => set switch
    {
        DataSet.Train => Train,
        DataSet.Validation => Validation,
        _ => Test,
    };

    public static readonly DataSet[] Sets = [DataSet.Train, DataSet.Validation, DataSet.Test];
}
