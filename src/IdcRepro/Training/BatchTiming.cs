namespace IdcRepro.Training;

/// <summary>One timed batch: its patches, its seconds from gathering to metrics, and the seconds of its optimizer step.</summary>
internal readonly record struct BatchTiming(int Patches, double Seconds, double StepSeconds);
