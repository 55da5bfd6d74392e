namespace IdcRepro.Fetch;
public sealed record SyntheticSummary(int Patients, int Patches);
public static class SyntheticDataset { public static SyntheticSummary WriteZip(IdcRepro.Config.SyntheticConfig c, string p, IProgress<int>? pr) => throw new NotImplementedException(); }
