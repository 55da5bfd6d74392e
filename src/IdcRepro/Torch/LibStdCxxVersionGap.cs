namespace IdcRepro.Torch;

/// <summary>
/// The libstdc++ symbol versions a library needs that the process's libstdc++ does not define: the reason a library
/// built with a newer GCC (TorchSharp 0.107's LibTorchSharp needs GLIBCXX_3.4.32, GCC 13) fails to load on an older
/// system.
/// </summary>
internal static class LibStdCxxVersionGap
{
    public const string SoName = "libstdc++.so.6";

    /// <summary>
    /// Needed, non-weak versions from <see cref="SoName"/> that <paramref name="defined"/> lacks, in need order.
    /// </summary>
    public static IReadOnlyList<string> Missing(IEnumerable<(string File, string Version, ushort Flags)> needs,
        IEnumerable<string> defined)
    {
        var available = defined.ToHashSet(StringComparer.Ordinal);
        return needs
            .Where(n => n.File == SoName && (n.Flags & ElfVersionNeeds.WeakFlag) == 0 && !available.Contains(n.Version))
            .Select(n => n.Version)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Whether a missing version may be bridged by marking its need weak. Only GLIBCXX versions: GCC 13 adds
    /// GLIBCXX_3.4.32 for <c>std::ios_base_library_init</c>, a marker that is referenced and never called.
    /// </summary>
    public static bool CanWeaken(string version) => version.StartsWith("GLIBCXX_", StringComparison.Ordinal);
}
