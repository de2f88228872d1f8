#!/usr/bin/env bash
# Runs docpipe on a real single-node Slurm: a private munged, slurmctld and slurmd on localhost (config,
# key, state and sockets in a temp folder, non-default ports), a 4-task array over samples/documents
# with configs/slurm/docpipe-array.sbatch, a dependent merge job (docpipe-merge.sbatch), and a check
# that the merged outputs equal a single-machine run. Every wait is bounded; the daemons started here
# are stopped by PID. Without root or without slurm-wlm/munge it prints SKIPPED and exits 0.
#
# usage: scripts/slurm/test-array.sh BUILD_DIR
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$(cd "${1:?usage: test-array.sh BUILD_DIR}" && pwd)
docpipe="$build/bin/docpipe"

skip() { echo "SKIPPED: Slurm test: $*"; exit 0; }
[ "$(id -u)" -eq 0 ] || skip "needs root to start slurmctld/slurmd"
for cmd in munged slurmctld slurmd sbatch squeue sinfo scontrol python3; do
  command -v "$cmd" >/dev/null || skip "$cmd not installed (Debian packages slurm-wlm, munge)"
done
[ -x "$docpipe" ] || { echo "FAILED: $docpipe not built"; exit 1; }

tmp=$(mktemp -d /tmp/docpipe-slurm.XXXXXX)
chmod 0755 "$tmp"
pids=()
cleanup() {
  # slurmd first; it may need SIGKILL once slurmctld is gone.
  for ((i=${#pids[@]}-1; i>=0; i--)); do kill "${pids[$i]}" 2>/dev/null; done
  for p in "${pids[@]}"; do
    for _ in $(seq 20); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$p" 2>/dev/null
  done
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAILED: Slurm test: $*"; for f in "$tmp"/log/*.log "$tmp"/out/*.log; do [ -f "$f" ] && { echo "--- $f"; tail -20 "$f"; }; done; exit 1; }
# wait_for SECONDS DESCRIPTION COMMAND...: polls COMMAND every 0.2 s.
wait_for() {
  local limit=$1 what=$2; shift 2
  local end=$((SECONDS + limit))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $end ] || fail "timed out after ${limit}s waiting for $what"
    sleep 0.2
  done
}

mkdir -p "$tmp"/{munge,log,state,spool,run,out}
chmod 0700 "$tmp/munge"
dd if=/dev/urandom of="$tmp/munge/munge.key" bs=1 count=1024 status=none
chmod 0400 "$tmp/munge/munge.key"
munged --force --socket="$tmp/run/munge.socket" --key-file="$tmp/munge/munge.key" --pid-file="$tmp/run/munged.pid" \
  --log-file="$tmp/log/munged.log" --seed-file="$tmp/munge/seed" || fail "munged did not start"
wait_for 10 "munged pid file" test -s "$tmp/run/munged.pid"
pids+=("$(cat "$tmp/run/munged.pid")")

host=$(hostname -s)
node=$(slurmd -C | head -1)
cat > "$tmp/slurm.conf" <<CONF
ClusterName=docpipetest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=16817
SlurmdPort=16818
$node NodeAddr=127.0.0.1
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerParameters=batch_sched_delay=0
ReturnToService=2
MpiDefault=none
MailProg=/bin/true
SlurmUser=root
AuthType=auth/munge
AuthInfo=socket=$tmp/run/munge.socket
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=$tmp/log/jobcomp.txt
MinJobAge=600
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/run/slurmctld.pid
SlurmdPidFile=$tmp/run/slurmd.pid
SlurmctldLogFile=$tmp/log/slurmctld.log
SlurmdLogFile=$tmp/log/slurmd.log
CONF
export SLURM_CONF="$tmp/slurm.conf"
slurmctld -i -f "$SLURM_CONF" || fail "slurmctld did not start"
wait_for 15 "slurmctld pid file" test -s "$tmp/run/slurmctld.pid"
pids+=("$(cat "$tmp/run/slurmctld.pid")")
slurmd -f "$SLURM_CONF" || fail "slurmd did not start"
wait_for 15 "slurmd pid file" test -s "$tmp/run/slurmd.pid"
pids+=("$(cat "$tmp/run/slurmd.pid")")
node_idle() { sinfo -h -N -o '%T' | grep -q idle; }
wait_for 30 "the node to be idle" node_idle

config="$root/configs/default.xml"
corpus="$root/samples/documents"
export DOCPIPE="$docpipe" CONFIG="$config" CORPUS="$corpus" OUT="$tmp/out"
"$docpipe" run "$config" "$corpus" -o "$tmp/single" -q -j 2 >"$tmp/log/single.log" 2>&1
[ $? -le 1 ] || fail "single-machine run failed"

cd "$tmp/out"
array=$(sbatch --parsable --array=0-3 --cpus-per-task=1 --export=ALL "$root/configs/slurm/docpipe-array.sbatch") || fail "sbatch array"
merge=$(sbatch --parsable --dependency=afterok:"$array" --export=ALL "$root/configs/slurm/docpipe-merge.sbatch") || fail "sbatch merge"
job_gone() { [ -z "$(squeue -h -j "$1" 2>/dev/null)" ]; }
wait_for 90 "array job $array" job_gone "$array"
wait_for 60 "merge job $merge" job_gone "$merge"

# Task states and exit codes are not trusted alone: each shard's journal must end, and the merged
# outputs must equal the single run.
for i in 0 1 2 3; do
  grep -q "^end" "$tmp/out/shard-$i/.docpipe/journal.tsv" 2>/dev/null || fail "shard $i did not finish"
done
[ -f "$tmp/out/merged/run-report.json" ] || fail "the merge job wrote nothing"
python3 "$here/compare_outputs.py" "$tmp/single" "$tmp/out/merged" || fail "merged outputs differ from the single run"
echo "PASSED: Slurm array of 4 shards over $(ls "$corpus" | grep -c '\.txt$') documents merged equals the single-machine run"
