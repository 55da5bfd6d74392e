namespace IdcRepro.Torch;

/// <summary>The fields of one ELF64 section header that the version readers use; offsets are from the start of the file.</summary>
internal readonly record struct ElfSection(int Index, uint Type, long Offset, long Size, uint Link, uint Info);
