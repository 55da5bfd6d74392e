using IdcRepro.Sweeps;

namespace IdcRepro.Tests.Sweeps;

public sealed class JobCpusTests
{
    [Fact]
    public void A_job_may_use_what_it_asked_for_and_what_its_affinity_allows_whichever_is_less()
    {
        Assert.Equal(2, JobCpus.Available("2", 64));
        Assert.Equal(4, JobCpus.Available("8", 4));
        Assert.Equal(16, JobCpus.Available(null, 16));
        Assert.Equal(16, JobCpus.Available("not a number", 16));
    }

    [Fact]
    public void A_job_with_fewer_cpus_than_train_threads_is_refused_in_one_line()
    {
        var message = JobCpus.Shortfall(4, "2", 64);
        Assert.Equal("train.threads is 4, but this Slurm job got 2 CPU(s) (SLURM_CPUS_PER_TASK=2, 64 usable by the " +
                     "process). Submit it with --cpus-per-task=4 or more (idc sweep asks for train.threads), or " +
                     "lower train.threads (a new cache key).", message);
        Assert.Null(JobCpus.Shortfall(2, "2", 64));
        // Outside Slurm, and with threads 0 (every CPU the job got), nothing to check.
        Assert.Null(JobCpus.Shortfall(4, null, 2));
        Assert.Null(JobCpus.Shortfall(0, "1", 64));
    }
}
