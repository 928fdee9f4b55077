#!/usr/bin/env python3
"""The default run against the floor of its normal draws (issue 5, target 2).

Runs, interleaved and repeated (the machine is shared):

  floor       Benchmarks/.build/release/NormalsFloor --paths N --steps 1440 --markets 8 --threads K
              draws exactly N x 1440 x 8 standard normals with the project's generator
              (ZigguratNormal.fill over Xoshiro256PlusPlus), keyed per path as a run keys them
  fundstress  .build/release/fundstress run --paths N --threads K --quiet --out DIR
              the whole default-scenario run: paths, liquidations, ADL, statistics, report

and reports medians (min-max) of wall seconds and of CPU seconds (user + system), the CPU
other processes used meanwhile (`other_cpus`, the numpy peer's meter) and the ratio
fundstress / floor of the medians, both wall-clock and CPU. The target is a ratio <= 2.

The floor counts the diffusion normals only (steps x markets per path). A run draws more:
each Student-t step's mixing variable is a Marsaglia-Tsang gamma variate, one normal (and
one uniform) per draw plus rejections. `--extra-normals-per-step K` adds a second floor,
`floor+K`, of steps x (markets + K) normals per path (K = 1 for the default scenario: a
lower bound of every normal the run draws), and reports the ratios to it as well.

Several fundstress binaries can be compared in the same interleaved rounds
(`--binary label=PATH`, repeatable; default: fundstress=.build/release/fundstress), e.g. a
prototype build against the current one.

Usage: scripts/floor.py [--paths 100000] [--threads 2] [--repeats 3] [--binary label=PATH ...]
           [--extra-normals-per-step K] [--json-out FILE]
Environment: PEERS_DIR (default ../shared/peers: only its _common.Contention meter is used).
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PEERS = os.path.abspath(os.environ.get("PEERS_DIR", os.path.join(ROOT, "..", "shared", "peers")))
FLOOR = os.path.join(ROOT, "Benchmarks", ".build", "release", "NormalsFloor")


def meter():
    sys.path.insert(0, PEERS)
    import _common
    return _common.Contention()


def timed(cmd):
    m = meter()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    u = m.stop()
    return {"wall": u["wall_s"], "cpu": u["own_cpu_s"], "other_cpus": u.get("other_cpus", float("nan")), "out": out}


def spread(xs, digits=3):
    return {"median": round(statistics.median(xs), digits), "min": round(min(xs), digits),
            "max": round(max(xs), digits)}


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--paths", type=int, default=100000)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--binary", action="append", default=[], metavar="LABEL=PATH")
    p.add_argument("--scenario", help="a scenario file instead of the embedded default (8 markets x 1440 steps)")
    p.add_argument("--steps", type=int, default=1440, help="floor: steps per path (match the scenario)")
    p.add_argument("--markets", type=int, default=8, help="floor: markets (match the scenario)")
    p.add_argument("--extra-normals-per-step", type=int, default=0,
                   help="also time a floor of steps x (markets + K) normals (K = 1: the default's Student-t mixing)")
    p.add_argument("--json-out")
    args = p.parse_args()
    binaries = dict(b.split("=", 1) for b in args.binary) or {
        "fundstress": os.path.join(ROOT, ".build", "release", "fundstress")}
    if not os.access(FLOOR, os.X_OK):
        print("building Benchmarks/NormalsFloor (release)...", file=sys.stderr)
        subprocess.run(["swift", "build", "-c", "release", "--product", "NormalsFloor"],
                       cwd=os.path.join(ROOT, "Benchmarks"), check=True)
    work = tempfile.mkdtemp(prefix="floor-")
    commands = {"floor": [FLOOR, "--paths", str(args.paths), "--steps", str(args.steps), "--markets",
                          str(args.markets), "--threads", str(args.threads)]}
    floors = ["floor"]
    if args.extra_normals_per_step > 0:
        label = f"floor+{args.extra_normals_per_step}"
        floors.append(label)
        commands[label] = [FLOOR, "--paths", str(args.paths), "--steps", str(args.steps), "--markets",
                           str(args.markets + args.extra_normals_per_step), "--threads", str(args.threads)]
    for label, path in binaries.items():
        cmd = [path, "run", "--paths", str(args.paths), "--threads", str(args.threads), "--quiet", "--out",
               os.path.join(work, label)]
        if args.scenario:
            cmd[2:2] = ["--scenario", args.scenario]
        commands[label] = cmd
    for label, cmd in commands.items():
        print(f"{label:<14} {' '.join(cmd)}")
    runs = {label: [] for label in commands}
    for r in range(args.repeats):
        line = []
        for label, cmd in commands.items():
            result = timed(cmd)
            runs[label].append(result)
            line.append(f"{label} {result['wall']:.2f} s wall, {result['cpu']:.2f} CPU-s "
                        f"(other {result['other_cpus']:.2f})")
        print(f"round {r + 1}: " + "; ".join(line), flush=True)
    summary = {"paths": args.paths, "threads": args.threads, "repeats": args.repeats,
               "normals": args.paths * args.steps * args.markets, "commands": {k: " ".join(v) for k, v in commands.items()}}
    for label in commands:
        wall = [x["wall"] for x in runs[label]]
        cpu = [x["cpu"] for x in runs[label]]
        entry = {"wall_seconds": spread(wall), "cpu_seconds": spread(cpu),
                 "other_cpus": [round(x["other_cpus"], 2) for x in runs[label]],
                 "paths_per_cpu_second": round(args.paths / statistics.median(cpu))}
        if label not in floors:
            for floor in floors:
                suffix = "" if floor == "floor" else "_" + floor.replace("+", "_plus_")
                floor_wall = statistics.median(x["wall"] for x in runs[floor])
                floor_cpu = statistics.median(x["cpu"] for x in runs[floor])
                entry["ratio_to_floor_wall" + suffix] = round(statistics.median(wall) / floor_wall, 2)
                entry["ratio_to_floor_cpu" + suffix] = round(statistics.median(cpu) / floor_cpu, 2)
        summary[label] = entry
    text = json.dumps(summary, indent=1)
    print(text)
    if args.json_out:
        with open(args.json_out, "w") as f:
            f.write(text + "\n")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
