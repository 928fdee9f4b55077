#!/usr/bin/env python3
"""fundstress against the numpy cascade peer on identical work (issue 5, target 1).

Both programs get the same positions CSV (the peer's shared synthetic book), the same four
built-in markets (BTC/ETH/SOL/DOGE, the peer's prices, vols and correlations), 1 440
one-minute steps, GBM with zero drift, no price impact, all residual margin to the fund, no
fee cap and depletion at a fund <= 0. The random streams differ, so agreement is
statistical: depletion probabilities are compared by their 95% intervals and mean
liquidations per path by their standard errors.

Runs are interleaved (peer, fundstress, peer, fundstress, ...) and medians quoted, because
the machine is shared. Prints one line per run and a summary with the speed ratio.

Usage: scripts/compare_cascade.py [--paths N] [--vol-mult K] [--repeats R] [--fund F]
Environment: PEERS_DIR (default ../shared/peers), FUNDSTRESS (default .build/release/fundstress).
"""
import argparse
import csv
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PEERS = os.environ.get("PEERS_DIR", os.path.join(ROOT, "..", "shared", "peers"))
FUNDSTRESS = os.environ.get("FUNDSTRESS", os.path.join(ROOT, ".build", "release", "fundstress"))

NAMES = ["BTC", "ETH", "SOL", "DOGE"]
S0 = [60000.0, 3000.0, 150.0, 0.15]
VOLS = [0.60, 0.75, 1.00, 1.20]
CORR = [[1.00, 0.85, 0.75, 0.65], [0.85, 1.00, 0.78, 0.62], [0.75, 0.78, 1.00, 0.60], [0.65, 0.62, 0.60, 1.00]]


def scenario_yaml(book, vol_mult, fund, mmr, steps):
    lines = ["name: peer-identical", "seed: 12345", f"horizon: {{steps: {steps}, step_seconds: 60}}", "markets:"]
    for name, price, vol in zip(NAMES, S0, VOLS):
        lines += [f"  - symbol: {name}", f"    price: {price!r}", f"    volatility: {vol * vol_mult!r}",
                  "    drift: 0.0", "    returns: {model: gbm}", f"    maintenance_margin: {mmr!r}",
                  "    depth: .inf", "    max_leverage: 100"]
    lines.append("correlation:")
    lines += ["  - [" + ", ".join(repr(x) for x in row) + "]" for row in CORR]
    lines += ["book:", f"  positions: {book}", "fund:", f"  balance: {fund!r}", "  waterfall: market-close",
              "  fund_share: 1.0", "  fee_cap: null", "  depletion_threshold: 0.0"]
    return "\n".join(lines) + "\n"


def run_peer(args, book):
    cmd = [sys.executable, os.path.join(PEERS, "numpy_cascade.py"), "--paths", str(args.paths), "--method",
           "firstpassage", "--workers", str(args.threads), "--book-csv", book, "--vol-mult", str(args.vol_mult),
           "--fund", str(args.fund), "--mmr", str(args.mmr), "--steps", str(args.steps)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    result = json.loads(out.strip().splitlines()[-1])
    return {
        "seconds": args.paths / result["paths_per_second"],
        "paths_per_second": result["paths_per_second"],
        "p_depletion": result["p_depletion"],
        "ci": result["p_depletion_ci95"],
        "liquidations": result["mean_liquidations_per_path"],
        "liquidations_se": result["mean_liquidations_per_path_stderr"],
        "other_cpus": result.get("usage", {}).get("other_cpus"),
    }


def run_fundstress(args, scenario, out):
    cmd = [FUNDSTRESS, "run", "--scenario", scenario, "--paths", str(args.paths), "--threads", str(args.threads),
           "--quiet", "--out", out]
    start = time.perf_counter()
    subprocess.run(cmd, check=True)
    seconds = time.perf_counter() - start
    with open(os.path.join(out, "summary.csv"), newline="") as f:
        rows = {r["metric"]: r for r in csv.DictReader(f)}
    liq = rows["liquidations_mean"]
    return {
        "seconds": seconds,
        "paths_per_second": args.paths / seconds,
        "p_depletion": float(rows["depletion_probability"]["value"]),
        "ci": [float(rows["depletion_probability"]["ci_low"]), float(rows["depletion_probability"]["ci_high"])],
        "liquidations": float(liq["value"]),
        "liquidations_se": (float(liq["ci_high"]) - float(liq["ci_low"])) / (2 * 1.959964),
    }


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--paths", type=int, default=10000)
    p.add_argument("--vol-mult", type=float, default=1.0)
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--fund", type=float, default=100000.0)
    p.add_argument("--mmr", type=float, default=0.005)
    p.add_argument("--steps", type=int, default=1440)
    p.add_argument("--threads", type=int, default=2)
    args = p.parse_args()
    if not os.path.exists(os.path.join(PEERS, "numpy_cascade.py")):
        sys.exit(f"{PEERS}/numpy_cascade.py: not found; set PEERS_DIR to the peers folder")
    if not os.access(FUNDSTRESS, os.X_OK):
        sys.exit(f"{FUNDSTRESS}: not built; run `swift build -c release` first")
    work = tempfile.mkdtemp(prefix="compare-cascade-")
    book = os.path.join(work, "book.csv")
    subprocess.run([sys.executable, os.path.join(PEERS, "numpy_cascade.py"), "--paths", "8", "--shared-book",
                    "--write-book", book, "--seed", "12345"], check=True, capture_output=True)
    scenario = os.path.join(work, "scenario.yaml")
    with open(scenario, "w") as f:
        f.write(scenario_yaml(book, args.vol_mult, args.fund, args.mmr, args.steps))

    peer_runs, ours_runs = [], []
    for r in range(args.repeats):
        peer_runs.append(run_peer(args, book))
        ours_runs.append(run_fundstress(args, scenario, os.path.join(work, f"out{r}")))
        print(f"repeat {r + 1}: peer {peer_runs[-1]['paths_per_second']:.0f} paths/s "
              f"(other CPUs {peer_runs[-1]['other_cpus']}), fundstress {ours_runs[-1]['paths_per_second']:.0f} paths/s")
    peer = statistics.median(x["paths_per_second"] for x in peer_runs)
    ours = statistics.median(x["paths_per_second"] for x in ours_runs)
    a, b = peer_runs[-1], ours_runs[-1]
    overlap = a["ci"][0] <= b["ci"][1] and b["ci"][0] <= a["ci"][1]
    z = (a["liquidations"] - b["liquidations"]) / math.hypot(a["liquidations_se"], b["liquidations_se"] or 1e-300)
    print(json.dumps({
        "paths": args.paths, "vol_mult": args.vol_mult, "threads": args.threads,
        "peer_paths_per_second_median": round(peer, 1), "fundstress_paths_per_second_median": round(ours, 1),
        "ratio": round(ours / peer, 2),
        "p_depletion": {"peer": [a["p_depletion"], a["ci"]], "fundstress": [b["p_depletion"], b["ci"]],
                        "intervals_overlap": overlap},
        "mean_liquidations": {"peer": [a["liquidations"], a["liquidations_se"]],
                              "fundstress": [b["liquidations"], b["liquidations_se"]], "z": round(z, 2)},
        "work_dir": work,
    }, indent=1))


if __name__ == "__main__":
    main()
