#!/usr/bin/env bash
# Submits a sharded fundstress run to Slurm: a K-task array job (deploy/slurm/shard.sbatch,
# task i runs `fundstress run --shard i/K`) and a merge job (merge.sbatch) that starts only
# when every task succeeded (--dependency=afterok:<array job>).
#
#   deploy/slurm/submit.sh --scenario F --paths N --shards K --out DIR [--wait]
#       [--work DIR] [--fundstress PATH] [--run-args 'OPTIONS'] [-- sbatch options…]
#
#   --scenario F     scenario YAML (default: the embedded default scenario)
#   --out DIR        the merged report folder (on a file system every node sees)
#   --work DIR       where partials and logs go (default: DIR.shards)
#   --fundstress P   the executable on the nodes (default: fundstress on PATH)
#   --run-args 'O'   extra options for every shard, e.g. '--seed 7 --set fund.balance=x2'
#   --wait           wait for the merge; exit with its status (0 when the report exists)
#   -- OPTIONS       passed to both sbatch calls, e.g. -- --partition=risk --time=01:00:00
#
# Prints the two job ids. A failed task cancels the merge (afterok can never be met) and,
# with --wait, is reported naming the task and its log.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
die() { echo "submit.sh: $*" >&2; exit 1; }

scenario="" paths="" shards="" out="" work="" wait=0 fundstress="" run_args=""
while [ $# -gt 0 ]; do
  case "$1" in
    --scenario) scenario=${2:?--scenario needs a file}; shift 2 ;;
    --paths) paths=${2:?--paths needs a number}; shift 2 ;;
    --shards) shards=${2:?--shards needs a number}; shift 2 ;;
    --out) out=${2:?--out needs a folder}; shift 2 ;;
    --work) work=${2:?--work needs a folder}; shift 2 ;;
    --fundstress) fundstress=${2:?--fundstress needs a path}; shift 2 ;;
    --run-args) run_args=${2?--run-args needs options}; shift 2 ;;
    --wait) wait=1; shift ;;
    --) shift; break ;;
    *) die "unknown option '$1'; see the usage at the top of $0" ;;
  esac
done
sbatch_options=("$@")
[[ "$paths" =~ ^[1-9][0-9]*$ ]] || die "--paths '$paths' is not a positive whole number; give e.g. --paths 1000000"
[[ "$shards" =~ ^[1-9][0-9]*$ ]] || die "--shards '$shards' is not a positive whole number; give e.g. --shards 8"
[ -n "$out" ] || die "give --out DIR, the merged report folder"
command -v sbatch >/dev/null || die "sbatch is missing: run this on a Slurm login node"
absolute() { case "$1" in /*) echo "$1" ;; *) echo "$PWD/$1" ;; esac; }
out=$(absolute "${out%/}")
work=$(absolute "${work:-$out.shards}")
if [ -n "$scenario" ]; then
  [ -r "$scenario" ] || die "$scenario: cannot be read; give the scenario YAML file"
  scenario=$(absolute "$scenario")
fi
if [ -n "$fundstress" ]; then
  fundstress=$(absolute "$fundstress")
else
  fundstress=$(command -v fundstress) || die "fundstress is not on PATH; give --fundstress PATH"
fi
chunks=$(((paths + 63) / 64))
[ "$shards" -le "$chunks" ] || die "--shards $shards is more than the $chunks chunks of 64 paths; give at most $chunks"
mkdir -p "$work/logs"
rm -f "$work/merge.status"

export FUNDSTRESS="$fundstress" FUNDSTRESS_SHARDS="$shards" FUNDSTRESS_PATHS="$paths" FUNDSTRESS_WORK="$work"
export FUNDSTRESS_SCENARIO="$scenario" FUNDSTRESS_ARGS="$run_args" FUNDSTRESS_OUT="$out"
array=$(sbatch --parsable --export=ALL --array="0-$((shards - 1))" --output="$work/logs/shard-%a.log" \
  "${sbatch_options[@]}" "$here/shard.sbatch") || die "sbatch refused the shard array"
array=${array%%;*}
merge=$(sbatch --parsable --export=ALL --dependency="afterok:$array" --kill-on-invalid-dep=yes \
  --output="$work/logs/merge.log" "${sbatch_options[@]}" "$here/merge.sbatch") || {
  scancel "$array" 2>/dev/null || true
  die "sbatch refused the merge job; cancelled the shard array $array"
}
merge=${merge%%;*}
echo "shards: array job $array ($shards tasks, logs in $work/logs); merge: job $merge -> $out"
[ "$wait" = 1 ] || exit 0

# --wait: poll until the merge job has left the queue, then read its state and exit code.
state() { scontrol show job "$1" 2>/dev/null | tr ' ' '\n' | sed -n "s/^$2=//p" | head -n 1; }
while squeue -h -j "$merge" 2>/dev/null | grep -q .; do
  [ "$(state "$merge" Reason)" = DependencyNeverSatisfied ] && break
  sleep 1
done
merge_state=$(state "$merge" JobState)
exit_code=$(state "$merge" ExitCode)
if [ "$merge_state" = COMPLETED ] && [ -f "$out/summary.csv" ]; then
  echo "merged report: $out"
  exit 0
fi
# Name the failed tasks: array tasks that did not complete, with their logs.
failed=()
for ((task = 0; task < shards; task++)); do
  task_state=$(state "${array}_$task" JobState)
  [ "$task_state" = COMPLETED ] || failed+=("$task (${task_state:-unknown}, log $work/logs/shard-$task.log)")
done
if [ ${#failed[@]} -gt 0 ]; then
  scancel "$merge" 2>/dev/null || true
  echo "submit.sh: merge not run: shard task(s) failed: ${failed[*]}" >&2
  exit 1
fi
code=${exit_code%%:*}
echo "submit.sh: merge job $merge ended ${merge_state:-unknown} (exit ${exit_code:-unknown}); see $work/logs/merge.log: $(tail -n 1 "$work/logs/merge.log" 2>/dev/null)" >&2
[ -n "$code" ] && [ "$code" != 0 ] && exit "$code"
exit 1
