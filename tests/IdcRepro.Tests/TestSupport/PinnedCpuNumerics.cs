using System.Runtime.CompilerServices;
using IdcRepro.Torch;

namespace IdcRepro.Tests.TestSupport;

/// <summary>
/// Every test process computes with libtorch's CPU kernels pinned to AVX2 (<see cref="CpuNumerics"/>), set once, before
/// any test can load libtorch: the snapshots of training runs hold AVX2 bits and must pass on AVX2 and AVX-512 CPUs
/// alike.
/// <c>CpuNumericsTests</c> proves the pin is in force by computing, not by reading the variables back.
/// </summary>
internal static class PinnedCpuNumerics
{
    [ModuleInitializer]
    internal static void PinBeforeAnyTest() => CpuNumerics.Pin();
}
