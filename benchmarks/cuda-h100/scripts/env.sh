# Shared by the GPU scripts: the program, libtorch from PyTorch, the artifacts folder, and graph() (every stage in order).
IDC=/tmp/idc/idc
TL=${TL:-$(python3 -c 'import torch,os;print(os.path.dirname(torch.__file__)+"/lib")')}
export IDC_LIBTORCH=$TL LD_LIBRARY_PATH=$TL:${LD_LIBRARY_PATH:-}
A=/tmp/art
TIMER=""; [ -x /usr/bin/time ] && TIMER="/usr/bin/time -f peak_RSS_KB=%M"
graph() { # config [extra args]: every stage, each timed, stopping at the first failure
  local c=$1; shift
  for s in fetch index preprocess split undersample train evaluate report; do
    log "$s --config $c $*"
    local t0=$(date +%s%N)
    $TIMER timeout 300 $IDC $s --config $c --artifacts $A "$@" ${QUICK:-} || { log "$s failed"; return 1; }
    echo "$s: $(( ($(date +%s%N) - t0) / 1000000 )) ms wall"
  done
}
