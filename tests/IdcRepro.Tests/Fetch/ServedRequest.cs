namespace IdcRepro.Tests.Fetch;

/// <summary>One request the loopback server answered: its Range header (raw and its start), the status and the body bytes it sent.</summary>
internal sealed record ServedRequest(string? Range, long? RangeStart, int Status, long BodyBytes);
