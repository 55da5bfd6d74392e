using System.Reflection;
using System.Text.Json;
using IdcRepro.Pipeline;
using IdcRepro.Training;
using TorchSharp.PyBridge;

namespace IdcRepro.Export;

/// <summary>
/// Writes a trained model for PyTorch users into one folder, published whole (<see cref="AtomicFolder"/>): model.pt
/// (the state_dict in PyTorch's format, <see cref="StateDictArchive"/>: <c>torch.load</c> reads it, also with
/// weights_only=True), model.json (<see cref="PyTorchArchitecture"/>), normalization.json
/// (<see cref="PyTorchNormalization"/>), idc_model.py (the module and <c>load</c>/<c>predict</c>), config.yaml (the
/// run's resolved config) and, last, export.json (<see cref="ExportManifest"/>). Call
/// <see cref="Torch.TorchRuntime.EnsureLoaded"/> first.
/// </summary>
public static class PyTorchExport
{
    public const string Format = "pytorch";
    public const string WeightsFile = "model.pt";
    public const string ModuleFile = "idc_model.py";
    public const string ConfigFile = "config.yaml";

    /// <exception cref="StageException">The folder exists and holds something other than an earlier export.</exception>
    /// <exception cref="TrainingCheckpointException">A file of the Train output is missing or unreadable.</exception>
    public static ExportManifest Write(ExportSource source, string folder)
    {
        var target = Path.GetFullPath(folder);
        RefuseForeignFolder(target);
        var files = new TrainingFiles(source.TrainFolder);
        var description = ModelDescription.Load(files.ModelDescription);
        var normalizer = Normalizer.Load(files.Normalization);
        ExportManifest? manifest = null;
        AtomicFolder.Write(target, work =>
        {
            using (var model = IdcCnn.Load(description, files.Best))
                StateDictArchive.Write(model, Path.Combine(work, WeightsFile));
            File.WriteAllText(Path.Combine(work, PyTorchArchitecture.FileName),
                PyTorchArchitecture.From(description).ToJson());
            File.WriteAllText(Path.Combine(work, PyTorchNormalization.FileName),
                PyTorchNormalization.From(normalizer).ToJson());
            File.WriteAllText(Path.Combine(work, ModuleFile), ModuleSource());
            File.WriteAllText(Path.Combine(work, ConfigFile), source.ConfigYaml);
            manifest = Manifest(source, Hashing.FileSha256(files.Best), work);
            File.WriteAllText(Path.Combine(work, ExportManifest.FileName),
                JsonSerializer.Serialize(manifest, Stamp.Json) + "\n");
        });
        return manifest!;
    }

    /// <summary>idc_model.py as this build ships it.</summary>
    public static string ModuleSource()
    {
        using var stream = typeof(PyTorchExport).Assembly.GetManifestResourceStream($"IdcRepro.Export.{ModuleFile}")
            ?? throw new InvalidOperationException(
                $"{ModuleFile} is not embedded in {typeof(PyTorchExport).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static void RefuseForeignFolder(string target)
    {
        if (File.Exists(target)) throw new StageException($"export: {target} is a file; give a folder with -o.");
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any()
            && !File.Exists(Path.Combine(target, ExportManifest.FileName)))
            throw new StageException(
                $"export: {target} holds files that are not an earlier export (no {ExportManifest.FileName}); give " +
                "a new or empty folder with -o.");
    }

    private static ExportManifest Manifest(ExportSource source, string bestSha256, string work) => new()
    {
        Format = Format,
        Run = source.Run,
        TrainFolder = source.TrainFolder,
        TrainKey = source.TrainKey,
        TrainOutputHash = source.TrainOutputHash,
        TrainCodeVersion = source.TrainCodeVersion,
        BestEpoch = source.BestEpoch,
        BestPtSha256 = bestSha256,
        CodeVersion = CodeVersion.Current,
        Packages = new[] { typeof(TorchSharp.torch).Assembly, typeof(PyBridgeModuleExtensions).Assembly }
            .ToDictionary(a => a.GetName().Name!, a =>
                a.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
                ?? a.GetName().Version!.ToString()),
        Files = Directory.EnumerateFiles(work).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)
            .ToDictionary(name => name, name =>
                new OutputFile(new FileInfo(Path.Combine(work, name)).Length,
                Hashing.FileSha256(Path.Combine(work, name)))),
        CreatedUtc = DateTimeOffset.UtcNow,
    };
}
