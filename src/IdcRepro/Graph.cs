using IdcRepro.Config;
using IdcRepro.Evaluation;
using IdcRepro.Fetch;
using IdcRepro.Indexing;
using IdcRepro.Pipeline;
using IdcRepro.Preprocess;
using IdcRepro.Reporting;
using IdcRepro.Sampling;
using IdcRepro.Training;

namespace IdcRepro;

/// <summary>
/// The graph, declared once: every stage's name, code version, the config section it reads, the upstream outputs it
/// reads and the files it writes. Keys are made from exactly these declarations (<see cref="PipelineRunner"/>), a stage
/// is handed nothing else (<see cref="StageRun"/>), and the `idc` stage commands, the Cake tasks (through
/// <c>idc graph</c>), Compare and the report loader all take their stage list from <see cref="Stages"/>.
/// Each stage's shell (<c>XStage</c>: reads its inputs, writes its files, says what it did) sits in its family's folder
/// beside the pure core it calls: Fetch/, Indexing/, Preprocess/, Sampling/ (Split, Undersample), Training/ (Train),
/// Evaluation/ (Evaluate, CrossValidate), Reporting/ (Report); Pipeline/ is the engine that keys, runs and caches them.
/// </summary>
public static class Graph
{
    public static readonly StageDefinition Fetch = new()
    {
        Name = "Fetch", Version = 2, SectionName = "data", Section = c => c.Data, Reads = [],
        Summary = "Make the dataset available (synthetic, zip, directory or url) and record its content hash.",
        Outputs = [FetchStage.DatasetFile], Produce = FetchStage.Produce, ExternalMismatch = FetchStage.DatasetChanged,
    };

    public static readonly StageDefinition Index = new()
    {
        Name = "Index", Version = 1, SectionName = "index", Section = c => c.Index, Reads = [new(Fetch)],
        Summary = "Index every patch: patient, x, y, class; sorted; duplicates dropped.",
        Outputs = [IndexCsv.FileName], Produce = IndexStage.Produce,
    };

    public static readonly StageDefinition Preprocess = new()
    {
        Name = "Preprocess", Version = 2, SectionName = "preprocess", Section = c => c.Preprocess, Reads =
            [new(Index), new(Fetch)],
        Summary = "Decode patches into the uint8 .npy cache (images.npy, labels.npy).",
        Outputs = [PreprocessStage.ImagesFile, PreprocessStage.LabelsFile, PreprocessStage.PatchesFile], Produce =
            PreprocessStage.Produce,
    };

    public static readonly StageDefinition Split = new()
    {
        Name = "Split", Version = 1, SectionName = "split", Section = c => c.Split, Reads = [new(Preprocess)],
        Summary = "Split into train / validation / test with a fixed seed.",
        Outputs = [.. RowLists.FileNames, SplitStage.SummaryFile], Produce = SplitStage.Produce,
    };

    public static readonly StageDefinition Undersample = new()
    {
        Name = "Undersample", Version = 1, SectionName = "undersample", Section = c => c.Undersample, Reads =
            [new(Split), new(Preprocess)],
        Summary = "Undersample the majority class in the configured sets.",
        Outputs = [.. RowLists.FileNames, UndersampleStage.SummaryFile], Produce = UndersampleStage.Produce,
    };

    public static readonly StageDefinition Train = new()
    {
        Name = "Train", Version = 2, SectionName = "train", Section = c => c.Train, Reads =
            [new(Preprocess), new(Undersample)],
        Summary = "Train the CNN (resumes an interrupted run; --force starts it over).",
        Outputs = [TrainingFiles.BestFile, TrainStage.SummaryFile, TrainStage.EpochsFile, HistoryCsv.FileName,
            Normalizer.FileName, ModelDescription.FileName],
        Produce = TrainStage.Produce, Resumable = true,
    };

    public static readonly StageDefinition Evaluate = new()
    {
        Name = "Evaluate", Version = 2, SectionName = "evaluate", Section = EvaluateSection.Of,
        Files = c => ConfigPaths.Of(c.Evaluate, "evaluate"),
        Reads = [new(Train), new(Undersample), new(Split), new(Preprocess)],
        Summary = "Score the held-out patches with the best checkpoint: the undersampled test set, every patch of " +
            "the test patients, the external sets.",
        Outputs = EvaluateStage.Outputs, Produce = EvaluateStage.Produce,
    };

    public static readonly StageDefinition CrossValidate = new()
    {
        Name = "CrossValidate", Version = 1, SectionName = "evaluate", Section = CrossValidateSection.Of,
        Files = _ => [], // the external sets reach it only through the folds' Evaluate outputs
        Reads = [new(Evaluate, ReadScope.Family)],
        Summary = "Combine a patient k-fold's folds: per-fold metrics, mean ± sd, pooled out-of-fold metrics with " +
            "intervals; external sets by the mean of the fold models.",
        Outputs = CrossValidateStage.Outputs, Produce = CrossValidateStage.Produce,
    };

    public static readonly StageDefinition Report = new()
    {
        Name = "Report", Version = 2, SectionName = "", Section = c => c,
        Files = c => ConfigPaths.Of(c.Evaluate, "evaluate"), // the external sets' pixels, for their tissue maps
        Reads = [new(Fetch), new(Index), new(Preprocess), new(Split), new(Undersample), new(Train), new(Evaluate),
            new(Evaluate, ReadScope.Family), new(CrossValidate)],
        Summary = "Render the run's report: report.html (self-contained) and report.md.",
        Outputs = [ReportStage.PageFile, "report.md"], Produce = ReportStage.Produce, Announce = ReportStage.Announce,
    };

    /// <summary>Every stage, each after all it reads.</summary>
    public static IReadOnlyList<StageDefinition> Stages { get; } =
        [Fetch, Index, Preprocess, Split, Undersample, Train, Evaluate, CrossValidate, Report];

    /// <summary>The stage of a name, in any case (the CLI's and Cake's names).</summary>
    public static StageDefinition? Find(string name) =>
        Stages.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The stages a stage reads, directly or through others, in graph order.</summary>
    public static IReadOnlyList<StageDefinition> Upstream(StageDefinition stage)
    {
        var needed = new HashSet<string>(StringComparer.Ordinal);
        void Visit(StageDefinition s)
        {
            foreach (var read in s.Reads)
                if (needed.Add(read.Stage.Name)) Visit(read.Stage);
        }
        Visit(stage);
        return Stages.Where(s => needed.Contains(s.Name)).ToList();
    }
}
