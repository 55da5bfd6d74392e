using IdcRepro.Pipeline;
using IdcRepro.Tests.TestSupport;

namespace IdcRepro.Tests.Pipeline;

public sealed class StageCacheTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly StageCache _cache;

    public StageCacheTests()
    {
        var layout = ArtifactLayout.At(_temp.Path);
        _cache = new StageCache(layout, new ContentHasher(layout.StateRoot));
    }

    public void Dispose() => _temp.Dispose();

    private sealed record Section(int Value);

    private static StageKey Key(int value = 1, string input = "abc") =>
        StageKey.For("Demo", 1, new Section(value), new Dictionary<string, string> { ["upstream"] = input });

    private int _runs;

    private StageResult Run(StageKey key, bool force = false) => _cache.GetOrRun(key, force, work =>
    {
        _runs++;
        File.WriteAllText(Path.Combine(work, "out.txt"), $"made from {key.SectionJson}");
        return StageProducts.None;
    });

    [Fact]
    public void Second_run_is_up_to_date_and_force_reruns()
    {
        Assert.True(Run(Key()).Ran);
        Assert.False(Run(Key()).Ran);
        Assert.True(Run(Key(), force: true).Ran);
        Assert.Equal(2, _runs);
    }

    [Fact]
    public void Key_changes_with_section_input_or_version_and_each_gets_its_own_folder()
    {
        var a = Run(Key(1));
        var b = Run(Key(2));
        var c = Run(Key(1, "other input"));
        var d = _cache.GetOrRun(StageKey.For("Demo", 2, new Section(1), Key().Inputs), false, _ => StageProducts.None);
        Assert.Equal(4, new[] { a, b, c, d }.Select(r => r.Directory).Distinct().Count());
    }

    [Fact]
    public void Stamp_records_outputs_inputs_and_config()
    {
        var result = Run(Key());
        Assert.Equal("abc", result.Stamp.Inputs["upstream"]);
        Assert.Equal(1, result.Stamp.Config.GetProperty("value").GetInt32());
        var output = result.Stamp.Outputs["out.txt"];
        Assert.Equal(Hashing.FileSha256(Path.Combine(result.Directory, "out.txt")), output.Sha256);
    }

    [Fact]
    public void An_interrupted_run_leaves_nothing_that_is_trusted()
    {
        var key = Key();
        Assert.Throws<InvalidOperationException>(() => _cache.GetOrRun(key, false, work =>
        {
            File.WriteAllText(Path.Combine(work, "out.txt"), "half");
            throw new InvalidOperationException("killed");
        }));
        Assert.Null(_cache.Find(key).Stamp);
        Assert.False(Directory.Exists(_cache.Layout.StageDirectory(key)));
        Assert.True(Run(key).Ran);
    }

    [Fact]
    public void Output_that_no_longer_matches_its_stamp_is_made_again()
    {
        var first = Run(Key());
        File.WriteAllText(Path.Combine(first.Directory, "out.txt"), "truncated");
        Assert.Null(_cache.Find(Key()).Stamp);
        Assert.True(Run(Key()).Ran);
    }

    [Fact]
    public void Corrupt_stamp_is_not_trusted()
    {
        var first = Run(Key());
        File.WriteAllText(Path.Combine(first.Directory, Stamp.FileName), "{ not json");
        Assert.Null(_cache.Find(Key()).Stamp);
    }

    [Fact]
    public void Resumable_stage_finds_what_the_interrupted_attempt_left()
    {
        var key = Key();
        Assert.Throws<InvalidOperationException>(() => _cache.GetOrRun(key, false, work =>
        {
            File.WriteAllText(Path.Combine(work, "checkpoint"), "epoch 3");
            throw new InvalidOperationException("killed");
        }, resumable: true));
        string? seen = null;
        _cache.GetOrRun(key, false, work =>
        {
            seen = File.ReadAllText(Path.Combine(work, "checkpoint"));
            return StageProducts.None;
        }, resumable: true);
        Assert.Equal("epoch 3", seen);
    }

    private static IOException DiskFull(string path) => new($"No space left on device : '{path}'", 28);

    [Fact]
    public void A_full_disk_names_the_stage_folder_and_removes_the_half_made_output()
    {
        var key = Key();
        var before = Run(key, force: true);

        var e = Assert.Throws<WriteFailedException>(() => _cache.GetOrRun(key, true, work =>
        {
            File.WriteAllBytes(Path.Combine(work, "images.npy"), new byte[12_345]);
            throw DiskFull(Path.Combine(work, "images.npy"));
        }));

        var root = _cache.Layout.StageRoot("Demo");
        Assert.StartsWith($"no space left on the disk of {root} to write the Demo output: it had written 12.3 kB " +
            "when the disk filled, ", e.Message);
        Assert.Contains("free there. Free some space", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Empty(Directory.GetDirectories(root, ".partial-*"));
        // The output made before is still there and still trusted.
        Assert.Equal(before.Stamp.OutputHash, _cache.Find(key).Stamp?.OutputHash);
    }

    [Fact]
    public void A_full_disk_in_a_resumable_stage_keeps_its_work_for_the_rerun()
    {
        var key = Key();
        var e = Assert.Throws<WriteFailedException>(() => _cache.GetOrRun(key, false, work =>
        {
            File.WriteAllText(Path.Combine(work, "checkpoint"), "epoch 3");
            throw DiskFull(Path.Combine(work, "checkpoint-4"));
        }, resumable: true));

        Assert.Contains("then rerun (Demo goes on from what it kept in", e.Message);
        Assert.Null(_cache.Find(key).Stamp);
        Assert.Single(Directory.GetDirectories(_cache.Layout.StageRoot("Demo"), ".partial-*"));
    }

    [Fact]
    public void A_write_that_fails_inside_a_stage_is_cleaned_up_too()
    {
        var key = Key();
        using (WriteFaults.DiskFullUnder(_temp.Path))
        {
            var e = Assert.Throws<WriteFailedException>(() => _cache.GetOrRun(key, false, work =>
            {
                AtomicFile.WriteAllText(Path.Combine(work, "summary.json"), "{}");
                return StageProducts.None;
            }));
            Assert.StartsWith(
                $"no space left on the disk of {_cache.Layout.StageRoot("Demo")} to write the Demo output: ",
                e.Message);
        }
        Assert.Empty(Directory.GetDirectories(_cache.Layout.StageRoot("Demo"), ".partial-*"));
        Assert.True(Run(key).Ran);
    }

    [Fact]
    public async Task A_run_that_finds_another_making_the_same_output_waits_for_it_then_uses_it()
    {
        var key = Key();
        using var making = new ManualResetEventSlim();
        using var finish = new ManualResetEventSlim();
        var first = Task.Run(() => _cache.GetOrRun(key, false, work =>
        {
            making.Set();
            finish.Wait();
            File.WriteAllText(Path.Combine(work, "out.txt"), "made once");
            return StageProducts.None;
        }));
        Assert.True(making.Wait(TimeSpan.FromSeconds(30)));

        var said = new List<string>();
        var second = Task.Run(() =>
            _cache.GetOrRun(key, false, _ => throw new InvalidOperationException("made twice"), onWait: said.Add));
        Assert.True(SpinWait.SpinUntil(() => said.Count > 0, TimeSpan.FromSeconds(30)),
            "the second run never said it was waiting");
        Assert.False(second.IsCompleted);
        finish.Set();

        var (made, used) = (await first, await second);
        Assert.True(made.Ran);
        Assert.False(used.Ran);
        Assert.Equal(made.Stamp.OutputHash, used.Stamp.OutputHash);
        Assert.Equal($"Demo: another process is making the same output ({key.Short}); waiting for it (at most 24 h), " +
            "then using it", Assert.Single(said));
    }

    [Fact]
    public async Task The_wait_for_another_run_is_bounded_and_says_what_to_do()
    {
        var key = Key();
        var patient = new StageCache(_cache.Layout,
            new ContentHasher(_cache.Layout.StateRoot))
        { LockWait = TimeSpan.FromMilliseconds(400) };
        using var finish = new ManualResetEventSlim();
        using var making = new ManualResetEventSlim();
        var first = Task.Run(() => _cache.GetOrRun(key, false, work =>
        {
            making.Set();
            finish.Wait();
            File.WriteAllText(Path.Combine(work, "out.txt"), "slow");
            return StageProducts.None;
        }));
        Assert.True(making.Wait(TimeSpan.FromSeconds(30)));
        try
        {
            var e = Assert.Throws<StageException>(() => patient.GetOrRun(key, false, _ => StageProducts.None));
            Assert.StartsWith("Demo: another process has been making the same output for 0.4 s (", e.Message);
            Assert.EndsWith("is locked). Check for a stuck run (a job of a sweep?), stop it, then rerun.", e.Message);
        }
        finally
        {
            finish.Set();
        }
        Assert.True((await first).Ran);
    }
}
