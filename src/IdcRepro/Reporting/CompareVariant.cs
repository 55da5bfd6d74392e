namespace IdcRepro.Reporting;

/// <summary>One variant on the compare page: its name, its resolved config YAML, and its run's report.</summary>
public sealed record CompareVariant(string Name, string ConfigYaml, RunReport Report)
{
    /// <summary>
    /// Every run of the variant (one per seed, fold, ...) whose figures the page shows; empty: the one run named.
    /// </summary>
    public IReadOnlyList<string> Runs { get; init; } = [];
}
