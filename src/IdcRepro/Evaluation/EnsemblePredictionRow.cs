using CsvHelper;

namespace IdcRepro.Evaluation;

/// <summary>
/// One patch of an external set scored by the mean of a seed's fold models (external-mean.csv): the seed (empty for a
/// config without <c>seeds:</c>), the set, then predictions.csv's columns with the averaged P0 and P1.
/// </summary>
[CsvRecord]
public sealed partial record EnsemblePredictionRow(
    [property: CsvColumn("seed")] string Seed,
    [property: CsvColumn("set")] string Set,
    [property: CsvColumn("path")] string Path,
    [property: CsvColumn("patient")] string Patient,
    [property: CsvColumn("x")] int X,
    [property: CsvColumn("y")] int Y,
    [property: CsvColumn("label")] int Label,
    [property: CsvColumn("p0")] double P0,
    [property: CsvColumn("p1")] double P1,
    [property: CsvColumn("predicted")] int Predicted)
{
    public static string SeedText(int? seed) => seed?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";

    public static EnsemblePredictionRow Of(int? seed, string set, PredictionRow r) =>
        new(SeedText(seed), set, r.Path, r.Patient, r.X, r.Y, r.Label, r.P0, r.P1, r.Predicted);

    public static PredictionRow ToPrediction(EnsemblePredictionRow r) =>
        new(r.Path, r.Patient, r.X, r.Y, r.Label, r.P0, r.P1, r.Predicted);
}
