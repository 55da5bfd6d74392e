using IdcRepro.Config;
using IdcRepro.Pipeline;
using IdcRepro.Sampling;
using IdcRepro.Tests.Training;
using IdcRepro.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace IdcRepro.Tests.Torch;

/// <summary>
/// The pin on libtorch's CPU numerics is in force in this test process (where the training snapshots run), proved by
/// computing: a 64 -> 128 channel convolution (forward, both gradients) and a log_softmax, whose bits on an AVX-512 CPU
/// differ from an AVX2 CPU's unless the kernels are pinned (measured: oneDNN's convolutions and ATen's log_softmax
/// change). The golden hashes were made with the pin on an AVX-512 EPYC (unpinned there, all four differ); the pin
/// makes it compute as an AVX2 CPU does: the training snapshots, made on an AVX2 EPYC, pass on it bit for bit.
/// </summary>
[Collection(TorchTrainingCollection.Name)]
public sealed class CpuNumericsTests
{
    private const string GoldenConvolution = "a08ecc82ae3ef214";
    private const string GoldenWeightGradient = "d2a48ef3e4679032";
    private const string GoldenInputGradient = "bc79c97ae4fadd5b";
    private const string GoldenLogSoftmax = "b9ba51eaca3faf40";

    [Fact]
    public void A_convolution_and_a_log_softmax_give_the_pinned_level_s_bits()
    {
        var runtime = TorchRuntime.EnsureLoaded();
        torch.set_num_threads(2);
        using var scope = torch.NewDisposeScope();
        var input = Values(8 * 64 * 11 * 11, seed: 1).reshape(8, 64, 11, 11).requires_grad_(true);
        var weight = Values(128 * 64 * 3 * 3, seed: 2).reshape(128, 64, 3, 3).requires_grad_(true);

        var output = nn.functional.conv2d(input, weight);
        (output * output).sum().backward();
        var logSoftmax = Values(256 * 1000, seed: 3).reshape(256, 1000).log_softmax(1);

        Assert.Equal(
            [GoldenConvolution, GoldenWeightGradient, GoldenInputGradient, GoldenLogSoftmax],
            [Bits(output), Bits(weight.grad!), Bits(input.grad!), Bits(logSoftmax)]);
        Assert.True(runtime.CpuNumericsPinned, runtime.CpuNumerics);
    }

    [Fact]
    public void A_config_asking_for_native_kernels_in_a_process_pinned_before_the_load_is_refused()
    {
        var e = Assert.Throws<TorchRuntimeException>(() => TorchRuntime.EnsureLoaded(CpuKernels.Native));
        Assert.Contains("train.cpu_kernels native", e.Message);
        Assert.True(TorchRuntime.EnsureLoaded(CpuKernels.Avx2).CpuNumericsPinned);
    }

    [Fact]
    public void Deterministic_training_needs_a_fixed_thread_count_and_the_pinned_kernels()
    {
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Load(
            Path.Combine(TestSupport.RepoPaths.Configs, "demo.yaml"),
            ["train.deterministic=true", "train.threads=2", "train.cpu_kernels=native"]));
        Assert.Contains("train.deterministic needs the pinned kernels", e.Message);
    }

    [Fact]
    public void Deterministic_training_needs_a_fixed_thread_count()
    {
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Load(
            Path.Combine(TestSupport.RepoPaths.Configs, "demo.yaml"),
            ["train.deterministic=true", "train.threads=0"]));
        Assert.Contains("train.deterministic needs a fixed thread count", e.Message);
        Assert.Contains("'train.threads'", e.Message);
    }

    /// <summary>Uniform values in [-1, 1) from the project's own generator: the same on every machine.</summary>
    private static Tensor Values(int count, int seed)
    {
        var random = new SeededRandom(seed);
        var values = new float[count];
        for (var i = 0; i < count; i++) values[i] = (float)(2 * random.NextDouble() - 1);
        return torch.tensor(values);
    }

    private static string Bits(Tensor t)
    {
        var values = t.contiguous().data<float>().ToArray();
        var bytes = new byte[values.Length * sizeof(float)];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        return Hashing.Sha256Hex(bytes)[..16];
    }
}
