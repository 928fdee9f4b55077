#!/usr/bin/env python3
"""fundstress against the numpy cascade peer on identical work (issue 5, target 1).

Both programs get the same positions CSV (the peer's shared synthetic book, written once
by `numpy_cascade.py --shared-book --write-book`), the same four built-in markets
(BTC/ETH/SOL/DOGE, the peer's prices, vols and correlations), 1 440 one-minute steps, GBM
with zero drift, no price impact, all residual margin to the fund, no fee cap and depletion
at a fund <= 0. The peer runs `--method firstpassage --workers K --book-csv BOOK`.

Speed. Runs are interleaved (peer, fundstress, peer, fundstress, ...) because the machine
is shared; every run records its wall time, its CPU time (user + system of the process
tree, the peer's worker processes included) and `other_cpus`, the CPU other processes used
meanwhile (the peer's own meter, `_common.Contention`). Reported: medians (min-max) of
paths/s and of paths per CPU-second, and the ratios of the medians. The peer's paths/s is
its own figure (it times its computation, not Python start-up, numpy import or reading the
book); fundstress's is the whole process, start-up and report writing included, so the
ratio is conservative.

Agreement. The random streams differ, so agreement is statistical: z-scores of the
differences in depletion probability and in mean liquidations per path (unpooled standard
errors). The models differ only once the fund is depleted (fundstress deleverages
profitable opposite positions, ADL, where the peer lets the fund go negative; a
counterparty closed entirely by ADL is no longer there to be liquidated later), and in when
depletion is checked (fundstress at every payment, the peer at step ends). To quantify the
first, fundstress is run a second time with a fund so large it is never depleted (no ADL):
the paths are the same (randomness is keyed by path index), so the per-path difference in
liquidations is exactly what ADL removed.

Usage: scripts/compare_cascade.py [--paths N] [--vol-mult K] [--repeats R] [--threads K]
           [--fund F] [--mmr M] [--steps T] [--no-agreement] [--json-out FILE] [--keep]
Environment: PEERS_DIR (default ../shared/peers), FUNDSTRESS (default .build/release/fundstress).
"""
import argparse
import csv
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PEERS = os.path.abspath(os.environ.get("PEERS_DIR", os.path.join(ROOT, "..", "shared", "peers")))
FUNDSTRESS = os.environ.get("FUNDSTRESS", os.path.join(ROOT, ".build", "release", "fundstress"))

NAMES = ["BTC", "ETH", "SOL", "DOGE"]
S0 = [60000.0, 3000.0, 150.0, 0.15]
VOLS = [0.60, 0.75, 1.00, 1.20]
CORR = [[1.00, 0.85, 0.75, 0.65], [0.85, 1.00, 0.78, 0.62], [0.75, 0.78, 1.00, 0.60], [0.65, 0.62, 0.60, 1.00]]
# A fund that no day of these books can deplete: the no-ADL control run.
HUGE_FUND = 1.0e15


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


def contention():
    sys.path.insert(0, PEERS)
    import _common  # the peer's CPU-contention meter
    return _common.Contention()


def run_peer(args, book, paths_csv=None):
    cmd = [sys.executable, os.path.join(PEERS, "numpy_cascade.py"), "--paths", str(args.paths), "--method",
           "firstpassage", "--workers", str(args.threads), "--book-csv", book, "--vol-mult", str(args.vol_mult),
           "--fund", str(args.fund), "--mmr", str(args.mmr), "--steps", str(args.steps)]
    if paths_csv:
        cmd += ["--paths-csv", paths_csv]
    meter = contention()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    usage = meter.stop()
    result = json.loads(out.strip().splitlines()[-1])
    return {
        "command": " ".join(cmd),
        "seconds": args.paths / result["paths_per_second"],
        "process_seconds": usage["wall_s"],
        "cpu_seconds": usage["own_cpu_s"],
        "paths_per_second": result["paths_per_second"],
        "paths_per_cpu_second": args.paths / usage["own_cpu_s"],
        "other_cpus": usage.get("other_cpus"),
        "p_depletion": result["p_depletion"],
        "ci": result["p_depletion_ci95"],
        "liquidations": result["mean_liquidations_per_path"],
        "liquidations_se": result["mean_liquidations_per_path_stderr"],
    }


