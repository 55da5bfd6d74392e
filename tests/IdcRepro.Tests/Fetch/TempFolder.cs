namespace IdcRepro.Tests.Fetch;

/// <summary>A fresh folder under the system temp folder, deleted with everything in it on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), $"idcrepro-tests-{Guid.NewGuid():N}");

    public TempFolder() => Directory.CreateDirectory(Root);

    public string PathOf(string name) => Path.Combine(Root, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere; the OS cleans temp eventually, and a test must not fail for it.
        }
    }
}
