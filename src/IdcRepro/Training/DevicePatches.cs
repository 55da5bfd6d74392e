using TorchSharp;
using static TorchSharp.torch;

namespace IdcRepro.Training;

/// <summary>
/// A set of patches uploaded once to the device as uint8 N x H x W x 3 (a quarter of float's memory; 2.1 GB for the
/// whole dataset), with its labels as int64 when it has them. The bytes go in chunks; on CUDA through a pinned staging
/// buffer.
/// </summary>
internal sealed class DevicePatches : IDisposable
{
    /// <summary>Patches per copied chunk (about 60 MB of 50 x 50 patches; a span must stay under 2 GB).</summary>
    private const int ChunkPatches = 8192;

    private DevicePatches(Tensor images, Tensor? labels, int count)
    {
        Images = images;
        Labels = labels;
        Count = count;
    }

    public Tensor Images { get; }
    public Tensor? Labels { get; }
    public int Count { get; }

    public static DevicePatches Upload(TrainingData data, Device device)
    {
        var images = UploadImages(data.Images, device);
        var labels = tensor(data.Labels.Select(l => (long)l).ToArray(), device: device);
        return new DevicePatches(images, labels, data.Count);
    }

    public static DevicePatches Upload(PatchImages images, Device device) =>
        new(UploadImages(images, device), null, images.Count);

    private static Tensor UploadImages(PatchImages images, Device device)
    {
        long[] shape = [images.Count, images.Height, images.Width, PatchImages.Channels];
        var onCpu = device.type == DeviceType.CPU;
        var target = empty(shape, ScalarType.Byte, device);
        var chunk = Math.Min(ChunkPatches, Math.Max(images.Count, 1));
        using var staging = onCpu ? null
            : empty([chunk, images.Height, images.Width, PatchImages.Channels], ScalarType.Byte).pin_memory();
        for (var start = 0; start < images.Count; start += chunk)
        {
            // Tensor.bytes is a span over the (contiguous, CPU) chunk's memory: a plain memcpy, where
            // data<byte>().CopyFrom indexes element by element (about 100 times slower).
            var n = Math.Min(chunk, images.Count - start);
            var source = images.Pixels.Span.Slice(start * images.PatchBytes, n * images.PatchBytes);
            using var destination = target.narrow(0, start, n);
            if (onCpu)
            {
                source.CopyTo(destination.bytes);
                continue;
            }
            using var staged = staging!.narrow(0, 0, n);
            source.CopyTo(staged.bytes);
            destination.copy_(staged);
        }
        return target;
    }

    public void Dispose()
    {
        Images.Dispose();
        Labels?.Dispose();
    }
}
