using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using IdcRepro.Sweeps;
using Spectre.Console;

namespace IdcRepro.Cli.Commands;

/// <summary>
/// The local executor: the same plan and job scripts as on Slurm, run on this machine by a pool of workers. Each unit
/// (a job, or one task of an array) runs its script with bash, its output in its log, SLURM_ARRAY_TASK_ID set for an
/// array task and, where there are GPUs, CUDA_VISIBLE_DEVICES set to its worker's one. A unit starts when every job it
/// waits for has completed; when one of those failed it is cancelled (as Slurm's kill_invalid_depend does). Ctrl+C or
/// SIGTERM stops the running units with SIGTERM (training stops at a safe point) and starts nothing more.
/// </summary>
internal sealed class SweepLocal
{
    private sealed class Unit(SweepJob job, int? task, string script, string log)
    {
        public SweepJob Job { get; } = job;
        public int? Task { get; } = task;
        public string Script { get; } = script;
        public string Log { get; } = log;
        public string State { get; set; } = "PENDING";
        public int? Exit { get; set; }
        public string? Reason { get; set; }
        public double? Seconds { get; set; }
        public string Label => Task is { } t ? $"{Job.Name}[{t}] {Job.Tasks[t].Run}" : Job.Name;
        public bool Failed => State is "FAILED" or "CANCELLED";
    }

    private sealed record Running(Unit Unit, Process Process, int Worker, Stopwatch Clock);

    private readonly IAnsiConsole _console;
    private readonly string _sweepFolder;
    private SweepRecord _record;
    private SweepSubmission _submission;

    private SweepLocal(IAnsiConsole console, string sweepFolder, SweepRecord record, SweepSubmission submission)
    {
        _console = console;
        _sweepFolder = sweepFolder;
        _record = record;
        _submission = submission;
    }

    /// <summary>
    /// Runs the submission's jobs (their scripts written already); returns the record with every unit's outcome.
    /// </summary>
    public static SweepRecord Run(IAnsiConsole console, string sweepFolder, SweepRecord record,
        SweepSubmission submission,
        IReadOnlyList<SweepJob> jobs, int workers, IReadOnlyList<string> gpus, CancellationToken cancellation)
    {
        var local = new SweepLocal(console, sweepFolder, record, submission);
        local.Execute(jobs, workers, gpus, cancellation);
        return local._record;
    }

    private void Execute(IReadOnlyList<SweepJob> jobs, int workers, IReadOnlyList<string> gpus,
        CancellationToken cancellation)
    {
        var units = jobs.SelectMany(job =>
        {
            var script = _submission.Jobs.Single(j => j.Name == job.Name).Script;
            return job.IsArray
                ? Enumerable.Range(0, job.Tasks.Count)
                    .Select(t => new Unit(job, t, script, JobLog.Of(_submission.Folder, job.Name, JobLog.LocalId, t)))
                : [new Unit(job, null, script, JobLog.Of(_submission.Folder, job.Name, JobLog.LocalId))];
        }).ToList();
        _units = units;
        var pending = units.ToList();
        var running = new List<Running>();
        var free = new SortedSet<int>(Enumerable.Range(0, workers));
        var stopping = false;
        var onGpus = gpus.Count > 0 ? $", GPUs {string.Join(",", gpus)} (worker i gets GPU i mod {gpus.Count})" : "";
        _console.MarkupLineInterpolated($"local executor: {units.Count} unit(s) on {workers} worker(s){onGpus}");

        while (pending.Count > 0 || running.Count > 0)
        {
            if (cancellation.IsCancellationRequested && !stopping)
            {
                stopping = true;
                foreach (var unit in pending) Finish(unit, "CANCELLED", "interrupted");
                pending.Clear();
                foreach (var run in running) Terminate(run.Process);
                if (running.Count > 0)
                    _console.MarkupLine("[yellow]interrupted: asked the running jobs to stop at a safe point[/]");
            }
            foreach (var unit in pending.ToList())
            {
                var needed = units.Where(u => unit.Job.After.Contains(u.Job.Name)).ToList();
                if (needed.Any(u => u.Failed))
                {
                    pending.Remove(unit);
                    Finish(unit, "CANCELLED", "DependencyNeverSatisfied");
                }
                else if (needed.All(u => u.State == "COMPLETED") && free.Count > 0)
                {
                    pending.Remove(unit);
                    var worker = free.Min;
                    free.Remove(worker);
                    running.Add(Start(unit, worker, LocalGpus.For(worker, gpus)));
                }
            }
            if (running.Count == 0)
            {
                if (pending.Count == 0) break;
                throw new InvalidOperationException(
                    $"local executor: nothing runs and {pending.Count} unit(s) wait: the plan's order is broken.");
            }
            var index =
                Task.WaitAny([.. running.Select(r => r.Process.WaitForExitAsync())], TimeSpan.FromMilliseconds(500));
            if (index < 0) continue;
            var done = running[index];
            running.RemoveAt(index);
            free.Add(done.Worker);
            done.Process.WaitForExit();
            var exit = done.Process.ExitCode;
            done.Unit.Exit = exit;
            done.Unit.Seconds = Math.Round(done.Clock.Elapsed.TotalSeconds, 1);
            done.Process.Dispose();
            Finish(done.Unit, exit == 0 ? "COMPLETED" : stopping && exit is 130 or 143 ? "CANCELLED" : "FAILED",
                stopping && exit != 0 ? "interrupted" : null);
        }
    }

