#!/usr/bin/env python3
"""What `fundstress size` and `fundstress sweep` cost against plain runs (issue 16).

    swift build -c release --product fundstress
    scripts/size_sweep_speed.py                      # 20 000 paths, 2 threads, 3 rounds
    PATHS=100000 REPEATS=5 scripts/size_sweep_speed.py

Each round runs, interleaved (the machine is shared):
  run       fundstress run --paths N                          (the embedded default)
  size      fundstress size --paths N                         (one-run method)
  run x0.5  fundstress run --paths N --set markets.*.depth=x0.5
  run x2    fundstress run --paths N --set markets.*.depth=x2
  sweep     fundstress sweep --paths N --vary markets.*.depth=x0.5,x1,x2   (k = 3 cells)
and reports, from the medians over rounds, size / run (target ≤ 1.2) and
sweep / (run + run x0.5 + run x2), the same three cells as plain runs (target ≤ 1.05).
Both wall-clock seconds and CPU seconds (user + system of the child) are reported; on a
busy machine the CPU ratios move less. Prints one JSON line.
"""
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, ".build", "release", "fundstress")
PATHS = os.environ.get("PATHS", "20000")
THREADS = os.environ.get("THREADS", "2")
REPEATS = int(os.environ.get("REPEATS", "3"))


def timed(arguments, out):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [BINARY] + arguments + ["--paths", PATHS, "--threads", THREADS, "--quiet", "--out", out],
        check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main():
    if not os.path.exists(BINARY):
        sys.exit("build first: swift build -c release --product fundstress")
    jobs = {
        "run": ["run"],
        "size": ["size"],
        "run_depth_x0.5": ["run", "--set", "markets.*.depth=x0.5"],
        "run_depth_x2": ["run", "--set", "markets.*.depth=x2"],
        "sweep_3_cells": ["sweep", "--vary", "markets.*.depth=x0.5,x1,x2"],
    }
    walls = {name: [] for name in jobs}
    cpus = {name: [] for name in jobs}
    with tempfile.TemporaryDirectory() as scratch:
        for round_ in range(REPEATS):
            for name, arguments in jobs.items():
                wall, cpu = timed(arguments, os.path.join(scratch, name))
                walls[name].append(wall)
                cpus[name].append(cpu)
    wall = {name: statistics.median(values) for name, values in walls.items()}
    cpu = {name: statistics.median(values) for name, values in cpus.items()}
    cells = ["run", "run_depth_x0.5", "run_depth_x2"]
    print(json.dumps({
        "paths": int(PATHS), "threads": int(THREADS), "repeats": REPEATS,
        "median_wall_seconds": wall, "median_cpu_seconds": cpu,
        "size_over_run": {"wall": wall["size"] / wall["run"], "cpu": cpu["size"] / cpu["run"]},
        "sweep_over_runs": {
            "wall": wall["sweep_3_cells"] / sum(wall[c] for c in cells),
            "cpu": cpu["sweep_3_cells"] / sum(cpu[c] for c in cells),
        },
        "walls": walls, "cpus": cpus,
    }, sort_keys=True))


if __name__ == "__main__":
    main()
