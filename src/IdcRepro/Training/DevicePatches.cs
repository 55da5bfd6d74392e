using TorchSharp;
using static TorchSharp.torch;

namespace IdcRepro.Training;

/// <summary>
/// A set of patches uploaded once to the device as uint8 N x H x W x 3 (a quarter of float's memory; 2.1 GB for the whole
/// dataset), with its labels as int64 when it has them. On CUDA the bytes go through a pinned staging buffer in chunks.
/// </summary>
internal sealed class DevicePatches : IDisposable
{
    /// <summary>Patches per host-to-device chunk on CUDA (about 60 MB of 50 x 50 patches).</summary>
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

    public static DevicePatches Upload(PatchImages images, Device device) => new(UploadImages(images, device), null, images.Count);

    private static Tensor UploadImages(PatchImages images, Device device)
    {
        long[] shape = [images.Count, images.Height, images.Width, PatchImages.Channels];
        var pixels = images.Pixels.Span;
        if (device.type == DeviceType.CPU)
        {
            var host = empty(shape, ScalarType.Byte);
            if (pixels.Length > 0) host.data<byte>().CopyFrom(pixels, 0, 0);
            return host;
        }
        var target = empty(shape, ScalarType.Byte, device);
        var chunk = Math.Min(ChunkPatches, Math.Max(images.Count, 1));
        using var staging = empty([chunk, images.Height, images.Width, PatchImages.Channels], ScalarType.Byte).pin_memory();
        for (var start = 0; start < images.Count; start += chunk)
        {
            var n = Math.Min(chunk, images.Count - start);
            staging.data<byte>().CopyFrom(pixels.Slice(start * images.PatchBytes, n * images.PatchBytes), 0, 0);
            using var source = staging.narrow(0, 0, n);
            using var destination = target.narrow(0, start, n);
            destination.copy_(source);
        }
        return target;
    }

    public void Dispose()
    {
        Images.Dispose();
        Labels?.Dispose();
    }
}
