using IdcRepro.Evaluation;

namespace IdcRepro.Reporting;

/// <summary>The test metrics of one training seed in a multi-seed run.</summary>
public sealed record SeedResult(int Seed, MetricSet Metrics);
