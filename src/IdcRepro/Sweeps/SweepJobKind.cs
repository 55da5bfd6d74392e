namespace IdcRepro.Sweeps;

/// <summary>
/// data: the data stages of one data config, for every run of its variants; train: an array, one task a run, trained
/// and evaluated; report: the reports of one data config's variants; compare: the one comparison page of the sweep.
/// </summary>
public enum SweepJobKind { Data, Train, Report, Compare }
