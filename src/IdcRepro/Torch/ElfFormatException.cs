namespace IdcRepro.Torch;

/// <summary>A file is not an ELF64 little-endian image, or one of its headers points outside the file or its section.</summary>
public sealed class ElfFormatException(string message) : Exception(message);
