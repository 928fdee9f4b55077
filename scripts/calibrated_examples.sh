#!/usr/bin/env bash
# Rebuilds examples/calibrated/: calibrates the shipped hourly data with each model and
# completes each fragment into a scenario (the default scenario's market rules, book, fund
# and ADL, over one week of hourly steps). Usage: scripts/calibrated_examples.sh [FUNDSTRESS]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-.build/release/fundstress}
DATA=data/hourly-closes-2024-11-23_2025-02-19.csv
OUT=examples/calibrated
mkdir -p "$OUT"
for model in gbm student-t garch fhs; do
  "$BIN" calibrate "$DATA" --model "$model" --out "$OUT/$model.fragment.yaml" --report "$OUT/report-$model"
  python3 scripts/complete_fragment.py "$OUT/$model.fragment.yaml" "$model" > "$OUT/$model.yaml"
  rm "$OUT/$model.fragment.yaml"
done
# FHS with the 2-3 February 2025 sell-off as a stressed period drawn a quarter of the time
# (EMIR RTS 153/2013 Art. 28: at least 25% weight on stressed observations).
sed -e 's/^name: calibrated-fhs/name: calibrated-fhs-stressed/' \
  -e 's|^  prices: \(.*\)$|  prices: \1\n  stressed: {from: 2025-02-02T12:00:00Z, to: 2025-02-03T12:00:00Z, weight: 0.25}|' \
  "$OUT/fhs.yaml" > "$OUT/fhs-stressed.yaml"
# One report is enough to keep: every model's fit is in each.
rm -rf "$OUT/report-gbm" "$OUT/report-student-t" "$OUT/report-fhs"
rm -rf "$OUT/report"
mv "$OUT/report-garch" "$OUT/report"
