#!/usr/bin/env bash
# Sharded runs on this machine: a single-machine run against N shards and their merge
# (exact and sketched quantiles), and optionally the same through Slurm (submit.sh --wait).
#
#   scripts/shard_scaling.sh                       # 100 000 paths, 4 shards
#   PATHS=1000000 SHARDS=4 SLURM=1 scripts/shard_scaling.sh
#
# Prints one line per step: wall seconds, CPU seconds, peak RSS, and partial sizes. Shards run
# one after another with --threads 1 (the time of one shard on one core of this machine);
# the single run uses --threads 2. Needs a release build (swift build -c release).
set -euo pipefail
cd "$(dirname "$0")/.."
PATHS=${PATHS:-100000}
SHARDS=${SHARDS:-4}
BIN=${FUNDSTRESS:-$PWD/.build/release/fundstress}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/fundstress-shards.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

measure() { # label, command…
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/time" "$@" >/dev/null
  read -r wall user sys rss <"$WORK/time"
  printf '%-28s wall %8.2f s  cpu %8.2f s  peak RSS %6d MB\n' "$label" "$wall" "$(awk "BEGIN { print $user + $sys }")" $((rss / 1024))
}

echo "paths $PATHS, shards $SHARDS, $(nproc) cores, $(git rev-parse --short HEAD)"
measure "single run (2 threads)" "$BIN" run --paths "$PATHS" --threads 2 --quiet --out "$WORK/single"
for ((i = 0; i < SHARDS; i++)); do
  measure "shard $i/$SHARDS (1 thread)" "$BIN" run --paths "$PATHS" --shard "$i/$SHARDS" --threads 1 --quiet \
    --out "$WORK/shard-$i"
done
du -b "$WORK"/shard-0/* | awk '{printf "  partial 0: %-16s %12d bytes (%.1f per path)\n", substr($2, match($2, /[^\/]*$/)), $1, $1 / '"$PATHS"' * '"$SHARDS"'}'
measure "merge (exact)" "$BIN" merge "$WORK"/shard-* --quiet --out "$WORK/merged"
for file in summary.csv paths.csv markets.csv fund_quantiles.csv; do
  cmp -s "$WORK/single/$file" "$WORK/merged/$file" || { echo "MISMATCH: $file"; exit 1; }
done
echo "  merged CSVs byte-identical to the single run"
measure "merge (--quantiles sketch)" "$BIN" merge "$WORK"/shard-* --quiet --quantiles sketch --out "$WORK/sketch"
if [ "${SLURM:-0}" = 1 ]; then
  measure "slurm: submit.sh --wait" deploy/slurm/submit.sh --paths "$PATHS" --shards "$SHARDS" \
    --out "$WORK/slurm" --fundstress "$BIN" --wait
  for file in summary.csv paths.csv markets.csv fund_quantiles.csv; do
    cmp -s "$WORK/single/$file" "$WORK/slurm/$file" || { echo "MISMATCH (slurm): $file"; exit 1; }
  done
  echo "  Slurm-merged CSVs byte-identical to the single run"
fi
