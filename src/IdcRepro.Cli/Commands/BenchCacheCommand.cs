using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using IdcRepro.Benchmarks;
using IdcRepro.Pipeline;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IdcRepro.Cli.Commands;

/// <summary>
/// What the cache's checks cost at full size: a synthetic images.npy of the whole dataset (277,524 patches, about
/// 2.1 GB) and a folder of as many PNG-sized files (about 1.6 GB), each hashed once as a first check does (or after a
/// change) and then checked again by a new <see cref="ContentHasher"/> that has only the saved stat state, as the
/// next process does. Files are freshly written, so the first hash reads from the page cache, not the disk.
/// </summary>
public sealed class BenchCacheCommand : Command<BenchCacheCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--patches <N>")]
        [Description("Patches (rows of images.npy, files of the folder). Default: 277524, the full dataset")]
        [DefaultValue(277_524)]
        public int Patches { get; init; } = 277_524;

        [CommandOption("--work <DIR>")]
        [Description(
            "Where the synthetic files go (removed afterwards). Default: a folder under the system temp folder")]
        public string? Work { get; init; }

        [CommandOption("--json <FILE>")]
        [Description("Also write the figures as JSON")]
        public string? Json { get; init; }
    }

    /// <summary>A real patch's PNG is 5.9 KB on average (the sample: 155,532,264 bytes for 26,252 patches).</summary>
    private const int PngBytes = 5_925;
    private const int PatchBytes = 50 * 50 * 3;

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Patches < 1) throw new Config.ConfigException("bench-cache: --patches must be at least 1.");
        var work = Path.GetFullPath(settings.Work
            ?? Path.Combine(Path.GetTempPath(), $"idc-bench-cache-{Environment.ProcessId}"));
        var state = Path.Combine(work, "state");
        try
        {
            var npy = Path.Combine(work, "cache", "images.npy");
            var folder = Path.Combine(work, "dataset");
            AnsiConsole.MarkupLineInterpolated(
                $"bench-cache: writing {settings.Patches:N0} patches as images.npy and as a folder of files in {work}");
            WriteNpy(npy, settings.Patches);
            WriteFolder(folder, settings.Patches);

            var outputs = Outputs(npy);
            var npyFirst = Time(() => Saved(state, h => h.Mismatch(Path.GetDirectoryName(npy)!, outputs)));
            var npyAgain = Time(() => Saved(state, h => h.Mismatch(Path.GetDirectoryName(npy)!, outputs)));
            var folderFirst = Time(() => Saved(state, h => h.Folder(folder)));
            var folderAgain = Time(() => Saved(state, h => h.Folder(folder)));

            var result = new
            {
                machine = CpuModel.Read(),
                cores = Environment.ProcessorCount,
                patches = settings.Patches,
                images_npy_bytes = new FileInfo(npy).Length,
                images_npy_first_check_seconds = npyFirst,
                images_npy_check_again_seconds = npyAgain,
                folder_bytes = (long)settings.Patches * PngBytes,
                folder_first_hash_seconds = folderFirst,
                folder_hash_again_seconds = folderAgain,
                command = $"idc bench-cache --patches {settings.Patches}",
            };
            var table = new Table().AddColumns("check", "first (reads every byte)", "again (stat state only)");
            table.AddRow($"images.npy, {result.images_npy_bytes / 1e9:0.00} GB", $"{npyFirst:0.00} s",
                $"{npyAgain:0.000} s");
            table.AddRow($"folder of {settings.Patches:N0} files, {result.folder_bytes / 1e9:0.00} GB",
                $"{folderFirst:0.00} s", $"{folderAgain:0.00} s");
            AnsiConsole.Write(table);
            if (settings.Json is not null)
                AtomicFile.WriteAllText(settings.Json,
                    JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }) + "\n");
            return 0;
        }
        finally
        {
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        }
    }

    private static Dictionary<string, OutputFile> Outputs(string npy) => new()
    {
        [Path.GetFileName(npy)] = new OutputFile(new FileInfo(npy).Length, Hashing.FileSha256(npy)),
    };

    private static void Saved(string state, Action<ContentHasher> check)
    {
        var hasher = new ContentHasher(state);
        check(hasher);
        hasher.Save();
    }

    private static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return Math.Round(clock.Elapsed.TotalSeconds, 3);
    }

    /// <summary>An N x 50 x 50 x 3 uint8 .npy whose rows differ (each starts with its row number).</summary>
    private static void WriteNpy(string path, int patches)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var writer =
            Data.Npy.NpyArrayWriter.Create(path, new Data.Npy.NpyHeader(Data.Npy.NpyDType.UInt8, patches, 50, 50, 3));
        var row = new byte[PatchBytes];
        new Random(7).NextBytes(row);
        for (var i = 0; i < patches; i++)
        {
            BitConverter.TryWriteBytes(row, i);
            writer.Write(i, row);
        }
    }

    /// <summary>
    /// The dataset's layout: a folder per patient of about 1,000 files, each of a real patch's average size.
    /// </summary>
    private static void WriteFolder(string folder, int patches)
    {
        var bytes = new byte[PngBytes];
        new Random(11).NextBytes(bytes);
        for (var i = 0; i < patches; i++)
        {
            var patient = Path.Combine(folder, (i / 1000).ToString(), "0");
            if (i % 1000 == 0) Directory.CreateDirectory(patient);
            BitConverter.TryWriteBytes(bytes, i);
            File.WriteAllBytes(Path.Combine(patient, $"{i / 1000}_idx5_x{i % 1000}_y1_class0.png"), bytes);
        }
    }
}