    private Running Start(Unit unit, int worker, string? gpu)
    {
        // setsid: the unit gets a process group of its own, so a stop reaches every process of its script.
        var setsid = File.Exists("/usr/bin/setsid") ? "/usr/bin/setsid" : null;
        var start = new ProcessStartInfo(setsid ?? "bash") { UseShellExecute = false };
        if (setsid is not null) start.ArgumentList.Add("bash");
        foreach (var arg in new[] { "-c", "exec bash \"$0\" >\"$1\" 2>&1", unit.Script, unit.Log })
            start.ArgumentList.Add(arg);
        if (unit.Task is { } task)
            start.Environment["SLURM_ARRAY_TASK_ID"] = task.ToString(CultureInfo.InvariantCulture);
        if (gpu is not null) start.Environment["CUDA_VISIBLE_DEVICES"] = gpu;
        unit.State = "RUNNING";
        var process = Process.Start(start)!;
        Save();
        _console.MarkupLineInterpolated(
            $"{unit.Label}: started (worker {worker + 1}{(gpu is null ? "" : $", GPU {gpu}")})");
        return new Running(unit, process, worker, Stopwatch.StartNew());
    }

    private void Finish(Unit unit, string state, string? reason)
    {
        unit.State = state;
        unit.Reason = reason;
        Save();
        var took = unit.Seconds is { } s ? $" in {s.ToString("0.0", CultureInfo.InvariantCulture)} s" : "";
        var why = reason is null ? "" : $" ({reason})";
        if (state == "COMPLETED") _console.MarkupLineInterpolated($"[green]{unit.Label}: COMPLETED[/]{took}");
        else if (unit.Exit is { } exit)
        {
            var error = File.Exists(unit.Log) ? SweepStatus.LastError(File.ReadAllText(unit.Log)) : null;
            var log = Config.ConfigOrigin.DisplayPath(unit.Log) + (error is null ? "" : $": {error}");
            _console.MarkupLineInterpolated($"[red]{unit.Label}: {state}{why}, exit {exit}{took}[/]; log {log}");
        }
        else _console.MarkupLineInterpolated($"[yellow]{unit.Label}: {state}{why}[/]");
    }

    private IReadOnlyList<Unit> _units = [];

    /// <summary>
    /// Writes every unit's state into the record (atomically), so `idc sweep status` can follow a local sweep.
    /// </summary>
    private void Save()
    {
        foreach (var job in _units.GroupBy(u => u.Job.Name))
        {
            var submitted = _submission.Jobs.Single(j => j.Name == job.Key);
            _submission = _submission.With(submitted with
            {
                Outcomes = job.Select(u => new UnitOutcome(u.Task, u.State, u.Exit, u.Reason, u.Seconds)).ToList(),
            });
        }
        _record = _record.With(_submission);
        _record.Write(_sweepFolder);
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private const int SigTerm = 15;

    private static void Terminate(Process process)
    {
        try
        {
            // The group first (the script and what it started), then the process itself where it has no group of its
            // own.
            Kill(-process.Id, SigTerm);
            Kill(process.Id, SigTerm);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
