#!/usr/bin/env python3
"""Peer computation for `fundstress calibrate` on a wide price CSV (timestamp,<SYM>,...).

Prints one JSON object: per market the plain (numpy) annualised volatility and the
correlation matrix of the log-returns taken between rows one interval apart, and, when
Python's `arch` package is installed, the GARCH(1,1)-t fit of each market by `arch`
(zero mean on the demeaned returns, backcast = sample variance, as fundstress does).

Usage: scripts/calibration_peer.py PRICES.csv [--no-arch]
"""
import json
import sys
from collections import Counter
from datetime import datetime

import numpy as np


def read(path):
    with open(path) as f:
        header = f.readline().strip().split(",")
        times, rows = [], []
        for line in f:
            if not line.strip():
                continue
            fields = line.strip().split(",")
            t = fields[0]
            try:
                seconds = float(t)
            except ValueError:
                seconds = datetime.fromisoformat(t.replace("Z", "+00:00")).timestamp()
            times.append(seconds)
            rows.append([float(x) for x in fields[1:]])
    return header[1:], np.array(times), np.array(rows)


def main():
    symbols, times, prices = read(sys.argv[1])
    diffs = np.diff(times)
    counts = Counter(diffs.tolist())
    interval = min(d for d, c in counts.items() if c == max(counts.values()))
    keep = diffs == interval
    returns = np.log(prices[1:] / prices[:-1])[keep]
    dt = interval / (365 * 86400)
    out = {
        "interval": interval,
        "returns": int(returns.shape[0]),
        "volatility": dict(zip(symbols, (returns.std(axis=0, ddof=1) / np.sqrt(dt)).tolist())),
        "correlation": np.corrcoef(returns, rowvar=False).tolist(),
    }
    if "--no-arch" not in sys.argv:
        try:
            from arch import arch_model
        except ImportError:
            arch_model = None
        if arch_model is not None:
            garch = {}
            for i, s in enumerate(symbols):
                x = (returns[:, i] - returns[:, i].mean()) * 100  # arch prefers per-cent units
                model = arch_model(x, mean="Zero", vol="GARCH", p=1, q=1, dist="t", rescale=False)
                res = model.fit(disp="off", backcast=float(x.var(ddof=1)), cov_type="classic",
                                options={"ftol": 1e-12, "maxiter": 2000})
                p, se = res.params, res.std_err
                garch[s] = {
                    "omega": p["omega"] / 1e4, "alpha": p["alpha[1]"], "beta": p["beta[1]"], "dof": p["nu"],
                    "omega_se": se["omega"] / 1e4, "alpha_se": se["alpha[1]"], "beta_se": se["beta[1]"],
                    "dof_se": se["nu"], "loglikelihood": res.loglikelihood + x.size * np.log(100),
                }
            out["garch"] = garch
    json.dump(out, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
