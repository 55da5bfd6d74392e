namespace IdcRepro.Tests.Torch;

/// <summary>
/// The libLibTorchSharp.so that the TorchSharp package copied into this test's (RID-less) build output.
/// </summary>
internal static class ShippedLibTorchSharp
{
    public static string Path { get; } =
        System.IO.Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

    public static byte[] Bytes() => File.ReadAllBytes(Path);
}
