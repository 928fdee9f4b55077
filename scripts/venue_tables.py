#!/usr/bin/env python3
"""The tables of docs/VENUES.md, "The same book under each venue's rules", from one sweep.

    swift build -c release --product fundstress
    scripts/venue_tables.py                  # 100 000 paths, the embedded default
    PATHS=20000 OUT=/tmp/venues scripts/venue_tables.py

Runs, into OUT (default: a new temporary folder, kept):
  sweep/       fundstress sweep --paths N --vary venue=<every preset>   (common random numbers)
  run-NAME/    fundstress run --paths N --set venue=NAME                 (each cell's summary.csv)
and prints three Markdown tables: the paired differences of depletion, ADL and ES 99% from
the sweep; those of bad debt, ADL overshoot and haircut; and the means of each run's
summary.csv. The sweep's cells equal the separate runs to the last digit (same seed, same
paths); the script checks that for every metric the sweep reports.
"""
import csv
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, ".build", "release", "fundstress")
PATHS = os.environ.get("PATHS", "100000")
VENUES = ["defx", "nomoex", "dydx", "hyperliquid", "binance", "bybit", "okx", "drift", "bitmex"]


def fundstress(*args):
    subprocess.run([BINARY, *args], check=True, stdout=subprocess.DEVNULL)


def millions(x):
    return f"{x / 1e6:.2f} M"


def percent(x):
    return f"{100 * x:.2f}%"


def points(x, lo, hi):
    return f"{100 * x:+.2f} ({100 * lo:+.2f} to {100 * hi:+.2f}) pp"


def change_millions(x, lo, hi):
    return f"{x / 1e6:+.2f} ({lo / 1e6:+.2f} to {hi / 1e6:+.2f}) M"


def thousands(x):
    return f"{x / 1e3:,.0f}K"


def change_thousands(x, lo, hi):
    return f"{x / 1e3:+,.0f}K ({lo / 1e3:+,.0f} to {hi / 1e3:+,.0f})"


def spaced(x, digits=0):
    text = f"{x:,.{digits}f}"
    return text.replace(",", " ")


def main():
    out = os.environ.get("OUT") or tempfile.mkdtemp(prefix="venues-")
    sweep_dir = os.path.join(out, "sweep")
    fundstress("sweep", "--paths", PATHS, "--vary", "venue=" + ",".join(VENUES), "--out", sweep_dir)
    sweep = {}
    with open(os.path.join(sweep_dir, "sweep.csv")) as f:
        for row in csv.DictReader(f):
            sweep[(row["venue"], row["metric"])] = row
    summaries = {}
    for venue in VENUES:
        run_dir = os.path.join(out, f"run-{venue}")
        fundstress("run", "--paths", PATHS, "--set", f"venue={venue}", "--out", run_dir)
        with open(os.path.join(run_dir, "summary.csv")) as f:
            summaries[venue] = {row["metric"]: float(row["value"]) for row in csv.DictReader(f) if row["value"]}
    for (venue, metric), row in sweep.items():
        if metric in summaries[venue] and float(row["value"]) != summaries[venue][metric]:
            sys.exit(f"venue_tables: {venue} {metric}: sweep {row['value']} != run {summaries[venue][metric]}")

    def cell(venue, metric, form, change):
        row = sweep[(venue, metric)]
        diff = [float(row[k]) for k in ("diff_vs_base", "diff_ci_low", "diff_ci_high")]
        return f"{form(float(row['value']))} | {change(*diff)}"

    print("| venue | P(depletion) | change vs the scenario's own rules (95% CI) | P(ADL) | change (95% CI) "
          "| fund loss ES 99% | change (95% CI) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for v in VENUES:
        print(f"| `{v}` | {cell(v, 'depletion_probability', percent, points)} | "
              f"{cell(v, 'adl_probability', percent, points)} | "
              f"{cell(v, 'fund_loss_es_99', millions, change_millions)} |")
    print()
    print("| venue | bad debt | change (95% CI) | ADL overshoot | change (95% CI) | ADL haircut | change (95% CI) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for v in VENUES:
        print(f"| `{v}` | {cell(v, 'bad_debt_mean', thousands, change_thousands)} | "
              f"{cell(v, 'adl_overshoot_mean', thousands, change_thousands)} | "
              f"{cell(v, 'adl_haircut_mean', thousands, change_thousands)} |")
    print()
    columns = [
        ("P(depletion)", "depletion_probability", lambda x: f"{x:.4f}"),
        ("P(ADL)", "adl_probability", lambda x: f"{x:.4f}"),
        ("shortfall", "shortfall_mean", spaced),
        ("bad debt", "bad_debt_mean", spaced),
        ("ADL notional", "adl_notional_mean", spaced),
        ("ADL overshoot", "adl_overshoot_mean", spaced),
        ("ADL haircut", "adl_haircut_mean", spaced),
        ("ADL positions", "adl_positions_mean", lambda x: spaced(x, 1)),
        ("backstop P&L", "backstop_pnl_mean", spaced),
        ("fund loss VaR 99%", "fund_loss_var_99", spaced),
    ]
    print("| venue | " + " | ".join(title for title, _, _ in columns) + " |")
    print("|---|" + "---:|" * len(columns))
    for v in VENUES:
        values = " | ".join(form(summaries[v][metric]) for _, metric, form in columns)
        print(f"| `{v}` | {values} |")
    print(f"\n(runs in {out})", file=sys.stderr)


if __name__ == "__main__":
    main()
