namespace IdcRepro.Data;

/// <summary>Opens the reader that fits a dataset: a zip read in place (never extracted) or a folder.</summary>
public static class PatchReader
{
    public static IPatchReader Open(DatasetLocation location) => location.Kind switch
    {
        DatasetKind.Zip => ZipPatchReader.Open(location.Path),
        DatasetKind.Directory => DirectoryPatchReader.Open(location.Path),
        _ => throw new ArgumentOutOfRangeException(nameof(location), location.Kind, "unknown dataset kind"),
    };
}
