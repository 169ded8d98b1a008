"""Reference values for src/stats/lag-difference-rms.ts, computed independently with numpy:
    python3 test/stats/reference/make-lag-difference-rms-reference.py > test/stats/reference/lag-difference-rms.json
The estimate: d = all differences x[j] - x[i] with 0 < j - i <= maxLag; s = 1.4826 * median(|d|)
(R's mad(d, center = 0)); keep the d with |d| <= rejectAt * s (all d equal to 0 when s = 0);
result = 1.0127 * sqrt(mean(kept d**2) / 2). The samples are drawn here with a fixed seed.
It also prints the simulated chi-equivalent degrees of freedom per value of the estimate's square
(2 E[s^2]^2 / Var[s^2]) and its mean, the figures behind JOB_NOISE_DF_PER_JOB.
"""
import json

import numpy as np

rng = np.random.default_rng(20261202)
MAD = 1 / 0.6744897501960817
CONSISTENCY = 1.0127


def estimate(x, max_lag=2, reject_at=3.0):
    x = np.asarray(x, dtype=float)
    d = np.array([x[j] - x[i] for i in range(len(x)) for j in range(i + 1, min(len(x), i + max_lag + 1))])
    s = MAD * np.median(np.abs(d))
    kept = d[np.abs(d) <= reject_at * s] if s > 0 else d[d == 0]
    return 0.0 if len(kept) == 0 else CONSISTENCY * np.sqrt(np.mean(kept**2) / 2)


def case(name, x, max_lag=2, reject_at=3.0):
    return {"name": name, "maxLag": max_lag, "rejectAt": reject_at, "x": [float(v) for v in x], "scale": float(estimate(x, max_lag, reject_at))}


step = np.concatenate([rng.normal(0, 0.02, 6), rng.normal(0.3, 0.02, 6)])
odd = np.concatenate([rng.normal(0, 0.02, 9), [0.5]])
cases = [
    case("normal-8", rng.normal(size=8)),
    case("normal-15", rng.normal(5, 0.03, 15)),
    case("lognormal-30", np.log(rng.lognormal(0, 0.1, 30)), max_lag=3),
    case("step", step),
    case("odd-job", odd),
    case("two", [1.0, 3.0]),
    case("lag-1", rng.normal(size=10), max_lag=1),
    case("reject-at-2", rng.normal(size=12), reject_at=2.0),
]
simulated = []
for n in (8, 12, 16, 30):
    s2 = np.array([estimate(rng.normal(size=n)) ** 2 for _ in range(20000)])
    simulated.append({"n": n, "meanSquare": float(s2.mean()), "dfPerValue": float(2 * s2.mean() ** 2 / s2.var() / (n - 1))})
print(json.dumps({"generatedBy": f"numpy {np.__version__}", "cases": cases, "simulated": simulated}, indent=1))
