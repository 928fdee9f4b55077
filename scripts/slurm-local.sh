#!/usr/bin/env bash
# A single-node Slurm cluster on this machine, without systemd, for the integration test of
# deploy/slurm/ (and for trying the scripts by hand).
#
#   scripts/slurm-local.sh start    # munged, slurmctld, slurmd; waits until the node is idle
#   scripts/slurm-local.sh stop     # stops exactly the daemons that start started, removes its files
#   scripts/slurm-local.sh status
#
# Needs Debian's packages: apt-get install slurmctld slurmd slurm-client munge (and root).
# start writes /etc/slurm/slurm.conf, which Slurm's commands read; it refuses to replace one
# it did not write (it marks its own). Its state, logs and pid files live in
# $SLURM_LOCAL_DIR (default /tmp/fundstress-slurm). The node is this host (hostname -s)
# with all its cores; the partition "local" is the default.
set -euo pipefail

DIR=${SLURM_LOCAL_DIR:-/tmp/fundstress-slurm}
CONF=/etc/slurm/slurm.conf
MARK="# written by fundstress scripts/slurm-local.sh"
MUNGE_RUN=/run/munge

die() { echo "slurm-local: $*" >&2; exit 1; }

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# Ends the daemon whose pid file is $1 (only that process), waiting up to 10 s.
stop_pid() {
  local file=$1 pid
  [ -f "$file" ] || return 0
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

start() {
  [ "$(id -u)" = 0 ] || die "run as root (munged, slurmctld and slurmd need it)"
  for tool in munged slurmctld slurmd sbatch sinfo scontrol; do
    command -v "$tool" >/dev/null || die "$tool is missing; apt-get install slurmctld slurmd slurm-client munge"
  done
  if [ -f "$CONF" ] && ! grep -qF "$MARK" "$CONF"; then
    die "$CONF exists and was not written by this script; this machine has its own Slurm: use it, or move the file"
  fi
  mkdir -p "$DIR/state" "$DIR/spool" "$MUNGE_RUN" /etc/slurm
  chown munge:munge "$MUNGE_RUN"
  chmod 0755 "$MUNGE_RUN"

  # Munge: a key if the package left none, then the daemon as the munge user.
  if [ ! -s /etc/munge/munge.key ]; then
    mkdir -p /etc/munge
    dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key status=none
    chown munge:munge /etc/munge/munge.key
    chmod 0400 /etc/munge/munge.key
  fi
  if ! pid_alive "$DIR/munged.pid"; then
    if [ -S "$MUNGE_RUN/munge.socket.2" ] && munge -n >/dev/null 2>&1; then
      echo "slurm-local: using the munged already running"
    else
      runuser -u munge -- munged --pid-file="$MUNGE_RUN/munged.pid" --force
      for _ in $(seq 50); do [ -f "$MUNGE_RUN/munged.pid" ] && break; sleep 0.1; done
      cp "$MUNGE_RUN/munged.pid" "$DIR/munged.pid"
    fi
  fi
  munge -n | unmunge >/dev/null || die "munge does not work (see $MUNGE_RUN, /var/log/munge)"

  local host cpus address=""
  host=$(hostname -s)
  cpus=$(nproc)
  # A host name that does not resolve is reached on the loopback address.
  getent hosts "$host" >/dev/null || address=127.0.0.1
  cat >"$CONF" <<CONF
$MARK
ClusterName=fundstress-local
SlurmctldHost=$host${address:+($address)}
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
StateSaveLocation=$DIR/state
SlurmdSpoolDir=$DIR/spool
SlurmctldPidFile=$DIR/slurmctld.pid
SlurmdPidFile=$DIR/slurmd.pid
SlurmctldLogFile=$DIR/slurmctld.log
SlurmdLogFile=$DIR/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MinJobAge=600
SlurmctldTimeout=30
SlurmdTimeout=30
NodeName=$host${address:+ NodeAddr=$address} CPUs=$cpus State=UNKNOWN
PartitionName=local Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
  pid_alive "$DIR/slurmctld.pid" || slurmctld -i || die "slurmctld did not start: $(tail -n 3 "$DIR/slurmctld.log")"
  pid_alive "$DIR/slurmd.pid" || slurmd || die "slurmd did not start: $(tail -n 3 "$DIR/slurmd.log")"
  for _ in $(seq 150); do
    if sinfo -h -o '%t' 2>/dev/null | grep -qE '^(idle|mix|alloc)'; then
      echo "slurm-local: node $host ($cpus CPUs) is up; logs in $DIR"
      return 0
    fi
    sleep 0.2
  done
  sinfo >&2 || true
  tail -n 5 "$DIR/slurmctld.log" "$DIR/slurmd.log" >&2 || true
  die "the node did not come up within 30 s (logs above, in $DIR)"
}

stop() {
  stop_pid "$DIR/slurmd.pid"
  stop_pid "$DIR/slurmctld.pid"
  if [ -f "$DIR/munged.pid" ]; then
    stop_pid "$DIR/munged.pid"
    rm -f "$MUNGE_RUN/munged.pid"
  fi
  if [ -f "$CONF" ] && grep -qF "$MARK" "$CONF"; then rm -f "$CONF"; fi
  rm -rf "$DIR"
  echo "slurm-local: stopped"
}

status() {
  for daemon in munged slurmctld slurmd; do
    if pid_alive "$DIR/$daemon.pid"; then echo "$daemon: running ($(cat "$DIR/$daemon.pid"))"; else echo "$daemon: stopped"; fi
  done
  sinfo 2>/dev/null || true
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) die "usage: $0 start|stop|status" ;;
esac
