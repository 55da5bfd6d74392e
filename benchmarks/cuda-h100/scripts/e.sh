#!/bin/bash
# GPU call E (carries device/d): the final commit's demo graph, then predict with the demo model on the demo's own
# synthetic zip (names carry labels, so predict writes metrics); Evaluate and predict print the device they score on.
set -u
S=$(date +%s); log() { echo "[$(( $(date +%s) - S )) s] $*"; }
cd "$(dirname "$0")/../.."
rm -rf /tmp/idc /tmp/art && tar xJf device/d/idc.tar.xz -C /tmp || exit 3
. device/d/env.sh
log "demo"; graph configs/demo.yaml 2>&1 | tee $OUT/e-demo-cuda.log
log "predict"; $IDC predict --config configs/demo.yaml --artifacts $A --input $(ls $A/cache/fetch/*/synthetic.zip | head -1) --output $A/predict 2>&1 | tee $OUT/e-predict-cuda.log
log "done"
