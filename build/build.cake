// IdcRepro's task graph. The stages and what each reads come from the program itself (`idc graph`, the table in
// src/IdcRepro/Graph.cs): one task per stage, depending on the stages it reads, each calling one `idc`
// subcommand. The stage decides whether it is up to date (from its stamp) and says so. No data logic lives here.
//   ./build.sh --target <Task> --config <file or name> [--set section.key=value ...] [--force] [--artifacts <folder>]
// --config goes to `idc` as given: it resolves bare names (baseline.yaml, baseline) through configs/ and
// configs/ablations/.
// Tasks: the stages (Fetch -> Index -> Preprocess -> Split -> Undersample -> Train -> Evaluate -> CrossValidate ->
// Report); Compare, Sweep (--profile local|slurm|<file>, --jobs N, --wait), Bench, Build, Graph, Test, Clean.

var target = Argument("target", "Report");
var configFiles = Arguments<string>("config", new[] { "configs/demo.yaml" });
var configFile = configFiles.First();
var overrides = Arguments<string>("set", Array.Empty<string>());
var force = HasArgument("force");
// Where outputs go: artifacts/ by default; a folder on shared storage for a cluster (see README, Sweeps).
var buildConfiguration = Argument("configuration", "Release");

// Cake runs with the script's folder (build/) as its working directory; the repository root is one up.
var root = MakeAbsolute(Context.Environment.WorkingDirectory.Combine("..")).Collapse();
var artifacts = HasArgument("artifacts") ? MakeAbsolute(Directory(Argument<string>("artifacts")))
    : root.Combine("artifacts");
var cli = root.CombineWithFilePath($"src/IdcRepro.Cli/bin/{buildConfiguration}/net10.0/idc.dll");

void BuildCli() => DotNetBuild(root.CombineWithFilePath("src/IdcRepro.Cli/IdcRepro.Cli.csproj").FullPath,
    new DotNetBuildSettings { Configuration = buildConfiguration, Verbosity = DotNetVerbosity.Quiet, NoLogo = true });

ProcessArgumentBuilder IdcArguments(string command, IEnumerable<string> configs)
{
    var args = new ProcessArgumentBuilder().AppendQuoted(cli.FullPath).Append(command);
    foreach (var config in configs) args.Append("--config").AppendQuoted(config);
    args.Append("--artifacts").AppendQuoted(artifacts.FullPath);
    foreach (var assignment in overrides) args.Append("--set").AppendQuoted(assignment);
    return args;
}

void Run(ProcessArgumentBuilder args, string what)
{
    var exit = StartProcess("dotnet", new ProcessSettings { Arguments = args, WorkingDirectory = root });
    if (exit != 0) throw new CakeException(exit, $"idc {what} failed (exit code {exit}); see the message above.");
}

// The graph is the program's: build it, then ask it. (A build with nothing changed takes a few seconds.)
BuildCli();
var graphExit = StartProcess("dotnet", new ProcessSettings
{
    Arguments = new ProcessArgumentBuilder().AppendQuoted(cli.FullPath)
        .Append("graph").Append("--format").Append("json"),
    WorkingDirectory = root,
    RedirectStandardOutput = true,
}, out var graphLines);
if (graphExit != 0) throw new CakeException(graphExit, "idc graph failed; see the message above.");
var graph = System.Text.Json.JsonDocument.Parse(string.Join("\n", graphLines)).RootElement;

Task("Build").Does(BuildCli);

foreach (var stage in graph.EnumerateArray())
{
    var name = stage.GetProperty("name").GetString();
    var task = Task(name).IsDependentOn("Build");
    var reads = stage.GetProperty("reads").EnumerateArray()
        .Concat(stage.GetProperty("reads_every_run").EnumerateArray())
        .Select(r => r.GetString()).Distinct();
    foreach (var read in reads) task.IsDependentOn(read);
    // --force reruns the target stage, not its upstream.
    task.Does(() => Run(force && target == name
            ? IdcArguments(name.ToLowerInvariant(), new[] { configFile }).Append("--force")
            : IdcArguments(name.ToLowerInvariant(), new[] { configFile }),
        name.ToLowerInvariant()));
}

// Compare: every --config (or every *.yaml of a folder given as --config); idc compare runs what each variant lacks
// first.
Task("Compare")
    .IsDependentOn("Build")
    .Does(() => Run(IdcArguments("compare", configFiles), "compare"));

// Sweep: every run of every --config (seeds, folds) as jobs where --profile says (profiles/local.yaml, the default: a
// pool of workers here, --jobs N; profiles/slurm.yaml: sbatch, --wait to wait for the jobs); idc plans what is not up
// to date.
Task("Sweep")
    .IsDependentOn("Build")
    .Does(() =>
    {
        var args = IdcArguments("sweep", configFiles).Append("--profile").AppendQuoted(Argument("profile", "local"));
        if (HasArgument("jobs")) args.Append("--jobs").Append(Argument<int>("jobs").ToString());
        if (HasArgument("wait")) args.Append("--wait");
        Run(args, "sweep");
    });

Task("Graph")
    .Does(() => Run(new ProcessArgumentBuilder().AppendQuoted(cli.FullPath).Append("graph"), "graph"));

Task("Bench")
    .IsDependentOn("Build")
    .Does(() => Run(IdcArguments("bench", new[] { configFile }), "bench"));

Task("Test")
    .Does(() => DotNetTest(root.CombineWithFilePath("IdcRepro.sln").FullPath,
        new DotNetTestSettings { Configuration = buildConfiguration, NoLogo = true }));

Task("Clean")
    .IsDependentOn("Build")
    .Does(() =>
    {
        var args = new ProcessArgumentBuilder().AppendQuoted(cli.FullPath).Append("clean")
            .Append("--artifacts").AppendQuoted(artifacts.FullPath);
        if (HasArgument("downloads")) args.Append("--downloads");
        Run(args, "clean");
    });

RunTarget(target);
