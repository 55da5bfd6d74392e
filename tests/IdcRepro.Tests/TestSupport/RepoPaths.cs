namespace IdcRepro.Tests.TestSupport;

/// <summary>Paths of the repository the tests run from, and of the shared real sample beside it.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Configs => Path.Combine(Root, "configs");

    /// <summary>
    /// ../shared/data/idc-sample.zip, relative to the repository root (present on developer machines and in CI).
    /// </summary>
    public static string SampleZip => Path.GetFullPath(Path.Combine(Root, "..", "shared", "data", "idc-sample.zip"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IdcRepro.sln"))) return dir.FullName;
        throw new InvalidOperationException("tests must run inside the IdcRepro repository");
    }
}
