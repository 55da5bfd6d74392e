namespace IdcRepro.Sweeps;

/// <summary>What a sweep is asked to make, and where: the planner's input besides what the cache holds.</summary>
public sealed record SweepRequest
{
    /// <summary>The variants, in the order given (the first is the Compare page's reference).</summary>
    public required IReadOnlyList<SweepVariant> Variants { get; init; }

    /// <summary>The --set overrides, passed to every idc call as given.</summary>
    public IReadOnlyList<string> Sets { get; init; } = [];

    /// <summary>The artifacts folder as jobs pass it to idc (absolute: jobs may start anywhere).</summary>
    public required string Artifacts { get; init; }

    public required SweepProfile Profile { get; init; }

    /// <summary>Where the Compare job writes its page (the sweep's folder).</summary>
    public required string CompareFolder { get; init; }
}
