namespace IdcRepro.Data;

/// <summary>
/// One indexed patch: where it is inside the dataset (a zip entry name or a path relative to the dataset folder,
/// always with '/'), and what its name says: patient, x/y position of its top-left corner on the slide, class
/// (0 non-IDC, 1 IDC).
/// </summary>
public sealed record Patch(string Path, string Patient, int X, int Y, int Label);
