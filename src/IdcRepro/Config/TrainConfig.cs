namespace IdcRepro.Config;

public enum DeviceChoice { Auto, Cpu, Cuda }

/// <summary>
/// Which CPU kernels libtorch uses: avx2 pins them to AVX2 on every x86-64 CPU (<see cref="Torch.CpuNumerics"/>: the
/// same bits everywhere; and on an AVX-512 EPYC oneDNN's AVX-512 kernels made small models' training NaN at random,
/// measured); native lets libtorch pick by CPU (faster on AVX-512, not comparable bit for bit across CPUs).
/// </summary>
public enum CpuKernels { Avx2, Native }

/// <summary>Where and how a stage computes with Torch: the settings that decide a result's last digits.</summary>
public sealed record ComputeSettings(DeviceChoice Device = DeviceChoice.Auto, int Threads = 0, bool Deterministic =
    false, CpuKernels CpuKernels = CpuKernels.Avx2);

public enum OptimizerKind { Adam, Sgd }

/// <summary>
/// bce: two sigmoid outputs against one-hot labels (the blog's Keras model); cross_entropy: softmax over two logits.
/// </summary>
public enum LossKind { Bce, CrossEntropy }

public enum MonitorMetric { ValLoss, ValAccuracy }

/// <summary>featurewise: subtract the training set's per-channel mean, divide by its std (Keras featurewise_center and
/// featurewise_std_normalization, fitted); rescale: only /255 (what Keras does when ImageDataGenerator.fit is never
/// called).</summary>
public enum Normalization { Featurewise, Rescale }

/// <summary>
/// How rotation fills pixels that come from outside the patch: nearest repeats the edge (Keras' fill_mode nearest),
/// zeros fills black.
/// </summary>
public enum RotationFill { Nearest, Zeros }

/// <summary>
/// How rotation reads between pixels: bilinear is Keras' ImageDataGenerator (interpolation_order 1), nearest takes the
/// closest pixel.
/// </summary>
public enum RotationInterpolation { Bilinear, Nearest }

/// <summary>The <c>train</c> section.</summary>
public sealed record TrainConfig : ISelfValidating
{
    [ConfigRange(0, int.MaxValue)] public int Seed { get; init; } = 42;
    public DeviceChoice Device { get; init; } = DeviceChoice.Auto;
    [ConfigRange(1, 10_000)] public int Epochs { get; init; } = 80;
    [ConfigRange(1, 65_536)] public int BatchSize { get; init; } = 256;
    [ConfigRange(0, 10, ExclusiveMinimum = true)] public double LearningRate { get; init; } = 1e-5;
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;
    public LossKind Loss { get; init; } = LossKind.Bce;

    /// <summary>
    /// Weight each class's loss by N / (2 x its count) in the training set (an alternative to undersampling).
    /// </summary>
    public bool ClassWeighted { get; init; }

    public Normalization Normalize { get; init; } = Normalization.Featurewise;
    public EarlyStoppingConfig EarlyStopping { get; init; } = new();
    public ModelConfig Model { get; init; } = new();
    public AugmentConfig Augment { get; init; } = new();

    /// <summary>
    /// CPU threads for libtorch; 0 uses every core. Results on CPU are bit-identical run to run for a fixed value.
    /// </summary>
    [ConfigRange(0, 1024)] public int Threads { get; init; }

    /// <summary>
    /// Promise bit-identical results on any x86-64 CPU: needs a fixed <see cref="Threads"/> and the pinned kernels
    /// (<see cref="CpuKernels"/> avx2); refused on a GPU, which cannot promise it.
    /// </summary>
    public bool Deterministic { get; init; }

    /// <summary>
    /// libtorch's CPU kernels: avx2 (pinned, the default) or native (see <see cref="Config.CpuKernels"/>).
    /// </summary>
    public CpuKernels CpuKernels { get; init; } = CpuKernels.Avx2;

    /// <summary>
    /// The settings of this section that decide how Torch computes (training, and scoring with its model).
    /// </summary>
    public ComputeSettings Compute() => new(Device, Threads, Deterministic, CpuKernels);

    public IEnumerable<(string Key, string Message)> Validate()
    {
        if (Deterministic && Threads == 0)
            yield return ("threads",
                "train.deterministic needs a fixed thread count (results differ between thread counts, e.g. 2 and " +
                "7): set train.threads, e.g. 2");
        if (Deterministic && CpuKernels == CpuKernels.Native)
            yield return ("cpu_kernels",
                "train.deterministic needs the pinned kernels (cpu_kernels: avx2): native kernels differ between CPUs");
    }
}

public sealed record EarlyStoppingConfig
{
    public MonitorMetric Monitor { get; init; } = MonitorMetric.ValLoss;

    /// <summary>Epochs without improvement before stopping; 0 turns early stopping off.</summary>
    [ConfigRange(0, 10_000)] public int Patience { get; init; } = 3;
}

/// <summary>
/// The CNN: 3x3 valid convolutions with ReLU (max-pool 2 after the first two), dropout, dense layers, two outputs.
/// </summary>
public sealed record ModelConfig
{
    public IReadOnlyList<int> ConvWidths { get; init; } = [32, 64, 128, 256];

    /// <summary>How many of the first convolutions are followed by a 2x2 max-pool.</summary>
    [ConfigRange(0, 16)] public int PooledConvs { get; init; } = 2;

    public IReadOnlyList<int> DenseWidths { get; init; } = [128, 128];
    [ConfigRange(0, 0.99)] public double Dropout { get; init; } = 0.5;
    public bool BatchNorm { get; init; }
}

public sealed record AugmentConfig
{
    /// <summary>Random rotation uniform in +-degrees (Keras rotation_range); 0 turns it off.</summary>
    [ConfigRange(0, 180)] public double RotationDegrees { get; init; } = 180;
    public RotationFill Fill { get; init; } = RotationFill.Nearest;

    /// <summary>Sampling between pixels for rotation; bilinear matches Keras (interpolation_order 1).</summary>
    public RotationInterpolation Interpolation { get; init; } = RotationInterpolation.Bilinear;
    public bool HorizontalFlip { get; init; } = true;
    public bool VerticalFlip { get; init; } = true;

    /// <summary>
    /// Random colour changes after the rotation and flips (torchvision's ColorJitter); all 0 (the default) is off.
    /// </summary>
    public ColorJitterConfig Color { get; init; } = new();
}

/// <summary>
/// torchvision ColorJitter's ranges, for stain and scanner variation: each patch's brightness, contrast and saturation
/// factors are drawn uniformly from [max(0, 1 - range), 1 + range] and its hue shift from [-hue, hue] (a fraction of
/// the colour wheel). A range of 0 leaves that change out, and draws nothing for it.
/// </summary>
public sealed record ColorJitterConfig
{
    [ConfigRange(0, 5)] public double Brightness { get; init; }
    [ConfigRange(0, 5)] public double Contrast { get; init; }
    [ConfigRange(0, 5)] public double Saturation { get; init; }
    [ConfigRange(0, 0.5)] public double Hue { get; init; }
}
