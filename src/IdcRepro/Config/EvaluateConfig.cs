namespace IdcRepro.Config;

/// <summary>The <c>evaluate</c> section.</summary>
public sealed record EvaluateConfig
{
    /// <summary>Bootstrap resamples for the 95% intervals (patients are resampled, not patches); 0 skips intervals.</summary>
    [ConfigRange(0, 100_000)] public int BootstrapResamples { get; init; } = 1000;
    [ConfigRange(0, int.MaxValue)] public int BootstrapSeed { get; init; } = 42;
    [ConfigRange(1, 65_536)] public int BatchSize { get; init; } = 1024;
}
