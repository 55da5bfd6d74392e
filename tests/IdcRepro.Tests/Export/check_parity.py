"""Scores the test patches with an export's idc_model.py and compares with Evaluate's predictions.csv.

    python3 check_parity.py <export folder> <images.npy> <test.npy> <predictions.csv> [none|transpose-conv|skip-normalization]

Prints one JSON line: the rows compared, the largest absolute differences of p0 and p1, and the PyTorch version. The last
argument breaks the PyTorch side on purpose (one convolution's kernels transposed, or the normalisation left out), to show
that the comparison can fail.
"""

import csv
import json
import sys

import numpy as np

folder, images_path, rows_path, predictions_path = sys.argv[1:5]
sabotage = sys.argv[5] if len(sys.argv) > 5 else "none"
sys.path.insert(0, folder)
import idc_model  # noqa: E402 (the export's own module)
import torch  # noqa: E402

model = idc_model.load(folder)
if sabotage == "transpose-conv":
    with torch.no_grad():
        conv = model.network.features[0]
        conv.weight.copy_(conv.weight.transpose(2, 3).clone())
elif sabotage == "skip-normalization":
    model.scale = torch.ones_like(model.scale)
    model.shift = torch.zeros_like(model.shift)
elif sabotage != "none":
    raise SystemExit(f"unknown sabotage {sabotage}")

images = np.load(images_path, mmap_mode="r")
rows = np.load(rows_path)
scored = model.probabilities(images[rows]).astype(np.float64)
with open(predictions_path, newline="", encoding="utf-8") as f:
    expected = np.array([[float(r["p0"]), float(r["p1"])] for r in csv.DictReader(f)], dtype=np.float64).reshape(-1, 2)
if scored.shape != expected.shape:
    raise SystemExit(f"scored {scored.shape[0]} patches, predictions.csv has {expected.shape[0]}")
difference = np.abs(scored - expected)
print(json.dumps({
    "rows": int(len(rows)),
    "max_abs_diff_p0": float(difference[:, 0].max()) if len(rows) else 0.0,
    "max_abs_diff_p1": float(difference[:, 1].max()) if len(rows) else 0.0,
    "torch": torch.__version__,
}))
