using IdcRepro.Pipeline;

namespace IdcRepro.Data;

/// <summary>Reads patches from a folder in the original archive's layout. Stateless, so safe from any thread.</summary>
public sealed class DirectoryPatchReader : IPatchReader
{
    private readonly string _root;

    private DirectoryPatchReader(string root) => _root = root;

    /// <summary>The folder's full path.</summary>
    public string Root => _root;

    public static DirectoryPatchReader Open(string folder)
    {
        var root = Path.GetFullPath(folder);
        if (!Directory.Exists(root))
            throw new StageException(
                $"Dataset folder '{root}' does not exist. Check data.path, or rerun the fetch stage.");
        return new DirectoryPatchReader(root);
    }

    public byte[] ReadAllBytes(string path)
    {
        var full = Path.GetFullPath(Path.Combine(_root, path));
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new StageException($"Patch path '{path}' points outside the dataset folder '{_root}'.");
        try
        {
            return File.ReadAllBytes(full);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new StageException(
                $"Dataset folder '{_root}' has no file '{path}'. The index is out of date with the data: rerun the " +
                "index stage.");
        }
    }

    public void Dispose()
    {
    }
}
