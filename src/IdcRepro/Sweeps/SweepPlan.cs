namespace IdcRepro.Sweeps;

/// <summary>
/// The jobs that bring a sweep up to date, each after the jobs it needs (every name in <see cref="SweepJob.After"/>
/// comes earlier in <see cref="Jobs"/>), and the runs that already are. No jobs: nothing to do.
/// </summary>
public sealed record SweepPlan(string Id, IReadOnlyList<SweepJob> Jobs, IReadOnlyList<string> UpToDateRuns)
{
    public bool IsEmpty => Jobs.Count == 0;

    public SweepJob Job(string name) => Jobs.Single(j => j.Name == name);
}
