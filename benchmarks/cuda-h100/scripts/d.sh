#!/bin/bash
# GPU call D: the same measurements as call A on the commit that augments several batches per launch.
set -u
S=$(date +%s); log() { echo "[$(( $(date +%s) - S )) s] $*"; }
cd "$(dirname "$0")/../.."
rm -rf /tmp/idc /tmp/art && tar xJf device/d/idc.tar.xz -C /tmp || exit 3
. device/d/env.sh
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv > $OUT/d-machine.txt 2>&1
nvidia-smi --query-gpu=timestamp,memory.used,utilization.gpu --format=csv -lms 250 > $OUT/d-gpu-samples.csv 2>&1 &
log "bench"; timeout 200 $IDC bench --config configs/baseline.yaml --artifacts $A --preprocess-patches 50000 --json $OUT/bench-cuda.json 2>&1 | tee $OUT/bench-cuda.log
log "bench at batch 1024"; timeout 200 $IDC bench --config configs/baseline.yaml --artifacts $A --preprocess-patches 0 --set train.batch_size=1024 --json $OUT/bench-cuda-batch1024.json 2>&1 | tee $OUT/bench-cuda-batch1024.log
log "demo"; graph configs/demo.yaml 2>&1 | tee $OUT/demo-cuda.log
log "baseline on 60,000 synthetic patches"; graph configs/baseline.yaml --set data.source=synthetic --set data.synthetic.patients=380 2>&1 | tee $OUT/baseline-synthetic-cuda.log
log "done"
