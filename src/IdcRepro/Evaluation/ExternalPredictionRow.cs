using CsvHelper;

namespace IdcRepro.Evaluation;

/// <summary>
/// One scored patch of an external test set as external.csv holds it: the set's name, then predictions.csv's columns.
/// </summary>
[CsvRecord]
public sealed partial record ExternalPredictionRow(
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
    public static ExternalPredictionRow Of(string set, PredictionRow r) =>
        new(set, r.Path, r.Patient, r.X, r.Y, r.Label, r.P0, r.P1, r.Predicted);

    public static PredictionRow ToPrediction(ExternalPredictionRow r) =>
        new(r.Path, r.Patient, r.X, r.Y, r.Label, r.P0, r.P1, r.Predicted);
}
