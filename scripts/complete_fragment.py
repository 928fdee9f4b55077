#!/usr/bin/env python3
"""Completes a `fundstress calibrate` fragment into a scenario for examples/calibrated/:
adds each market's rules (the default scenario's margin, depth and leverage for these
symbols), sets a one-week hourly horizon, and appends the default scenario's book, fund
and ADL. Usage: complete_fragment.py FRAGMENT.yaml MODEL > SCENARIO.yaml"""
import sys

RULES = {  # maintenance_margin, depth (USDC per 1% move), max_leverage — as the default scenario
    "BTC": (0.01, "4.0e7", 50), "ETH": (0.01, "2.0e7", 50), "SOL": (0.025, "6.0e6", 20),
    "XRP": (0.025, "3.0e6", 20), "DOGE": (0.025, "2.0e6", 20), "LINK": (0.025, "1.2e6", 20),
    "AVAX": (0.025, "1.0e6", 20),
}
OPEN_INTEREST = {"BTC": "4.0e8", "ETH": "2.5e8", "SOL": "1.0e8", "XRP": "6.0e7", "DOGE": "4.0e7",
                 "LINK": "2.5e7", "AVAX": "2.0e7"}

path, model = sys.argv[1], sys.argv[2]
lines = open(path).read().splitlines()
out = [f"name: calibrated-{model}",
       f"description: The seven markets of data/hourly-closes-2024-11-23_2025-02-19.csv calibrated with "
       f"`--model {model}`, one week of hourly steps, the default scenario's book and fund.",
       "seed: 20250203"]
symbol = None
for line in lines:
    if line.startswith("  steps: 24"):
        line = "  steps: 168   # one week of hours"
    if line.startswith("  - symbol: "):
        symbol = line.split(": ")[1].strip()
    out.append(line)
    if symbol and line.startswith("    returns:"):
        mm, depth, lev = RULES[symbol]
        out += [f"    maintenance_margin: {mm}", f"    depth: {depth}", f"    max_leverage: {lev}"]
        symbol = None
out += ["book:", "  synthetic:", "    positions_per_market: 2000", "    open_interest:"]
out += [f"      {s}: {v}" for s, v in OPEN_INTEREST.items()]
out += ["    leverage: {min: 1, max: 10}", "    long_share: 0.5", "    entry_dispersion: 0.01",
        "    size_dispersion: 1.5", "fund:", "  balance: 1.0e7", "  waterfall: market-close",
        "adl:", "  ranking: pnl-leverage"]
print("\n".join(out))
