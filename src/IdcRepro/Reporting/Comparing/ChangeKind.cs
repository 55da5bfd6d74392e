namespace IdcRepro.Reporting.Comparing;

/// <summary>How a config key differs from the baseline's.</summary>
public enum ChangeKind { Changed, Added, Removed }
