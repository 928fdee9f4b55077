#!/usr/bin/env python3
"""How the cost of `fundstress run` grows with paths, steps, markets and positions (issue 5,
target 3). Prints one line per run and a Markdown table per sweep.

Sweeps (each run: `fundstress run --scenario FILE --paths N --threads K --quiet`):

  paths      the embedded default scenario, N = 1 000 ... 1 000 000 (--max-paths)
  steps      a calm scenario (8 gbm markets at 20% vol, 2 000 positions per market at 1-2x
             leverage: nothing is liquidated), T = 360 ... 23 040 one-minute steps
  markets    the calm scenario with M = 4 ... 256 markets (one-factor correlation 0.5)
  positions  the calm scenario, 8 markets, 1 000 ... 1 000 000 positions in all

Every configuration is also run with `--paths 1`, whose time is the start-up (scenario,
book drawing, ladder sorting, report writing); the per-path cost is
(time − start-up) / paths. Reported per run: wall seconds, CPU seconds (user + system),
the CPU other processes used meanwhile (`other_cpus`, the numpy peer's meter: the
machine is shared), paths per CPU-second, CPU microseconds per path and per path-step
(and per market-step), liquidations per path, and the peak resident set size (ru_maxrss
of the run, from wait4).

Scenario files are written to a temporary folder (kept with --keep, to rerun by hand).

Usage: scripts/scaling.py [--sweep paths,steps,markets,positions] [--threads 2]
           [--max-paths 1000000] [--fundstress PATH] [--json-out FILE] [--keep]
Environment: PEERS_DIR (default ../shared/peers: only its _common.Contention meter is used).
"""
import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PEERS = os.path.abspath(os.environ.get("PEERS_DIR", os.path.join(ROOT, "..", "shared", "peers")))


def calm_yaml(markets, positions_per_market, steps):
    """Mirrors Benchmarks/Sources/ScenarioFixtures: nothing gets liquidated."""
    lines = [f"name: calm-{markets}x{positions_per_market}", "seed: 7",
             f"horizon: {{steps: {steps}, step_seconds: 60}}", "markets:"]
    for k in range(markets):
        lines += [f"  - symbol: M{k}", f"    price: {100.0 * (k + 1)}", "    volatility: 0.2",
                  "    returns: {model: gbm}", "    maintenance_margin: 0.01", "    depth: 1.0e7",
                  "    max_leverage: 50"]
    lines.append("correlation:")
    for i in range(markets):
        lines.append("  - [" + ", ".join("1.0" if j == i else "0.5" for j in range(markets)) + "]")
    lines += ["book:", "  synthetic:", f"    positions_per_market: {positions_per_market}", "    open_interest:"]
    lines += [f"      M{k}: 1.0e7" for k in range(markets)]
    lines += ["    leverage: {min: 1, max: 2}", "fund:", "  balance: 1.0e7", "  waterfall: market-close"]
    return "\n".join(lines) + "\n"


class Runner:
    def __init__(self, binary, threads, work):
        sys.path.insert(0, PEERS)
        import _common
        self.meter = _common.Contention
        self.binary, self.threads, self.work = binary, threads, work
        self.count = 0

    def run(self, scenario, paths):
        self.count += 1
        out = os.path.join(self.work, f"out{self.count}")
        cmd = [self.binary, "run", "--paths", str(paths), "--threads", str(self.threads), "--quiet", "--out", out]
        if scenario:
            cmd[2:2] = ["--scenario", scenario]
        m = self.meter()
        proc = subprocess.Popen(cmd)
        _, status, usage = os.wait4(proc.pid, 0)
        u = m.stop()
        if status != 0:
            raise SystemExit(f"failed ({status}): {' '.join(cmd)}")
        liquidations = None
        with open(os.path.join(out, "summary.csv"), newline="") as f:
            for row in csv.DictReader(f):
                if row["metric"] == "liquidations_mean":
                    liquidations = float(row["value"])
        shutil.rmtree(out, ignore_errors=True)
        return {"command": " ".join(cmd), "paths": paths, "wall": u["wall_s"],
                "cpu": usage.ru_utime + usage.ru_stime, "other_cpus": u.get("other_cpus", float("nan")),
                "peak_rss_mb": usage.ru_maxrss / 1024, "liquidations_per_path": liquidations}


