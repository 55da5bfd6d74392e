using IdcRepro.Config;
using IdcRepro.Pipeline;
using IdcRepro.Reporting;
using IdcRepro.Sweeps;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IdcRepro.Cli.Commands;

/// <summary>
/// <c>idc sweep</c>: plans every run of every variant through Evaluate and Report, then one Compare
/// (<see cref="SweepPlanner"/>), writes the job scripts under artifacts/sweeps/&lt;id&gt;/submission-&lt;n&gt;/, and
/// hands them to the profile's executor: sbatch (afterok dependencies; Slurm does all scheduling) or the local pool of
/// workers.
/// What is up to date is left out, so the same sweep submitted again makes only what is missing.
/// </summary>
public sealed class SweepCommand : Command<SweepSettings>
{
    public static string ComparePage(ArtifactLayout layout, string id) =>
        Path.Combine(layout.SweepCompareDirectory(id), CompareWriter.Name + ".html");

    public override int Execute(CommandContext context, SweepSettings settings, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Console;
        if (settings.Action == SweepSettings.StatusAction)
            return SweepStatusCommand.Execute(ArtifactLayout.At(settings.Artifacts), settings.Id);
        if (settings.Action is { } action)
            throw new ConfigException(
                $"idc sweep {action}: the only action is status (idc sweep status <id>); to submit a sweep, give " +
                "--config and --profile without an action.");
        var (profilePath, profile) = LoadProfile(settings.Profile);
        if (settings.Jobs is { } jobs)
        {
            if (jobs < 1) throw new ConfigException($"--jobs {jobs}: give 1 or more jobs at once.");
            if (profile.Executor != ExecutorKind.Local)
                throw new ConfigException(
                    $"--jobs is for the local executor; {ConfigOrigin.DisplayPath(profilePath)} submits to Slurm, " +
                    "which runs as many jobs at once as the cluster allows.");
            profile = profile with { Local = profile.Local with { Jobs = jobs } };
        }
        if (settings.Wait && profile.Executor == ExecutorKind.Local)
            throw new ConfigException(
                "--wait is for the slurm executor; the local executor always waits for its jobs.");
        var located = ConfigArgument.LocateVariants(settings.Configs);
        var variants =
            located.Select(v => new SweepVariant(v.DisplayPath, ConfigLoader.Load(v.Path, settings.Set))).ToList();
        var layout = ArtifactLayout.At(settings.Artifacts);
        var id = SweepId.Of(variants);
        var sweepFolder = layout.SweepDirectory(id);
        WarnAboutDevices(console, profile, variants);

        using var sweepLock = SweepLock.Acquire(sweepFolder, id);
        var record = SweepRecord.Read(sweepFolder) ?? new SweepRecord
        {
            Id = id, WorkingDirectory = Directory.GetCurrentDirectory(), Artifacts = layout.Root,
            Variants = variants.Select(v => v.File).ToList(), Sets = settings.Set,
        };
        SweepSlurmExecutor.RefuseWhileActive(record, console);

        var runner = new PipelineRunner(layout, console, cancellationToken);
        var request = new SweepRequest
        {
            Variants = variants, Sets = settings.Set, Artifacts = layout.Root, Profile = profile,
            CompareFolder = layout.SweepCompareDirectory(id),
        };
        var plan = SweepPlanner.Plan(request, runner.IsUpToDate, File.Exists(ComparePage(layout, id)));
        Describe(console, plan, variants);
        if (plan.IsEmpty)
        {
            var done = $"{plan.UpToDateRuns.Count} run(s) evaluated and reported; {Display(ComparePage(layout, id))}";
            console.MarkupLineInterpolated($"sweep {id}: up to date, nothing to submit ({done})");
            return 0;
        }

        var number = settings.DryRun ? 0 : record.Submissions.Select(s => s.Number).DefaultIfEmpty(0).Max() + 1;
        var folder = settings.DryRun ? Path.Combine(sweepFolder, "dry-run") : layout.SubmissionDirectory(id, number);
        var scripts = new ScriptContext
        {
            SweepId = id, Submission = number, Folder = folder, WorkingDirectory = Directory.GetCurrentDirectory(),
            Program = IdcProgram.Words(profile), Profile = profile,
        };
        var submission = new SweepSubmission
        {
            Number = number, Executor = profile.Executor, Profile = profilePath, SubmittedUtc = DateTimeOffset.UtcNow,
            Folder = folder,
            Jobs = plan.Jobs.Select(j =>
                Submitted(j, folder) with { JobId = profile.Executor == ExecutorKind.Local ? JobLog.LocalId : null })
                .ToList(),
        };
        if (settings.DryRun) return DryRun(console, plan, scripts);

        Directory.CreateDirectory(folder);
        record = record.With(submission);
        record.Write(sweepFolder);
        if (profile.Executor == ExecutorKind.Slurm)
        {
            record = SweepSlurmExecutor.Submit(console, plan, scripts, record, submission, sweepFolder);
            console.MarkupLineInterpolated(
                $"sweep {id}: submitted; follow it with: idc sweep status {id}{ArtifactsOption(settings)}");
            if (!settings.Wait) return 0;
            SweepSlurmExecutor.Wait(record, number, cancellationToken);
            return SweepStatusReader.Print(record, console) == SweepVerdict.Complete ? 0 : 1;
        }

        foreach (var job in plan.Jobs)
            WriteScript(Path.Combine(folder, job.Name + ".sh"), JobScript.Render(job, scripts));
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; interrupt.Cancel(); };
        Console.CancelKeyPress += onCancel;
        using var onTerm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM,
            signal => { signal.Cancel = true; interrupt.Cancel(); });
        try
        {
            record = SweepLocal.Run(console, sweepFolder, record, submission, plan.Jobs, profile.Local.Jobs,
                LocalGpuList(), interrupt.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
        var verdict = SweepStatusReader.Print(record, console);
        if (interrupt.IsCancellationRequested) return 130;
        return verdict == SweepVerdict.Complete ? 0 : 1;
    }

    /// <summary>
    /// The profile given; without one, profiles/local.yaml where there is one, else one local worker.
    /// </summary>
    private static (string Path, SweepProfile Profile) LoadProfile(string? given)
    {
        if (given is null && !File.Exists(Path.Combine(ProfileLoader.Folder, "local" + ConfigLocator.Extension)))
            return ("(built-in: one local worker)", new SweepProfile { Executor = ExecutorKind.Local });
        var path = ProfileLoader.Locate(given ?? "local");
        return (path, ProfileLoader.Load(path));
    }

    private static SubmittedJob Submitted(SweepJob job, string folder) => new()
    {
        Name = job.Name, Kind = job.Kind, Script = Path.Combine(folder, job.Name + ".sh"), Variants = job.Variants,
        Calls = job.Calls.Select(c => c.ToString()).ToList(), After = job.After, Cpus = job.Cpus, Gpus = job.Gpus,
        Tasks = job.Tasks.Select((t, i) => new SubmittedTask(i, t.Variant, t.Run)).ToList(),
    };

    private static int DryRun(IAnsiConsole console, SweepPlan plan, ScriptContext scripts)
    {
        // Placeholder ids: the real ones are known only as the jobs are submitted.
        var ids = plan.Jobs.ToDictionary(j => j.Name, j => $"<{j.Name}>");
        foreach (var job in plan.Jobs)
            WriteScript(Path.Combine(scripts.Folder, job.Name + ".sh"),
                JobScript.Render(job, scripts with { JobIds = ids }));
        console.MarkupLineInterpolated(
            $"dry run: {plan.Jobs.Count} job script(s) in {Display(scripts.Folder)}; nothing submitted");
        return 0;
    }

    internal static void WriteScript(string path, string text)
    {
        AtomicFile.WriteAllText(path, text);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
    }

    private static void Describe(IAnsiConsole console, SweepPlan plan, IReadOnlyList<SweepVariant> variants)
    {
        var runs = variants.Sum(v => v.Runs.Count);
        var evaluated = plan.UpToDateRuns.Count;
        console.MarkupLineInterpolated(
            $"sweep {plan.Id}: {variants.Count} variant(s), {runs} run(s); {evaluated} already evaluated");
        foreach (var job in plan.Jobs)
        {
            var what = job.Kind switch
            {
                SweepJobKind.Data => $"data stages of {string.Join(", ", job.Variants)}",
                SweepJobKind.Train => $"array of {job.Tasks.Count}: {string.Join(", ", job.Tasks.Select(t => t.Run))}",
                SweepJobKind.Report => $"reports of {string.Join(", ", job.Variants)}",
                _ => $"comparison of {job.Variants.Count} variants",
            };
            var after = job.After.Count == 0 ? "" : $"; after {string.Join(", ", job.After)}";
            console.MarkupLineInterpolated(
                $"  {job.Name}: {what} ({job.Cpus} CPU(s){(job.Gpus > 0 ? $", {job.Gpus} GPU(s)" : "")}{after})");
        }
    }

    private static void WarnAboutDevices(IAnsiConsole console, SweepProfile profile,
        IReadOnlyList<SweepVariant> variants)
    {
        if (profile.Executor != ExecutorKind.Slurm || profile.Slurm.GpusPerJob == 0) return;
        var gpus = $"{profile.Slurm.GpusPerJob} GPU(s)";
        foreach (var variant in variants.Where(v => v.Config.Train.Device == DeviceChoice.Cpu))
            console.MarkupLineInterpolated(
                $"[yellow]warning: {variant.File} trains with train.device: cpu, yet its jobs ask for {gpus}[/]");
    }

    private static IReadOnlyList<string> LocalGpuList()
    {
        string? list = null;
        try
        {
            var start = new System.Diagnostics.ProcessStartInfo("nvidia-smi", "-L")
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false
            };
            using var process = System.Diagnostics.Process.Start(start)!;
            list = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No NVIDIA driver here: CPU trainings.
        }
        return LocalGpus.Parse(Environment.GetEnvironmentVariable("CUDA_VISIBLE_DEVICES"), list);
    }

    private static string ArtifactsOption(SweepSettings settings) => settings.Artifacts == "artifacts" ? ""
        : $" --artifacts {ShellWord.Quote(settings.Artifacts)}";

    private static string Display(string path) => ConfigLocator.Display(path, Directory.GetCurrentDirectory());
}
