"""Reference values for src/stats/e-divisive*.ts from MongoDB's signal-processing-algorithms.

Run with the package installed (`pip install signal-processing-algorithms`, with its C extension):
  python3 test/stats/reference/make-e-divisive-reference.py > test/stats/reference/e-divisive-reference.json
"statistics" comes from the pure-numpy path, "changePoints" from e_divisive (which uses the C path).
The committed values were made with the package's source at commit aec099a.
"""
import json

import numpy as np

from signal_processing_algorithms.determinism import deterministic_numpy_random
from signal_processing_algorithms.energy_statistics import energy_statistics as es

assert es.C_EXTENSION_LOADED

rng = np.random.RandomState(20261202)


def normal(n, mean, sd):
    return [round(float(v), 6) for v in rng.normal(mean, sd, n)]


cases = {
    "step-10pct": normal(30, 100, 2) + normal(30, 110, 2),
    "two-steps": normal(40, 100, 1) + normal(40, 90, 1) + normal(40, 95, 1),
    "stationary": normal(50, 100, 2),
    "ties": [1.0, 1.0, 2.0, 1.0, 1.0, 2.0, 1.0, 5.0, 5.0, 6.0, 5.0, 5.0, 6.0, 5.0],
    "lognormal-step": [round(float(v), 6) for v in np.exp(rng.normal(0, 0.05, 45))]
    + [round(float(v), 6) for v in np.exp(rng.normal(0.15, 0.05, 25))],
    "late-step": normal(80, 50, 0.5) + normal(8, 45, 0.5),
}

out = {"source": "signal-processing-algorithms aec099a", "pvalue": 0.01, "permutations": 199, "cases": []}
for name, series in cases.items():
    array = es._get_valid_input(series)
    statistics = es._calculate_t_stats(es._get_distance_matrix(array, use_c_if_possible=False), use_c_if_possible=False)
    with deterministic_numpy_random(1):
        change_points = es.e_divisive(series, pvalue=0.01, permutations=199)
    out["cases"].append(
        {
            "name": name,
            "series": series,
            "statistics": [float(v) for v in statistics],
            "changePoints": sorted(int(c) for c in change_points),
        }
    )
print(json.dumps(out, indent=1))