def measure(runner, label, scenario, paths, steps, markets, positions):
    start = runner.run(scenario, 1)
    r = runner.run(scenario, paths)
    per_path_cpu = max(0.0, r["cpu"] - start["cpu"]) / paths
    r.update({"label": label, "steps": steps, "markets": markets, "positions": positions,
              "startup_cpu": start["cpu"], "startup_rss_mb": start["peak_rss_mb"],
              "paths_per_cpu_second": paths / r["cpu"], "paths_per_second": paths / r["wall"],
              "us_per_path": per_path_cpu * 1e6, "ns_per_path_step": per_path_cpu * 1e9 / steps,
              "ns_per_market_step": per_path_cpu * 1e9 / (steps * markets)})
    print(f"{label:>10}: {paths} paths, {steps} steps, {markets} markets, {positions} positions: "
          f"{r['wall']:.2f} s wall, {r['cpu']:.2f} CPU-s (start-up {start['cpu']:.2f}), other CPUs "
          f"{r['other_cpus']:.2f}, {r['us_per_path']:.1f} µs/path, {r['ns_per_market_step']:.2f} ns/market-step, "
          f"{r['liquidations_per_path']:.1f} liquidations/path, peak RSS {r['peak_rss_mb']:.0f} MB", flush=True)
    return r


def table(rows):
    head = ("| paths | steps | markets | positions | wall s | CPU s | other CPUs | start-up CPU s | paths/CPU-s "
            "| µs/path | ns/market-step | liq./path | peak RSS MB |")
    lines = [head, "|" + "---:|" * 13]
    for r in rows:
        lines.append(f"| {r['paths']:,} | {r['steps']:,} | {r['markets']} | {r['positions']:,} | {r['wall']:.2f} | "
                     f"{r['cpu']:.2f} | {r['other_cpus']:.2f} | {r['startup_cpu']:.2f} | "
                     f"{r['paths_per_cpu_second']:,.0f} | {r['us_per_path']:.1f} | {r['ns_per_market_step']:.2f} | "
                     f"{r['liquidations_per_path']:.1f} | {r['peak_rss_mb']:.0f} |")
    return "\n".join(lines)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sweep", default="paths,steps,markets,positions")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--max-paths", type=int, default=1_000_000)
    p.add_argument("--fundstress", default=os.path.join(ROOT, ".build", "release", "fundstress"))
    p.add_argument("--json-out")
    p.add_argument("--keep", action="store_true", help="keep the scenario files")
    args = p.parse_args()
    work = tempfile.mkdtemp(prefix="scaling-")
    runner = Runner(args.fundstress, args.threads, work)

    def calm(markets, ppm, steps):
        path = os.path.join(work, f"calm-{markets}m-{ppm}p-{steps}s.yaml")
        with open(path, "w") as f:
            f.write(calm_yaml(markets, ppm, steps))
        return path

    results = {}
    sweeps = args.sweep.split(",")
    if "paths" in sweeps:
        sizes = [n for n in (1_000, 10_000, 100_000, 1_000_000, 10_000_000) if n <= args.max_paths]
        results["paths"] = [measure(runner, "paths", None, n, 1440, 8, 16_000) for n in sizes]
    if "steps" in sweeps:
        # paths × steps constant (72 M path-steps, about 5 CPU-s each): long enough to time
        results["steps"] = [measure(runner, "steps", calm(8, 2000, t), 72_000_000 // t, t, 8, 16_000)
                            for t in (360, 1440, 5760, 23040)]
    if "markets" in sweeps:
        # paths × markets constant (400 000), so each run draws the same number of normals
        results["markets"] = [measure(runner, "markets", calm(m, 2000, 1440), 400_000 // m, 1440, m, m * 2000)
                              for m in (4, 8, 16, 32, 64, 128, 256)]
    if "positions" in sweeps:
        results["positions"] = [measure(runner, "positions", calm(8, n // 8, 1440), 50_000, 1440, 8, n)
                                for n in (1_000, 10_000, 100_000, 1_000_000)]
    for name, rows in results.items():
        print(f"\n### {name}\n\n{table(rows)}")
    if args.json_out:
        with open(args.json_out, "w") as f:
            json.dump(results, f, indent=1)
    if args.keep:
        print(f"\nscenarios kept in {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
