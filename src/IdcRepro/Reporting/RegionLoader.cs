using IdcRepro.Config;
using IdcRepro.Data;
using IdcRepro.Evaluation;
using IdcRepro.Preprocess;

namespace IdcRepro.Reporting;

/// <summary>
/// The held-out patients' whole regions for the report's tissue maps: each test patient with every patch the data holds
/// of it (P1 where it was held out: every patch for a patient-level split, the test patches for a random patch split),
/// and each external set's patients with every patch of theirs. Patients in each source come by most scored patches
/// first (ties by id), so a capped list keeps the largest regions.
/// </summary>
internal static class RegionLoader
{
    /// <summary>The regions; the returned disposable holds the cache mapping their pixels read from.</summary>
    public static (IReadOnlyList<PatientRegion> Regions, IDisposable Pixels) Load(IdcConfig config, PatchCache cache,
        IReadOnlyList<PredictionRow> testRows,
            IReadOnlyList<(string Set, IReadOnlyList<PredictionRow> Rows, DecisionRule Rule)> external,
            DecisionRule rule)
    {
        var byPatient =
            Enumerable.Range(0, cache.Patches.Count).GroupBy(i => cache.Patches[i].Patient, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var scores = testRows.ToDictionary(r => r.Path, StringComparer.Ordinal);
        var testPatients = Ordered(testRows);

        // One mapping of the cache for every test region: region k's patches are rows offsets[k] .. offsets[k+1] of it.
        var cacheRows = testPatients.SelectMany(p => byPatient[p]).ToList();
        var pixels = new CachedPatchPixels(cache, cacheRows);
        var regions = new List<PatientRegion>();
        var start = 0;
        foreach (var patient in testPatients)
        {
            var rows = byPatient[patient];
            var patches = rows.Select(r =>
                new RegionPatch(cache.Patches[r], scores.TryGetValue(cache.Patches[r].Path, out var scored) ? scored.P1
                : null)).ToList();
            var held = rows.Select(r => scores.GetValueOrDefault(cache.Patches[r].Path)).OfType<PredictionRow>();
            regions.Add(
                Region(patient, "test", patches, held,
                new RegionPixels(pixels, Enumerable.Range(start, rows.Count).ToList()), rule));
            start += rows.Count;
        }

        for (var i = 0; i < external.Count; i++)
        {
            var (set, rows, setRule) = external[i];
            var source = new ExternalPatchPixels(config.Evaluate.External[i], rows.Select(r => r.Path).ToList(),
                config.Preprocess.Size, config.Preprocess.Resize, $"evaluate.external[{i}]");
            var index = rows.Select((r, k) => (r.Patient, k)).GroupBy(x => x.Patient, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(x => x.k).ToList(), StringComparer.Ordinal);
            foreach (var patient in Ordered(rows))
            {
                var members = index[patient];
                var patches = members.Select(k =>
                    new RegionPatch(new Patch(rows[k].Path, rows[k].Patient, rows[k].X, rows[k].Y, rows[k].Label),
                    rows[k].P1)).ToList();
                regions.Add(
                    Region(patient, $"external set {set}", patches, members.Select(k => rows[k]),
                    new RegionPixels(source, members), setRule));
            }
        }
        return (regions, pixels);
    }

    /// <summary>The patients of some rows, most rows first, ties by id (ordinal).</summary>
    private static IReadOnlyList<string> Ordered(IEnumerable<PredictionRow> rows) =>
        rows.GroupBy(r => r.Patient, StringComparer.Ordinal)
        .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();

    /// <summary>
    /// A region, with the patient's ROC AUC and balanced accuracy over its held-out rows under the run's rule.
    /// </summary>
    private static PatientRegion Region(string patient, string source, IReadOnlyList<RegionPatch> patches,
        IEnumerable<PredictionRow> held, IPatchPixels pixels, DecisionRule rule)
    {
        var scored = EvaluateStage.Predictions(held);
        var metrics = scored.Count == 0 ? null : Metrics.Compute(scored, rule);
        return new PatientRegion(patient, source, patches, pixels, metrics?.RocAuc, metrics?.BalancedAccuracy);
    }
}
