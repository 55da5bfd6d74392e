using System.Text.Json;
using System.Text.Json.Serialization;
using IdcRepro.Pipeline;

namespace IdcRepro.Sweeps;

/// <summary>
/// artifacts/sweeps/&lt;id&gt;/sweep.json: what a sweep is (its variants, overrides, artifacts folder) and every
/// submission of it: which jobs, with which Slurm ids, scripts, logs and array tasks (and, for the local executor, how
/// each ended).
/// Written atomically after every change, so <c>idc sweep status</c> reads a whole record at any time.
/// </summary>
public sealed record SweepRecord
{
    public const string FileName = "sweep.json";

    public required string Id { get; init; }
    public required string WorkingDirectory { get; init; }
    public required string Artifacts { get; init; }
    public required IReadOnlyList<string> Variants { get; init; }
    public IReadOnlyList<string> Sets { get; init; } = [];
    public IReadOnlyList<SweepSubmission> Submissions { get; init; } = [];

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        WriteIndented = true,
    };

    /// <summary>The record in a sweep folder, or null when there is none yet.</summary>
    /// <exception cref="StageException">The file exists but cannot be read as a sweep record.</exception>
    public static SweepRecord? Read(string sweepFolder)
    {
        var path = Path.Combine(sweepFolder, FileName);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<SweepRecord>(File.ReadAllText(path), Json)
                   ?? throw new JsonException("empty");
        }
        catch (JsonException e)
        {
            throw new StageException(
                $"{path}: not a readable sweep record ({e.Message.TrimEnd('.')}). Move it aside to start the " +
                "sweep's record afresh.");
        }
    }

    public void Write(string sweepFolder) =>
        AtomicFile.WriteAllText(Path.Combine(sweepFolder, FileName), JsonSerializer.Serialize(this, Json) + "\n");

    public SweepRecord With(SweepSubmission submission) =>
        this with { Submissions = [.. Submissions.Where(s => s.Number != submission.Number), submission] };
}

/// <summary>One submission of a sweep: the jobs planned then, and where their scripts and logs are.</summary>
public sealed record SweepSubmission
{
    public required int Number { get; init; }
    public required ExecutorKind Executor { get; init; }
    public required string Profile { get; init; }
    public required DateTimeOffset SubmittedUtc { get; init; }

    /// <summary>Absolute: the scripts and logs of this submission.</summary>
    public required string Folder { get; init; }

    public required IReadOnlyList<SubmittedJob> Jobs { get; init; }

    public SweepSubmission With(SubmittedJob job) =>
        this with { Jobs = Jobs.Select(j => j.Name == job.Name ? job : j).ToList() };
}

/// <summary>A job as submitted: its plan entry, its Slurm id (or "local"), script, and what it waits for.</summary>
public sealed record SubmittedJob
{
    public required string Name { get; init; }
    public required SweepJobKind Kind { get; init; }

    /// <summary>Slurm's job id (an array's id), "local" for the local executor; null until submitted.</summary>
    public string? JobId { get; init; }

    public required string Script { get; init; }
    public required IReadOnlyList<string> Variants { get; init; }
    public required IReadOnlyList<string> Calls { get; init; }
    public IReadOnlyList<SubmittedTask> Tasks { get; init; } = [];
    public required IReadOnlyList<string> After { get; init; }

    /// <summary>The Slurm ids of <see cref="After"/>, as --dependency=afterok named them.</summary>
    public IReadOnlyList<string> AfterIds { get; init; } = [];

    public required int Cpus { get; init; }
    public int Gpus { get; init; }

    /// <summary>
    /// How each unit (the job, or each array task) ended under the local executor; empty under Slurm (Slurm knows).
    /// </summary>
    public IReadOnlyList<UnitOutcome> Outcomes { get; init; } = [];

    public bool IsArray => Kind == SweepJobKind.Train;

    /// <summary>The log of the job, or of one array task.</summary>
    public string? Log(string folder, int? task = null) => JobId is { } id ? JobLog.Of(folder, Name, id, task) : null;
}

/// <summary>
/// Array task <paramref name="Index"/> trains and evaluates run <paramref name="Run"/> of <paramref name="Variant"/>.
/// </summary>
public sealed record SubmittedTask(int Index, string Variant, string Run);

/// <summary>
/// How a unit ended under the local executor: a state as Slurm names them (COMPLETED, FAILED, CANCELLED, RUNNING,
/// PENDING).
/// </summary>
public sealed record UnitOutcome(int? Task, string State, int? ExitCode = null, string? Reason = null, double? Seconds =
    null);