def run_fundstress(args, scenario, out):
    cmd = [FUNDSTRESS, "run", "--scenario", scenario, "--paths", str(args.paths), "--threads", str(args.threads),
           "--quiet", "--out", out]
    meter = contention()
    subprocess.run(cmd, check=True)
    usage = meter.stop()
    with open(os.path.join(out, "summary.csv"), newline="") as f:
        rows = {r["metric"]: r for r in csv.DictReader(f)}
    return {
        "command": " ".join(cmd),
        "seconds": usage["wall_s"],
        "cpu_seconds": usage["own_cpu_s"],
        "paths_per_second": args.paths / usage["wall_s"],
        "paths_per_cpu_second": args.paths / usage["own_cpu_s"],
        "other_cpus": usage.get("other_cpus"),
        "p_depletion": float(rows["depletion_probability"]["value"]),
        "ci": [float(rows["depletion_probability"]["ci_low"]), float(rows["depletion_probability"]["ci_high"])],
        "paths_csv": os.path.join(out, "paths.csv"),
    }


def per_path(path, fundstress):
    """(depleted, liquidations) per path from a paths CSV of either program."""
    with open(path, newline="") as f:
        return [(int(r["depleted"]), int(r["liquidations"])) for r in csv.DictReader(f)]


def mean_se(xs):
    n = len(xs)
    if n == 0:
        return float("nan"), float("nan")
    m = sum(xs) / n
    if n < 2:
        return m, float("nan")
    var = sum((x - m) ** 2 for x in xs) / (n - 1)
    return m, math.sqrt(var / n)


def z(a, sa, b, sb):
    s = math.hypot(sa, sb)
    return (a - b) / s if s > 0 else float("nan")


def spread(xs):
    return {"median": round(statistics.median(xs), 1), "min": round(min(xs), 1), "max": round(max(xs), 1)}


