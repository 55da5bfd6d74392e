using CsvHelper;

namespace IdcRepro.Evaluation;

/// <summary>One scored patch as predictions.csv holds it (label -1 when the name carries none).</summary>
[CsvRecord]
public sealed partial record PredictionRow(
    [property: CsvColumn("path")] string Path,
    [property: CsvColumn("patient")] string Patient,
    [property: CsvColumn("x")] int X,
    [property: CsvColumn("y")] int Y,
    [property: CsvColumn("label")] int Label,
    [property: CsvColumn("p0")] double P0,
    [property: CsvColumn("p1")] double P1,
    [property: CsvColumn("predicted")] int Predicted);
