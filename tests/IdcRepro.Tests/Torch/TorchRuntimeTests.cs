using IdcRepro.Pipeline;
using IdcRepro.Torch;
using TorchSharp;

namespace IdcRepro.Tests.Torch;

public sealed class TorchRuntimeTests
{
    [Fact]
    public void A_conv2d_after_EnsureLoaded_gives_the_hand_computed_window_sums()
    {
        TorchRuntime.EnsureLoaded();
        using var scope = torch.NewDisposeScope();
        var input = torch.arange(1f, 10f).reshape(1, 1, 3, 3);   // 1 2 3 / 4 5 6 / 7 8 9
        var kernel = torch.ones(1, 1, 2, 2);

        var output = torch.nn.functional.conv2d(input, kernel);

        Assert.Equal([1L, 1L, 2L, 2L], output.shape);
        Assert.Equal([12f, 16f, 24f, 28f], output.data<float>().ToArray());   // 1+2+4+5, 2+3+5+6, 4+5+7+8, 5+6+8+9
    }

    [Fact]
    public void EnsureLoaded_loads_once_for_all_threads()
    {
        var infos = Enumerable.Range(0, 8).AsParallel().Select(_ => TorchRuntime.EnsureLoaded()).ToList();

        Assert.All(infos, info => Assert.Same(infos[0], info));
        Assert.StartsWith("TorchSharp 0.107.0 ", infos[0].Description);
    }

    [Fact]
    public void The_build_output_s_LibTorchSharp_is_the_one_found()
    {
        Assert.Equal(ShippedLibTorchSharp.Path, LibTorchSharpFile.Find());
    }

    [Fact]
    public void LibTorchSharp_is_patched_exactly_when_the_system_libstdcxx_lacks_GLIBCXX_3_4_32()
    {
        var info = TorchRuntime.EnsureLoaded();
        var systemHasIt = LoadedLibStdCxx.DefinedVersions(LoadedLibStdCxx.Path()).Contains("GLIBCXX_3.4.32");

        Assert.Equal(!systemHasIt, info.Patched);
        Assert.Equal(Path.GetDirectoryName(ShippedLibTorchSharp.Path), info.LibTorchDirectory);
        if (!info.Patched)
        {
            Assert.Equal(ShippedLibTorchSharp.Path, info.LibTorchSharpPath);
            return;
        }
        Assert.Equal(["GLIBCXX_3.4.32"], info.WeakenedVersions);
        Assert.EndsWith("patched copy of LibTorchSharp for GLIBCXX_3.4.32", info.Description);
        Assert.StartsWith(PatchedLibraryCache.DefaultRoot(), info.LibTorchSharpPath);
        Assert.Equal(ElfVersionNeeds.MarkWeak(ShippedLibTorchSharp.Bytes(), "GLIBCXX_3.4.32"),
            File.ReadAllBytes(info.LibTorchSharpPath!));
    }

    [Fact]
    public void The_shipped_files_are_left_as_they_are()
    {
        var info = TorchRuntime.EnsureLoaded();
        var shipped = ShippedLibTorchSharp.Bytes();

        Assert.Contains(("libstdc++.so.6", "GLIBCXX_3.4.32", (ushort)0), ElfVersionNeeds.Read(shipped));
        if (info.Patched)   // the copy's folder is named by the hash of the original when it was patched
            Assert.Equal(Path.GetFileName(Path.GetDirectoryName(info.LibTorchSharpPath)), Hashing.Sha256Hex(shipped));
        // TorchSharp's fallback, when its own load fails, copies all of libtorch into a "cpu" folder beside
        // TorchSharp.dll.
        Assert.False(Directory.Exists(Path.Combine(Path.GetDirectoryName(typeof(torch).Assembly.Location)!, "cpu")));
    }
}
