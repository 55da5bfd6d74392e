using IdcRepro.Sampling;

namespace IdcRepro.Reporting;

/// <summary>
/// Where a run's numbers come from: the data, the split and undersampling, the code and packages, the machine,
/// every seed, the time each stage took, and the choices made where the blog post is ambiguous.
/// Dictionaries are shown in their enumeration order.
/// </summary>
public sealed record Provenance
{
    /// <summary>SHA-256 of the dataset archive or folder content that Fetch recorded.</summary>
    public required string DatasetSha256 { get; init; }

    /// <summary>Patches indexed (after index.first, if set).</summary>
    public required long DatasetPatches { get; init; }

    public required int DatasetPatients { get; init; }

    /// <summary>The split strategy as the config names it ("random", "patient", "lists").</summary>
    public required string SplitStrategy { get; init; }

    public required int SplitSeed { get; init; }

    /// <summary>Each set of the split before undersampling, in the order to show (train, validation, test).</summary>
    public required IReadOnlyList<SetCounts> Sets { get; init; }

    /// <summary>
    /// Test patients that also have patches in the training set (the leak of a patch-level split); null if unknown.
    /// </summary>
    public int? TestPatientsInTraining { get; init; }

    /// <summary>Per set, class counts before and after undersampling; empty when nothing was undersampled.</summary>
    public IReadOnlyList<UndersampleCounts> Undersampling { get; init; } = [];

    /// <summary>The build's informational version (<c>CodeVersion.Current</c>).</summary>
    public required string CodeVersion { get; init; }

    public required string GitCommit { get; init; }

    /// <summary>Whether the work tree had uncommitted changes when the run was made.</summary>
    public required bool GitDirty { get; init; }

    /// <summary>Package name to version (TorchSharp, libtorch, ...).</summary>
    public required IReadOnlyDictionary<string, string> Packages { get; init; }

    /// <summary>What trained the model, in words ("NVIDIA H100 80GB, CUDA 12.1" or "CPU, 2 threads").</summary>
    public required string Device { get; init; }

    /// <summary>Every seed by what it seeds ("split", "undersample", "train", "bootstrap").</summary>
    public required IReadOnlyDictionary<string, int> Seeds { get; init; }

    /// <summary>Wall-clock seconds per stage, by stage name.</summary>
    public required IReadOnlyDictionary<string, double> StageSeconds { get; init; }

    /// <summary>Choices made where the blog is ambiguous, one sentence each.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];
}

/// <summary>One set of a split ("train", "validation", "test"): its patients and its patches by class.</summary>
public sealed record SetCounts(string Set, int Patients, ClassCounts Patches);

/// <summary>One set's patches by class before and after undersampling the majority class.</summary>
public sealed record UndersampleCounts(string Set, ClassCounts Before, ClassCounts After);
