using IdcRepro.Pipeline;

namespace IdcRepro.Training;

/// <summary>
/// Saves and restores a run's checkpoints in its work folder so that a crash at any instant leaves a consistent state:
/// an epoch's model and optimizer files are written under epoch-numbered names (each atomically), then history.csv,
/// then last.json is replaced atomically to point at them (the commit point), then best.pt is copied when the epoch
/// improved.
/// Files no longer named by last.json are removed afterwards. A resume trusts only what last.json names and its hashes.
/// </summary>
internal sealed class CheckpointStore(TrainingFiles files, string fingerprint)
{
    private const string Remedy = "Delete the work folder (or rerun with --force) to train from the start.";

    /// <summary>The last committed checkpoint, verified, or null when the folder has none.</summary>
    /// <exception cref="TrainingCheckpointException">last.json or a file it names is unreadable, damaged, missing or
    /// from another run.</exception>
    public CheckpointState? Load()
    {
        if (!File.Exists(files.Last)) return null;
        var state = TrainingJson.Read<CheckpointState>(files.Last, Remedy);
        if (state.Format != CheckpointState.CurrentFormat)
            throw new TrainingCheckpointException(files.Last,
                $"{files.Last} has checkpoint format {state.Format}; this version " +
                $"reads {CheckpointState.CurrentFormat}. {Remedy}");
        if (state.Fingerprint != fingerprint)
            throw new TrainingCheckpointException(files.Last,
                $"{files.Last} is the checkpoint of another run: the train config or the training data " +
                $"differ. {Remedy}");
        if (state.Progress.Epoch < 1 || state.Progress.History.Count != state.Progress.Epoch)
            throw new TrainingCheckpointException(files.Last,
                $"{files.Last} is inconsistent: epoch {state.Progress.Epoch} with {state.Progress.History.Count} " +
                $"history rows. {Remedy}");
        Verify(state.ModelFile, state.ModelSha256);
        Verify(state.OptimizerFile, state.OptimizerSha256);
        Verify(state.BestModelFile, state.BestModelSha256);
        return state;
    }

    /// <summary>Loads the checkpoint's model and optimizer state into the session.</summary>
    public void Restore(TrainingSession session, CheckpointState state)
    {
        var model = PathOf(state.ModelFile);
        var optimizer = PathOf(state.OptimizerFile);
        Guard(model, () => session.Model.load(model));
        Guard(optimizer, () => session.Optimizer.load_state_dict(optimizer));
    }

    /// <summary>
    /// Brings the derived files in line with a loaded checkpoint: best.pt, history.csv, no stale checkpoints.
    /// </summary>
    public void Reconcile(CheckpointState state)
    {
        if (!File.Exists(files.Best) || Hashing.FileSha256(files.Best) != state.BestModelSha256)
            AtomicFile.WriteAllBytes(files.Best, File.ReadAllBytes(PathOf(state.BestModelFile)));
        HistoryCsv.Write(files.History, state.Progress.History);
        RemoveStale(state);
    }

    /// <summary>
    /// Commits the session's state after <paramref name="progress"/>'s epoch; see the class summary for the order.
    /// </summary>
    public CheckpointState Save(TrainingSession session, TrainingProgress progress, bool improved,
        CheckpointState? previous)
    {
        var epoch = progress.Epoch;
        var model = Serialize(writer => session.Model.save(writer));
        var optimizer = Serialize(writer => session.Optimizer.save_state_dict(writer));
        AtomicFile.WriteAllBytes(files.CheckpointModel(epoch), model);
        AtomicFile.WriteAllBytes(files.CheckpointOptimizer(epoch), optimizer);
        HistoryCsv.Write(files.History, progress.History);

        var modelFile = Relative(files.CheckpointModel(epoch));
        var modelSha256 = Hashing.Sha256Hex(model);
        var state = new CheckpointState(
            CheckpointState.CurrentFormat, fingerprint, progress,
            modelFile, modelSha256,
            Relative(files.CheckpointOptimizer(epoch)), Hashing.Sha256Hex(optimizer),
            improved || previous is null ? modelFile : previous.BestModelFile,
            improved || previous is null ? modelSha256 : previous.BestModelSha256);
        AtomicFile.WriteAllText(files.Last, TrainingJson.Serialize(state));

        if (improved) AtomicFile.WriteAllBytes(files.Best, model);
        RemoveStale(state);
        return state;
    }

    private void Verify(string relative, string sha256)
    {
        var path = PathOf(relative);
        if (!File.Exists(path))
            throw new TrainingCheckpointException(path, $"{path} is missing, though {files.Last} names it. {Remedy}");
        if (Hashing.FileSha256(path) != sha256)
            throw new TrainingCheckpointException(path,
                $"{path} is damaged: its SHA-256 differs from the one {files.Last} recorded. {Remedy}");
    }

    private static void Guard(string path, Action load)
    {
        try
        {
            load();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new TrainingCheckpointException(path,
                $"{path} could not be loaded ({e.Message}). Delete the work folder (or rerun with --force) to train " +
                "from the start.", e);
        }
    }

    private static byte[] Serialize(Action<BinaryWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            write(writer);
            writer.Flush();
        }
        return stream.ToArray();
    }

    private void RemoveStale(CheckpointState state)
    {
        var keep = new HashSet<string>(
            new[] { state.ModelFile, state.OptimizerFile, state.BestModelFile }.Select(PathOf), StringComparer.Ordinal);
        if (Directory.Exists(files.Checkpoints))
            foreach (var file in Directory.EnumerateFiles(files.Checkpoints))
                if (!keep.Contains(Path.GetFullPath(file))) File.Delete(file);
        foreach (var temporary in Directory.EnumerateFiles(files.Folder, ".*.tmp")) File.Delete(temporary);
    }

    private string PathOf(string relative) => Path.GetFullPath(Path.Combine(files.Folder, relative));

    private string Relative(string path) => Path.GetRelativePath(files.Folder, path).Replace('\\', '/');
}

/// <summary>
/// A file in a training work folder is missing, corrupt or from another run; the message names it and says what to do.
/// </summary>
public sealed class TrainingCheckpointException : Exception
{
    public TrainingCheckpointException(string path, string message, Exception? inner = null) : base(message, inner) =>
        FilePath = path;

    /// <summary>The file at fault.</summary>
    public string FilePath { get; }
}
