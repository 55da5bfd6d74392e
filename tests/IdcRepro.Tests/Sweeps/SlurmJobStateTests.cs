using IdcRepro.Sweeps;

namespace IdcRepro.Tests.Sweeps;

public sealed class SlurmJobStateTests
{
    // As Slurm 22.05's `scontrol show job --oneliner` prints them (shortened): an array with a finished task and
    // pending ones, a plain job.
    private const string Output =
        "JobId=43 ArrayJobId=42 ArrayTaskId=0 JobName=idc-x-train-1 UserId=root(0) JobState=COMPLETED Reason=None " +
            "Dependency=(null) Requeue=1 ExitCode=0:0 RunTime=00:00:12\n" +
        "JobId=42 ArrayJobId=42 ArrayTaskId=1-3,5%2 JobName=idc-x-train-1 UserId=root(0) JobState=PENDING " +
            "Reason=Dependency Dependency=afterok:41(unfulfilled) ExitCode=0:0\n" +
        "JobId=44 JobName=idc-x-compare UserId=root(0) JobState=CANCELLED Reason=DependencyNeverSatisfied " +
            "Dependency=afterok:42(failed) ExitCode=0:0 Command=/a b/c.sh\n";

    [Fact]
    public void Scontrol_lines_give_each_job_or_task_range_its_state_reason_and_dependency()
    {
        var states = SlurmJobState.Parse(Output);
        Assert.Equal(3, states.Count);
        Assert.Equal(
            new SlurmJobState("43", "42", [0], "COMPLETED", null, "0:0", null) with { Tasks = states[0].Tasks },
            states[0]);
        Assert.Equal([0], states[0].Tasks);
        Assert.Equal([1, 2, 3, 5], states[1].Tasks);
        Assert.Equal("Dependency", states[1].Reason);
        Assert.Equal("afterok:41(unfulfilled)", states[1].Dependency);
        Assert.False(states[1].Final);
        Assert.Equal(("44", null, "CANCELLED", "DependencyNeverSatisfied"),
            (states[2].JobId, states[2].ArrayJobId, states[2].State, states[2].Reason));
        Assert.True(states[2].Final);
    }

    [Theory]
    [InlineData("7", new[] { 7 })]
    [InlineData("0-3", new[] { 0, 1, 2, 3 })]
    [InlineData("1,4-5%1", new[] { 1, 4, 5 })]
    public void Array_task_ids_expand(string text, int[] ids) => Assert.Equal(ids, SlurmJobState.TaskIds(text));
}
