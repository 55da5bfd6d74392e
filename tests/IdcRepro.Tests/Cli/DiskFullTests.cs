using IdcRepro.Cli;
using IdcRepro.Pipeline;
using IdcRepro.Tests.TestSupport;

namespace IdcRepro.Tests.Cli;

/// <summary>
/// A full disk: a stage that must write fails with one line naming the folder (exit 1) and leaves no half-made output;
/// an up-to-date stage goes on with a warning about the run folder. On a real 16 MB tmpfs where it can be mounted (as
/// root), else with writes failing by injection.
/// </summary>
public sealed class DiskFullTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_full_disk_fails_a_stage_in_one_line_and_never_an_up_to_date_one()
    {
        var config = TestRuns.TinySyntheticConfig(_temp);
        var artifacts = _temp.PathOf("artifacts");
        using var disk = SmallDisk.TryMount(artifacts, 16);
        new TestRun(config, artifacts).Through(Graph.Split);
        var split = new TestRun(config, artifacts).Stage(Graph.Split);

        // Injected everywhere; the real thing too where a disk could be mounted.
        Check(Injected(config, artifacts));
        if (disk is not null) Check(OnFullDisk(disk));

        void Check((IdcOutcome UpToDate, IdcOutcome Forced) outcome)
        {
            var (upToDate, forced) = outcome;
            Assert.True(upToDate.ExitCode == 0, upToDate.Error);
            Assert.Empty(upToDate.ErrorLines);

            Assert.Equal(1, forced.ExitCode);
            var line = Assert.Single(forced.ErrorLines);
            Assert.StartsWith($"error: no space left on the disk of {Path.Combine(artifacts, "cache", "split")} " +
                "to write the Split output", line);
            Assert.EndsWith("or give --artifacts a folder on a disk with room, then rerun.", line);

            // What was made before is intact and trusted; nothing half-made is left.
            var again = new TestRun(config, artifacts);
            Assert.Equal(split.Stamp.OutputHash, again.Runner.Require(Graph.Split, again.Run).Stamp.OutputHash);
            Assert.Empty(Directory.GetDirectories(Path.Combine(artifacts, "cache", "split"), ".partial-*"));
        }
    }

    /// <summary>The real thing: the disk filled to the last byte, idc run as the user runs it.</summary>
    private (IdcOutcome UpToDate, IdcOutcome Forced) OnFullDisk(SmallDisk disk)
    {
        disk.Fill();
        var upToDate = IdcProcess.Run(_temp.Path, "split", "--config", "tiny.yaml", "--artifacts", "artifacts");
        // Up to date, its run folder already current: it writes nothing, so a full disk costs it nothing.
        Assert.Contains("Split: up to date", upToDate.Output);
        var forced =
            IdcProcess.Run(_temp.Path, "split", "--config", "tiny.yaml", "--artifacts", "artifacts", "--force");
        return (upToDate, forced);
    }

    /// <summary>
    /// Where no disk can be mounted: every atomic write under the artifacts folder fails as a full disk's would.
    /// </summary>
    private static (IdcOutcome UpToDate, IdcOutcome Forced) Injected(string config, string artifacts)
    {
        using var full = WriteFaults.DiskFullUnder(artifacts);
        return (InProcess("split", "--config", config, "--artifacts", artifacts),
            InProcess("split", "--config", config, "--artifacts", artifacts, "--force"));
    }

    private static IdcOutcome InProcess(params string[] args)
    {
        var error = new StringWriter();
        var exit = IdcApp.Run(args, error);
        return new IdcOutcome(exit, "", error.ToString());
    }
}
