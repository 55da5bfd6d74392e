namespace IdcRepro.Tests.TestSupport;

/// <summary>A fresh folder under the system temp folder, removed on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("idc-test-").FullName;

    /// <summary>The full path of a name inside the folder (nothing is created).</summary>
    public string PathOf(string relative) => System.IO.Path.Combine(Path, relative);

    /// <summary>
    /// The full path of a file inside the folder, its parent folders created, and written when <paramref name="text"/>
    /// is given.
    /// </summary>
    public string File(string relative, string? text = null)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        if (text is not null) System.IO.File.WriteAllText(full, text);
        return full;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
    }
}
