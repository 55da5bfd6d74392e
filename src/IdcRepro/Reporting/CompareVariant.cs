namespace IdcRepro.Reporting;

/// <summary>One variant on the compare page: its name, its resolved config YAML, and its run's report.</summary>
public sealed record CompareVariant(string Name, string ConfigYaml, RunReport Report);
