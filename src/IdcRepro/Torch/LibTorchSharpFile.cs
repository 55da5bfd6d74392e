namespace IdcRepro.Torch;

/// <summary>
/// Finds the <c>libLibTorchSharp.so</c> that TorchSharp would load: the .NET runtime probes the host's native search
/// directories (from the app's deps.json: the app folder, <c>runtimes/linux-x64/native</c> of a RID-less build),
/// then the folder of the assembly holding the DllImport.
/// </summary>
internal static class LibTorchSharpFile
{
    public const string FileName = "libLibTorchSharp.so";

    /// <summary>The folders searched, in the runtime's order, without duplicates.</summary>
    public static IReadOnlyList<string> SearchDirectories()
    {
        var fromHost = (AppContext.GetData("NATIVE_DLL_SEARCH_DIRECTORIES") as string ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var baseDirectory = AppContext.BaseDirectory;
        var torchSharpDirectory = Path.GetDirectoryName(typeof(TorchSharp.torch).Assembly.Location);
        return fromHost
            .Append(baseDirectory)
            .Append(Path.Combine(baseDirectory, "runtimes", "linux-x64", "native"))
            .Append(torchSharpDirectory)
            .Where(d => !string.IsNullOrEmpty(d))
            .Select(d => Path.TrimEndingDirectorySeparator(Path.GetFullPath(d!)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The first <see cref="FileName"/> in <see cref="SearchDirectories"/>, or null when there is none.
    /// </summary>
    public static string? Find() =>
        SearchDirectories().Select(d => Path.Combine(d, FileName)).FirstOrDefault(File.Exists);
}
