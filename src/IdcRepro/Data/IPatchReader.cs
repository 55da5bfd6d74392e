namespace IdcRepro.Data;

/// <summary>
/// Reads the bytes of one patch file by its <see cref="Patch.Path"/> (a zip entry name or a path relative to the
/// dataset folder, with '/'). Implementations are safe to call from many threads at once.
/// </summary>
public interface IPatchReader : IDisposable
{
    /// <summary>
    /// The file's bytes. A path the dataset does not hold is a <see cref="Pipeline.StageException"/> naming it.
    /// </summary>
    byte[] ReadAllBytes(string path);
}
