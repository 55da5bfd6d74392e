using System.Runtime.InteropServices;

namespace IdcRepro.Benchmarks;

/// <summary>
/// Watches the memory in use on NVIDIA GPU 0 through NVML (the driver's management library, present wherever the
/// NVIDIA driver is) from a background thread, and keeps the highest value seen. libtorch exposes no memory statistics
/// to TorchSharp; NVML counts what the whole GPU holds (CUDA context and libtorch's caching allocator included), which
/// on a machine given to one job is that job's footprint. It also reads the GPU's name, for benchmark records.
/// </summary>
public sealed class DeviceMemorySampler : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(5);

    private readonly IntPtr _device;
    private readonly Thread _thread;
    private readonly CancellationTokenSource _stop = new();
    private long _peak;

    private DeviceMemorySampler(IntPtr device, long baseline, string? gpuName)
    {
        _device = device;
        BaselineBytes = baseline;
        GpuName = gpuName;
        _peak = baseline;
        _thread = new Thread(Sample) { IsBackground = true, Name = "device memory sampler" };
        _thread.Start();
    }

    /// <summary>Memory in use on the GPU when sampling began.</summary>
    public long BaselineBytes { get; }

    /// <summary>
    /// The GPU's product name as NVML gives it (e.g. "NVIDIA H100 80GB HBM3"), or null when NVML would not say.
    /// </summary>
    public string? GpuName { get; }

    /// <summary>
    /// The highest memory in use seen so far (sampled every few milliseconds, and once more on each call).
    /// </summary>
    public long PeakBytes
    {
        get
        {
            Observe();
            return Interlocked.Read(ref _peak);
        }
    }

    /// <summary>Starts sampling GPU 0, or returns null where NVML or a GPU is missing (e.g. a CPU machine).</summary>
    public static DeviceMemorySampler? TryStart()
    {
        try
        {
            if (Nvml.Init() != 0 || Nvml.GetHandleByIndex(0, out var device) != 0) return null;
            return Nvml.GetMemoryInfo(device, out var memory) == 0
                ? new DeviceMemorySampler(device, (long)memory.Used, Name(device)) : null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    private static string? Name(IntPtr device)
    {
        var buffer = new byte[Nvml.NameBufferSize];
        if (Nvml.GetName(device, buffer, (uint)buffer.Length) != 0) return null;
        var length = Array.IndexOf(buffer, (byte)0);
        var name = System.Text.Encoding.UTF8.GetString(buffer, 0, length < 0 ? buffer.Length : length).Trim();
        return name.Length > 0 ? name : null;
    }

    private void Sample()
    {
        while (!_stop.Token.WaitHandle.WaitOne(Interval)) Observe();
    }

    private void Observe()
    {
        if (Nvml.GetMemoryInfo(_device, out var memory) != 0) return;
        long seen = (long)memory.Used, peak;
        while (seen > (peak = Interlocked.Read(ref _peak))
            && Interlocked.CompareExchange(ref _peak, seen, peak) != peak)
        {
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join();
        _stop.Dispose();
    }

    private static class Nvml
    {
        private const string Library = "libnvidia-ml.so.1";

        [StructLayout(LayoutKind.Sequential)]
        public struct Memory
        {
            public ulong Total;
            public ulong Free;
            public ulong Used;
        }

        [DllImport(Library, EntryPoint = "nvmlInit_v2")]
        public static extern int Init();

        [DllImport(Library, EntryPoint = "nvmlDeviceGetHandleByIndex_v2")]
        public static extern int GetHandleByIndex(uint index, out IntPtr device);

        [DllImport(Library, EntryPoint = "nvmlDeviceGetMemoryInfo")]
        public static extern int GetMemoryInfo(IntPtr device, out Memory memory);

        /// <summary>NVML_DEVICE_NAME_V2_BUFFER_SIZE: room for any device name and its NUL.</summary>
        public const int NameBufferSize = 96;

        [DllImport(Library, EntryPoint = "nvmlDeviceGetName")]
        public static extern int GetName(IntPtr device, [Out] byte[] name, uint length);
    }
}
