#!/bin/bash
# GPU call A of three: stash the program and one piece of the real sample, then the runs that need no real data:
# idc bench, the demo graph, and the baseline config's graph on 60,000 synthetic patches.
set -u
S=$(date +%s); log() { echo "[$(( $(date +%s) - S )) s] $*"; }
cd "$(dirname "$0")/../.."
mkdir -p /tmp/stash && cp device/a/chunk.* device/a/env.sh /tmp/stash/ && rm -rf /tmp/idc && tar xJf device/a/idc.tar.xz -C /tmp || exit 3
. device/a/env.sh
{ nvidia-smi; python3 -c 'import torch;print("torch",torch.__version__,"cuda",torch.version.cuda)'; nproc; free -g; df -h /tmp; } > $OUT/machine.txt 2>&1
nvidia-smi --query-gpu=timestamp,memory.used,utilization.gpu --format=csv -lms 250 > $OUT/a-gpu-samples.csv 2>&1 &
log "bench"; timeout 200 $IDC bench --config configs/baseline.yaml --artifacts $A --preprocess-patches ${PREPROCESS:-50000} ${BENCH:-} --json $OUT/bench-cuda.json 2>&1 | tee $OUT/bench-cuda.log
log "demo"; graph configs/demo.yaml 2>&1 | tee $OUT/demo-cuda.log
log "baseline on 60,000 synthetic patches"; graph configs/baseline.yaml --set data.source=synthetic --set data.synthetic.patients=380 2>&1 | tee $OUT/baseline-synthetic-cuda.log
(cd $A && tar czf $OUT/a-runs.tgz --dereference --exclude='*.pt' --exclude='*.npy' --exclude=checkpoints --exclude='*.zip' runs/demo runs/baseline)
log "done"
