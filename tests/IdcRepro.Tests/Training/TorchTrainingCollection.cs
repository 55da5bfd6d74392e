namespace IdcRepro.Tests.Training;

/// <summary>
/// Training tests run alone: libtorch's thread count is process-wide and bit-identity holds for a fixed count, so no
/// other test may train (and set it) at the same time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchTrainingCollection
{
    public const string Name = "Torch training";
}
