using System.Runtime.InteropServices;

namespace IdcRepro.Torch;

/// <summary>
/// Watches the memory in use on NVIDIA GPU 0 through NVML (the driver's management library, present wherever the
/// NVIDIA driver is) from a background thread, and keeps the highest value seen. libtorch exposes no memory statistics
/// to TorchSharp; NVML counts what the whole GPU holds (CUDA context and libtorch's caching allocator included), which
/// on a machine given to one job is that job's footprint.
/// </summary>
public sealed class DeviceMemorySampler : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(5);

    private readonly IntPtr _device;
    private readonly Thread _thread;
    private readonly CancellationTokenSource _stop = new();
    private long _peak;

    private DeviceMemorySampler(IntPtr device, long baseline)
    {
        _device = device;
        BaselineBytes = baseline;
        _peak = baseline;
        _thread = new Thread(Sample) { IsBackground = true, Name = "device memory sampler" };
        _thread.Start();
    }

    /// <summary>Memory in use on the GPU when sampling began.</summary>
    public long BaselineBytes { get; }

    /// <summary>The highest memory in use seen so far (sampled every few milliseconds, and once more on each call).</summary>
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
            return Nvml.GetMemoryInfo(device, out var memory) == 0 ? new DeviceMemorySampler(device, (long)memory.Used) : null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    private void Sample()
    {
        while (!_stop.Token.WaitHandle.WaitOne(Interval)) Observe();
    }

    private void Observe()
    {
        if (Nvml.GetMemoryInfo(_device, out var memory) != 0) return;
        long seen = (long)memory.Used, peak;
        while (seen > (peak = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, seen, peak) != peak)
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
    }
}
