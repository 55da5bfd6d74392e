#!/usr/bin/env bash
# A one-node Slurm cluster on this Debian machine, for CI and for trying `idc sweep` with the slurm profile.
#
#   scripts/slurm-cluster.sh start|stop|status|env [--dir DIR]
#
# Everything it makes lives in DIR (default: $IDC_SLURM_DIR, else /tmp/idc-slurm): its own slurm.conf, MUNGE key,
# socket and log, the daemons' spool folders, logs and pid files, and the job-completion log. It starts its own
# munged (on its own socket), slurmctld and slurmd, and stops them by the pids it recorded; nothing in /etc or /run
# is written. Slurm's clients find this cluster through SLURM_CONF: `eval "$(scripts/slurm-cluster.sh env)"`.
# Idempotent: start when running and stop when stopped do nothing. Needs root (munged and slurmd run as root here);
# installs slurmctld, slurmd, slurm-client and munge with apt-get where they are missing.
set -euo pipefail

usage() { echo "usage: $0 start|stop|status|env [--dir DIR]" >&2; exit 2; }
[ $# -ge 1 ] || usage
action=$1; shift
dir=${IDC_SLURM_DIR:-/tmp/idc-slurm}
while [ $# -gt 0 ]; do
  case $1 in
    --dir) [ $# -ge 2 ] || usage; dir=$2; shift 2 ;;
    *) usage ;;
  esac
done
case $dir in /*) ;; *) dir=$(pwd)/$dir ;; esac

conf=$dir/slurm.conf
socket=$dir/munge/munge.socket
export SLURM_CONF=$conf

say() { echo "slurm-cluster: $*"; }
fail() { echo "slurm-cluster: $*" >&2; exit 1; }

# The pid in a pid file, when that process is alive and is the daemon named (a reused pid is not ours).
alive() {
  local pidfile=$1 daemon=$2 pid
  [ -s "$pidfile" ] || return 1
  pid=$(cat "$pidfile")
  [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "$daemon" || return 1
  echo "$pid"
}

node_state() { sinfo -h -N -o '%t' 2>/dev/null | head -n 1; }

running() {
  alive "$dir/munge/munged.pid" munged >/dev/null && alive "$dir/run/slurmctld.pid" slurmctld >/dev/null \
    && alive "$dir/run/slurmd.pid" slurmd >/dev/null
}

install_packages() {
  local missing=()
  command -v munged >/dev/null || [ -x /usr/sbin/munged ] || missing+=(munge)
  [ -x /usr/sbin/slurmctld ] || missing+=(slurmctld)
  [ -x /usr/sbin/slurmd ] || missing+=(slurmd)
  command -v sbatch >/dev/null || missing+=(slurm-client)
  [ ${#missing[@]} -eq 0 ] && return
  say "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

write_config() {
  # This machine as slurmd sees it: "NodeName=vm CPUs=2 Boards=1 ... RealMemory=24105".
  local node name
  node=$(/usr/sbin/slurmd -C | head -n 1)
  name=$(sed -n 's/^NodeName=\([^ ]*\).*/\1/p' <<<"$node")
  [ -n "$name" ] || fail "could not read this machine's node line from 'slurmd -C' (got: $node)"
  cat >"$conf.tmp" <<EOF
# Written by scripts/slurm-cluster.sh: a one-node cluster whose every file lives in $dir.
ClusterName=idc
SlurmctldHost=$name(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$socket
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
StateSaveLocation=$dir/spool/slurmctld
SlurmdSpoolDir=$dir/spool/slurmd
SlurmctldPidFile=$dir/run/slurmctld.pid
SlurmdPidFile=$dir/run/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
PlugStackConfig=$dir/plugstack.conf
ReturnToService=2
# A job whose afterok dependency failed is cancelled, not left pending for ever.
DependencyParameters=kill_invalid_depend
# Finished jobs stay visible to scontrol for an hour, and each leaves a line in the completion log.
MinJobAge=3600
JobCompType=jobcomp/filetxt
JobCompLoc=$dir/jobcomp.log
# Schedule pending jobs every 2 s (default 60): dependent jobs start soon after what they wait for.
SchedulerParameters=sched_interval=2
MailProg=/bin/true
$node NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=main Nodes=$name Default=YES MaxTime=INFINITE State=UP
EOF
  mv "$conf.tmp" "$conf"
  : >"$dir/plugstack.conf"
}

wait_for() {
  local what=$1 seconds=$2; shift 2
  for _ in $(seq $((seconds * 5))); do
    if "$@"; then return 0; fi
    sleep 0.2
  done
  fail "$what did not come up within $seconds s (logs in $dir/log, $dir/munge/munged.log)"
}

start_munge() {
  alive "$dir/munge/munged.pid" munged >/dev/null && return
  if [ ! -s "$dir/munge/munge.key" ]; then
    /usr/sbin/mungekey --create --keyfile="$dir/munge/munge.key" 2>/dev/null \
      || dd if=/dev/urandom of="$dir/munge/munge.key" bs=1024 count=1 status=none
    chmod 400 "$dir/munge/munge.key"
  fi
  # --force: munged refuses to run as root without it.
  /usr/sbin/munged --force --socket="$socket" --key-file="$dir/munge/munge.key" --pid-file="$dir/munge/munged.pid" \
    --log-file="$dir/munge/munged.log" --seed-file="$dir/munge/munged.seed"
  wait_for munged 10 sh -c "munge -n -S '$socket' | unmunge -S '$socket' >/dev/null 2>&1"
}

start() {
  [ "$(id -u)" -eq 0 ] || fail "needs root (munged and slurmd run as root in this one-node set-up)"
  if running; then say "already running ($conf)"; return; fi
  install_packages
  mkdir -p "$dir"
  chmod 700 "$dir"
  mkdir -p "$dir/munge" "$dir/spool/slurmctld" "$dir/spool/slurmd" "$dir/log" "$dir/run"
  chmod 700 "$dir/munge"
  write_config
  start_munge
  alive "$dir/run/slurmctld.pid" slurmctld >/dev/null || /usr/sbin/slurmctld -f "$conf"
  wait_for slurmctld 30 sh -c 'scontrol ping 2>/dev/null | grep -q UP'
  alive "$dir/run/slurmd.pid" slurmd >/dev/null || /usr/sbin/slurmd -f "$conf"
  wait_for "the node (sinfo: $(node_state || true))" 60 sh -c '[ "$(sinfo -h -N -o %t 2>/dev/null | head -n 1)" = idle ] || [ "$(sinfo -h -N -o %t 2>/dev/null | head -n 1)" = mix ] || [ "$(sinfo -h -N -o %t 2>/dev/null | head -n 1)" = alloc ]'
  say "running: $(sinfo -h -N -o '%N %t %c CPUs %m MB' | head -n 1); export SLURM_CONF=$conf"
}

stopped=0
stop_daemon() {
  local pidfile=$1 daemon=$2 pid
  pid=$(alive "$pidfile" "$daemon") || { rm -f "$pidfile"; return 0; }
  stopped=$((stopped + 1))
  kill -TERM "$pid"
  for _ in $(seq 50); do
    [ -d "/proc/$pid" ] || break
    sleep 0.2
  done
  [ -d "/proc/$pid" ] && kill -KILL "$pid"
  rm -f "$pidfile"
  say "stopped $daemon ($pid)"
}

stop() {
  if [ ! -d "$dir" ]; then say "not running (no $dir)"; return; fi
  # Jobs of this cluster end first, so that no job's processes outlive it.
  if alive "$dir/run/slurmctld.pid" slurmctld >/dev/null; then
    local jobs
    jobs=$(squeue -h -o %A 2>/dev/null | sort -u | tr '\n' ' ')
    if [ -n "${jobs// /}" ]; then
      say "cancelling jobs $jobs"
      # shellcheck disable=SC2086
      scancel $jobs 2>/dev/null || true
      for _ in $(seq 150); do
        [ -z "$(squeue -h -o %A 2>/dev/null)" ] && break
        sleep 0.2
      done
    fi
  fi
  stop_daemon "$dir/run/slurmd.pid" slurmd
  stop_daemon "$dir/run/slurmctld.pid" slurmctld
  stop_daemon "$dir/munge/munged.pid" munged
  [ $stopped -gt 0 ] || say "not running ($dir)"
}

status() {
  local d pid code=0
  for d in munge/munged.pid:munged run/slurmctld.pid:slurmctld run/slurmd.pid:slurmd; do
    if pid=$(alive "$dir/${d%%:*}" "${d##*:}"); then echo "${d##*:}: running ($pid)"; else echo "${d##*:}: stopped"; code=3; fi
  done
  if [ $code -eq 0 ]; then
    echo "node: $(sinfo -h -N -o '%N %t %c CPUs %m MB' | head -n 1)"
    echo "export SLURM_CONF=$conf"
  fi
  return $code
}

case $action in
  start) start ;;
  stop) stop ;;
  status) status ;;
  env) echo "export SLURM_CONF=$conf" ;;
  *) usage ;;
esac
