#!/bin/bash
# GPU call C of three: join the real sample from its three pieces, then sample.yaml and every ablation with three
# training seeds, predict on patients no Janowczyk list names, and the comparison of all variants.
set -u
S=$(date +%s); log() { echo "[$(( $(date +%s) - S )) s] $*"; }
cd "$(dirname "$0")/../.."
test -x /tmp/idc/idc -a -f /tmp/stash/chunk.0 || { echo "pieces from calls A and B missing: this is a fresh machine"; exit 3; }
. /tmp/stash/env.sh
cat /tmp/stash/chunk.0 device/c/chunk.1 /tmp/stash/chunk.2 > /tmp/idc-sample.zip
echo "a1f15f589d4aa0e7d7564d96e82ef2b740716b235703cbfe41e93e22d67c6529  /tmp/idc-sample.zip" | sha256sum -c || exit 4
# The configs name ../shared/data/ beside the checkout; where it exists already it is left alone.
if [ ! -e ../shared/data/idc-sample.zip ]; then mkdir -p ../shared/data && ln -s /tmp/idc-sample.zip ../shared/data/idc-sample.zip; fi
[ -e ../shared/data/janowczyk-2016-split ] || cp -r device/c/janowczyk-2016-split ../shared/data/
nvidia-smi --query-gpu=timestamp,memory.used,utilization.gpu --format=csv -lms 250 > $OUT/c-gpu-samples.csv 2>&1 &
SEEDS=${SEEDS:-seeds=[1, 2, 3]}
: > $OUT/c-times.txt
variant() {
  local t0=$(date +%s); log "== $1"
  graph $1 --set "$SEEDS" 2>&1 | tee -a $OUT/c-sample-ablations.log
  echo "$1 $(( $(date +%s) - t0 )) s" | tee -a $OUT/c-times.txt
}
for c in configs/sample.yaml $(ls configs/ablations/*.yaml | grep -v uncapped); do variant $c; done
log "predict"
python3 - <<'P' 2>&1 | tee -a $OUT/c-predict.log
import zipfile
listed = set()
for f in ("train", "val", "test"):
    listed |= {l.strip() for l in open(f"../shared/data/janowczyk-2016-split/{f}.txt") if l.strip()}
src = zipfile.ZipFile("/tmp/idc-sample.zip")
with zipfile.ZipFile("/tmp/unlisted.zip", "w") as z:
    n = 0
    for i in src.infolist():
        if i.filename.split("/")[0] not in listed and i.filename.endswith(".png"):
            z.writestr(i, src.read(i)); n += 1
print("patches of patients in no list:", n)
P
$IDC predict --config configs/ablations/janowczyk-lists.yaml --set "seeds=[1]" --input /tmp/unlisted.zip --artifacts $A --output $A/predict-unlisted ${QUICK:-} 2>&1 | tee -a $OUT/c-predict.log
log "compare"
$IDC compare --config configs/sample.yaml $(ls configs/ablations/*.yaml | grep -v uncapped | sed 's/^/--config /') --set "$SEEDS" --artifacts $A --out $A/compare ${QUICK:-} 2>&1 | tee $OUT/c-compare.log
variant configs/ablations/uncapped.yaml
$IDC compare --config configs/sample.yaml --config configs/ablations --set "$SEEDS" --artifacts $A --out $A/compare ${QUICK:-} 2>&1 | tee -a $OUT/c-compare.log
(cd $A && tar czf $OUT/c-runs.tgz --dereference --exclude='*.pt' --exclude='*.npy' --exclude=checkpoints --exclude='*.zip' --exclude='predictions.csv' --exclude='report.html' --exclude=report_files runs compare predict-unlisted)
log "done"
