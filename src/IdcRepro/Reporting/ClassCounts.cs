namespace IdcRepro.Reporting;

/// <summary>Patches of each class in a set.</summary>
public sealed record ClassCounts(long NonIdc, long Idc)
{
    public long Total => NonIdc + Idc;
}
