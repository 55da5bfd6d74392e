using CsvHelper;

namespace IdcRepro.Data;

/// <summary>
/// One indexed patch: where it is inside the dataset (a zip entry name or a path relative to the dataset folder,
/// always with '/'), and what its name says: patient, x/y position of its top-left corner on the slide, class
/// (0 non-IDC, 1 IDC).
/// </summary>
[CsvRecord]
public sealed partial record Patch(
    [property: CsvColumn("path")] string Path,
    [property: CsvColumn("patient")] string Patient,
    [property: CsvColumn("x")] int X,
    [property: CsvColumn("y")] int Y,
    [property: CsvColumn("label")] int Label);
