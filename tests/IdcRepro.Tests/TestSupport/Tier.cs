namespace IdcRepro.Tests.TestSupport;

/// <summary>
/// The test tiers. Long tests (whole trainings on real data, the reproduction, a real browser, PyTorch, the Cake
/// script, a Slurm cluster) carry <c>[Trait(Tier.Name, Tier.Long)]</c>; the fast tier a developer runs between edits
/// is every other test: <c>dotnet test IdcRepro.sln -c Release --filter "Tier!=Long"</c>.
/// </summary>
public static class Tier
{
    public const string Name = "Tier";
    public const string Long = "Long";
}
