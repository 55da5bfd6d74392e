namespace IdcRepro.Sweeps;

/// <summary>One task of a training array: a run of a variant, trained and evaluated by one idc call.</summary>
public sealed record SweepTask(string Variant, string Run, IdcCall Call);
