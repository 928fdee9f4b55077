#!/usr/bin/env bash
# Path generation: fundstress against the numpy peer, on identical work.
#
#   scripts/compare_paths.sh                 # 100 000 paths, 2 threads/workers, 3 rounds
#   PATHS=20000 REPEATS=5 scripts/compare_paths.sh
#
# Work: the peer's built-in universe (BTC/ETH/SOL/DOGE at 60000/3000/150/0.15, vols
# 0.60/0.75/1.00/1.20, the correlations of the peers' README), 1440 one-minute gbm
# steps, zero drift, seed 12345.
#   A  = python3 $PEERS_DIR/numpy_paths.py --paths N --workers K   (log-prices and prices)
#   B  = Benchmarks PathThroughput --paths N --threads K           (log-prices: what the fund
#                                                                   simulation consumes)
#   B' = the same with --prices                                    (also exp() of every
#                                                                   log-price: the peer's output)
# Runs are interleaved A, B, B', A, B, B', … (the machine is shared), each run's
# `other_cpus` (CPU other processes used meanwhile, measured the peer's way) is printed,
# and the medians and the ratios of medians are reported. Rounds in which any run saw more
# than MAX_OTHER_CPUS other CPUs are reported but left out of the medians, unless every
# round was contended. Paths per CPU-second (user + system time of the process tree) are
# reported too: on a busy machine they move less than wall-clock throughput.
#
# Environment: PEERS_DIR (default ../shared/peers, relative to the repository), PATHS
# (100000), THREADS (2), REPEATS (3), STEPS (1440), MAX_OTHER_CPUS (0.25), JSON_OUT (a file
# for the per-run JSON lines, optional).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
PEERS_DIR=${PEERS_DIR:-../shared/peers}
case "$PEERS_DIR" in /*) ;; *) PEERS_DIR="$repo/$PEERS_DIR" ;; esac
PATHS=${PATHS:-100000}
THREADS=${THREADS:-2}
REPEATS=${REPEATS:-3}
STEPS=${STEPS:-1440}
MAX_OTHER_CPUS=${MAX_OTHER_CPUS:-0.25}
JSON_OUT=${JSON_OUT:-}

if [ ! -f "$PEERS_DIR/numpy_paths.py" ]; then
  echo "compare_paths: error: $PEERS_DIR/numpy_paths.py not found; set PEERS_DIR to the peers folder" >&2
  exit 2
fi
python3 -c 'import numpy' 2>/dev/null || {
  echo "compare_paths: error: python3 cannot import numpy; pip install numpy" >&2
  exit 2
}

echo "building Benchmarks/PathThroughput (release)..." >&2
(cd Benchmarks && swift build -c release --product PathThroughput >&2)
bin="$repo/Benchmarks/.build/release/PathThroughput"

export PEERS_DIR PATHS THREADS REPEATS STEPS MAX_OTHER_CPUS JSON_OUT bin
python3 - <<'PY'
import json, os, statistics, subprocess, sys, time

peers = os.environ["PEERS_DIR"]
sys.path.insert(0, peers)
import _common as C  # the peer's CPU-contention meter and machine description

P, K, R, T = (int(os.environ[k]) for k in ("PATHS", "THREADS", "REPEATS", "STEPS"))
limit = float(os.environ["MAX_OTHER_CPUS"])
commands = {
    "numpy": ["python3", os.path.join(peers, "numpy_paths.py"), "--paths", str(P),
              "--workers", str(K), "--steps", str(T), "--seed", "12345"],
    "fundstress": [os.environ["bin"], "--paths", str(P), "--threads", str(K),
                   "--steps", str(T), "--seed", "12345"],
    "fundstress+prices": [os.environ["bin"], "--paths", str(P), "--threads", str(K),
                          "--steps", str(T), "--seed", "12345", "--prices"],
}
for name, cmd in commands.items():
    print("%-18s %s" % (name, " ".join(cmd)))
print()

rounds = []
log = open(os.environ["JSON_OUT"], "w") if os.environ.get("JSON_OUT") else None
for r in range(R):
    row = {}
    for name, cmd in commands.items():
        meter = C.Contention()
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        usage = meter.stop()
        d = json.loads(out.strip().splitlines()[-1])
        other = d.get("usage", {}).get("other_cpus", usage.get("other_cpus", float("nan")))
        # CPU time of the whole process tree (user + system, workers included) per path:
        # less sensitive to other processes than wall time, though not immune (caches).
        cpu_per_path = usage["own_cpu_s"] / P
        row[name] = (d["paths_per_second"], other, d, 1 / cpu_per_path)
        print("round %d  %-18s %10.0f paths/s  %8.0f paths/CPU-s  other_cpus %.2f"
              % (r + 1, name, d["paths_per_second"], 1 / cpu_per_path, other), flush=True)
        if log:
            log.write(json.dumps({"round": r + 1, "name": name, "other_cpus": other, "result": d}) + "\n")
    rounds.append(row)

clean = [row for row in rounds if all(v[1] <= limit for v in row.values())]
used = clean if clean else rounds
print()
print("rounds used for the medians: %d of %d%s" % (len(used), len(rounds),
      "" if clean else "  (every round was contended: medians over all of them)"))
med = {name: statistics.median(row[name][0] for row in used) for name in commands}
for name in commands:
    values = [row[name][0] for row in used]
    print("%-18s median %10.0f paths/s  (min %.0f, max %.0f)" % (name, med[name], min(values), max(values)))
cpu = {name: statistics.median(row[name][3] for row in used) for name in commands}
for name in commands:
    print("%-18s median %10.0f paths per CPU-second" % (name, cpu[name]))
print("ratio fundstress / numpy          %.2fx wall, %.2fx per CPU-second"
      % (med["fundstress"] / med["numpy"], cpu["fundstress"] / cpu["numpy"]))
print("ratio fundstress+prices / numpy   %.2fx wall, %.2fx per CPU-second"
      % (med["fundstress+prices"] / med["numpy"], cpu["fundstress+prices"] / cpu["numpy"]))
z = rounds[-1]["fundstress"][2]["checksum"]["max_abs_z"]
print("fundstress checksum max |z| of the mean final log-return: %.2f" % z)
info = C.machine_info()
print("machine: %s, %s CPUs, python %s, numpy %s" % (info.get("cpu"), info.get("nproc"), info.get("python"),
      rounds[-1]["numpy"][2].get("numpy")))
PY
