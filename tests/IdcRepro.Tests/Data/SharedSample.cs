namespace IdcRepro.Tests.Data;

/// <summary>The real IDC sample in shared/data beside the repository (read-only; never extracted).</summary>
public static class SharedSample
{
    public static string Path
    {
        get
        {
            var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(AppContext.BaseDirectory, "../../../../../../shared/data/idc-sample.zip"));
            Assert.True(File.Exists(path), $"the shared sample {path} is missing (shared/ must sit beside the repository)");
            return path;
        }
    }
}
