// IdcRepro's task graph. Each stage task calls one `idc` subcommand; the stage itself decides whether it is
// up to date (from its stamp) and says so. No data logic lives here.
//   ./build.sh --target <Task> --config <file or name> [--set section.key=value ...] [--force]
// --config goes to `idc` as given: it resolves bare names (baseline.yaml, baseline) through configs/ and configs/ablations/.
// Tasks: Fetch -> Index -> Preprocess -> Split -> Undersample -> Train -> Evaluate -> Report; Compare, Bench, Build, Test, Clean.

var target = Argument("target", "Report");
var configFiles = Arguments<string>("config", new[] { "configs/demo.yaml" });
var configFile = configFiles.First();
var overrides = Arguments<string>("set", Array.Empty<string>());
var force = HasArgument("force");
var buildConfiguration = Argument("configuration", "Release");

// Cake runs with the script's folder (build/) as its working directory; the repository root is one up.
var root = MakeAbsolute(Context.Environment.WorkingDirectory.Combine("..")).Collapse();
var artifacts = root.Combine("artifacts");
var cli = root.CombineWithFilePath($"src/IdcRepro.Cli/bin/{buildConfiguration}/net10.0/idc.dll");

void Idc(string command, bool isTarget, string config = null)
{
    var args = new ProcessArgumentBuilder()
        .AppendQuoted(cli.FullPath)
        .Append(command)
        .Append("--config").AppendQuoted(config ?? configFile)
        .Append("--artifacts").AppendQuoted(artifacts.FullPath);
    foreach (var assignment in overrides) args.Append("--set").AppendQuoted(assignment);
    if (force && isTarget) args.Append("--force");   // --force reruns the target stage, not its upstream
    var exit = StartProcess("dotnet", new ProcessSettings { Arguments = args, WorkingDirectory = root });
    if (exit != 0) throw new CakeException(exit, $"idc {command} failed (exit code {exit}); see the message above.");
}

void StageTask(string name, string dependency) =>
    Task(name).IsDependentOn(dependency).Does(() => Idc(name.ToLowerInvariant(), target == name));

Task("Build")
    .Does(() => DotNetBuild(root.CombineWithFilePath("src/IdcRepro.Cli/IdcRepro.Cli.csproj").FullPath,
        new DotNetBuildSettings { Configuration = buildConfiguration, Verbosity = DotNetVerbosity.Quiet, NoLogo = true }));

StageTask("Fetch", "Build");
StageTask("Index", "Fetch");
StageTask("Preprocess", "Index");
StageTask("Split", "Preprocess");
StageTask("Undersample", "Split");
StageTask("Train", "Undersample");
StageTask("Evaluate", "Train");
StageTask("Report", "Evaluate");

// Compare: every --config (a file, a name in configs/, or a folder of variants) is run through Evaluate, then one page.
// `idc variants` says which files those stand for; Cake runs them and never resolves a name itself.
Task("Compare")
    .IsDependentOn("Build")
    .Does(() =>
    {
        var list = new ProcessArgumentBuilder().AppendQuoted(cli.FullPath).Append("variants");
        foreach (var config in configFiles) list.Append("--config").AppendQuoted(config);
        if (StartProcess("dotnet", new ProcessSettings { Arguments = list, WorkingDirectory = root, RedirectStandardOutput = true }, out var listed) != 0)
            throw new CakeException("idc variants failed; see the message above.");
        var variants = listed.Where(line => line.Length > 0).ToList();
        foreach (var variant in variants)
            foreach (var stage in new[] { "fetch", "index", "preprocess", "split", "undersample", "train", "evaluate" })
                Idc(stage, false, variant);
        var args = new ProcessArgumentBuilder().AppendQuoted(cli.FullPath).Append("compare").Append("--artifacts").AppendQuoted(artifacts.FullPath);
        foreach (var variant in variants) args.Append("--config").AppendQuoted(variant);
        foreach (var assignment in overrides) args.Append("--set").AppendQuoted(assignment);
        if (StartProcess("dotnet", new ProcessSettings { Arguments = args, WorkingDirectory = root }) != 0) throw new CakeException("idc compare failed; see the message above.");
    });

Task("Bench")
    .IsDependentOn("Build")
    .Does(() => Idc("bench", true));

Task("Test")
    .Does(() => DotNetTest(root.CombineWithFilePath("IdcRepro.sln").FullPath,
        new DotNetTestSettings { Configuration = buildConfiguration, NoLogo = true }));

Task("Clean")
    .IsDependentOn("Build")
    .Does(() =>
    {
        var args = new ProcessArgumentBuilder().AppendQuoted(cli.FullPath).Append("clean").Append("--artifacts").AppendQuoted(artifacts.FullPath);
        if (HasArgument("downloads")) args.Append("--downloads");
        if (StartProcess("dotnet", new ProcessSettings { Arguments = args, WorkingDirectory = root }) != 0) throw new CakeException("idc clean failed");
    });

RunTarget(target);
