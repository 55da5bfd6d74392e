namespace IdcRepro.Synthetic;

/// <summary>What a hashed random value is for: each purpose draws its own independent stream from a seed.</summary>
internal enum NoisePurpose : ulong
{
    PatientSeed = 1,
    RegionRandom,
    SlideRandom,
    IdcWeight,
    Outline,
    OutlineDetail,
    IdcRaggedness,
    Tumour,
    TumourPatchiness,
    TumourOddity,
    WarpX,
    WarpY,
    FibreTurn,
    Fat,
    Fibre,
    CrossFibre,
    FibreMottle,
    Fine,
    Nest,
    NestDetail,
    Lymphocytes,
    Nucleus,
    Chromatin,
    Grain,
    Adipocyte,
}