def agreement(peer_rows, ours_rows, control_rows):
    n_p, n_f = len(peer_rows), len(ours_rows)
    p_p = sum(d for d, _ in peer_rows) / n_p
    p_f = sum(d for d, _ in ours_rows) / n_f
    se_p = math.sqrt(p_p * (1 - p_p) / n_p)
    se_f = math.sqrt(p_f * (1 - p_f) / n_f)
    liq_p, liq_p_se = mean_se([l for _, l in peer_rows])
    liq_f, liq_f_se = mean_se([l for _, l in ours_rows])
    liq_c, liq_c_se = mean_se([l for _, l in control_rows])
    out = {
        "p_depletion": {"peer": p_p, "fundstress": p_f, "difference": p_f - p_p, "z": round(z(p_f, se_f, p_p, se_p), 2)},
        "mean_liquidations": {"peer": [liq_p, liq_p_se], "fundstress": [liq_f, liq_f_se],
                              "z": round(z(liq_f, liq_f_se, liq_p, liq_p_se), 2),
                              "fundstress_without_adl": [liq_c, liq_c_se],
                              "z_without_adl": round(z(liq_c, liq_c_se, liq_p, liq_p_se), 2)},
    }
    for label, flag in (("not_depleted", 0), ("depleted", 1)):
        a = [l for d, l in peer_rows if d == flag]
        b = [l for d, l in ours_rows if d == flag]
        ma, sa = mean_se(a)
        mb, sb = mean_se(b)
        out["mean_liquidations"][label] = {"peer": [ma, sa, len(a)], "fundstress": [mb, sb, len(b)],
                                           "z": round(z(mb, sb, ma, sa), 2) if a and b else None}
    # What ADL removed, path by path (same price paths in both fundstress runs).
    removed = [c[1] - o[1] for o, c in zip(ours_rows, control_rows)]
    depleted_removed = [r for r, (d, _) in zip(removed, ours_rows) if d]
    out["adl_effect"] = {
        "paths_with_fewer_liquidations": sum(1 for r in removed if r > 0),
        "paths_with_more_liquidations": sum(1 for r in removed if r < 0),
        "liquidations_removed_per_path": sum(removed) / len(removed),
        "liquidations_removed_per_depleted_path": (sum(depleted_removed) / len(depleted_removed)
                                                   if depleted_removed else 0.0),
    }
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--paths", type=int, default=10000)
    p.add_argument("--vol-mult", type=float, default=1.0)
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--fund", type=float, default=100000.0)
    p.add_argument("--mmr", type=float, default=0.005)
    p.add_argument("--steps", type=int, default=1440)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--no-agreement", action="store_true", help="speed only: skip the per-path agreement analysis")
    p.add_argument("--json-out", help="also write the summary JSON to this file")
    p.add_argument("--keep", action="store_true", help="keep the work folder (book, scenarios, outputs, per-path CSVs)")
    args = p.parse_args()
    if not os.path.exists(os.path.join(PEERS, "numpy_cascade.py")):
        sys.exit(f"{PEERS}/numpy_cascade.py: not found; set PEERS_DIR to the peers folder")
    if not os.access(FUNDSTRESS, os.X_OK):
        sys.exit(f"{FUNDSTRESS}: not built; run `swift build -c release --product fundstress` first")
    work = tempfile.mkdtemp(prefix="compare-cascade-")
    book = os.path.join(work, "book.csv")
    subprocess.run([sys.executable, os.path.join(PEERS, "numpy_cascade.py"), "--paths", "8", "--shared-book",
                    "--write-book", book, "--seed", "12345"], check=True, capture_output=True)
    scenario = os.path.join(work, "scenario.yaml")
    with open(scenario, "w") as f:
        f.write(scenario_yaml(book, args.vol_mult, args.fund, args.mmr, args.steps))

    peer_runs, ours_runs = [], []
    for r in range(args.repeats):
        last = r == args.repeats - 1 and not args.no_agreement
        peer_runs.append(run_peer(args, book, os.path.join(work, "peer_paths.csv") if last else None))
        ours_runs.append(run_fundstress(args, scenario, os.path.join(work, f"out{r}")))
        a, b = peer_runs[-1], ours_runs[-1]
        print(f"repeat {r + 1}: peer {a['paths_per_second']:.0f} paths/s, {a['paths_per_cpu_second']:.0f}/CPU-s "
              f"(other CPUs {a['other_cpus']:.2f}); fundstress {b['paths_per_second']:.0f} paths/s, "
              f"{b['paths_per_cpu_second']:.0f}/CPU-s (other CPUs {b['other_cpus']:.2f})", flush=True)

    peer = [x["paths_per_second"] for x in peer_runs]
    ours = [x["paths_per_second"] for x in ours_runs]
    peer_cpu = [x["paths_per_cpu_second"] for x in peer_runs]
    ours_cpu = [x["paths_per_cpu_second"] for x in ours_runs]
    summary = {
        "paths": args.paths, "vol_mult": args.vol_mult, "threads": args.threads, "repeats": args.repeats,
        "commands": {"peer": peer_runs[0]["command"], "fundstress": ours_runs[0]["command"]},
        "peer_paths_per_second": spread(peer), "fundstress_paths_per_second": spread(ours),
        "ratio": round(statistics.median(ours) / statistics.median(peer), 2),
        "peer_paths_per_cpu_second": spread(peer_cpu), "fundstress_paths_per_cpu_second": spread(ours_cpu),
        "ratio_per_cpu_second": round(statistics.median(ours_cpu) / statistics.median(peer_cpu), 2),
        "other_cpus": {"peer": [round(x["other_cpus"], 2) for x in peer_runs],
                       "fundstress": [round(x["other_cpus"], 2) for x in ours_runs]},
        "p_depletion_ci95": {"peer": peer_runs[-1]["ci"], "fundstress": ours_runs[-1]["ci"]},
        "work_dir": work if args.keep else None,
    }
    if not args.no_agreement:
        control_scenario = os.path.join(work, "scenario_no_adl.yaml")
        with open(control_scenario, "w") as f:
            f.write(scenario_yaml(book, args.vol_mult, HUGE_FUND, args.mmr, args.steps))
        control = run_fundstress(args, control_scenario, os.path.join(work, "out_no_adl"))
        summary["agreement"] = agreement(per_path(os.path.join(work, "peer_paths.csv"), False),
                                         per_path(ours_runs[-1]["paths_csv"], True),
                                         per_path(control["paths_csv"], True))
    text = json.dumps(summary, indent=1)
    print(text)
    if args.json_out:
        with open(args.json_out, "w") as f:
            f.write(text + "\n")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
