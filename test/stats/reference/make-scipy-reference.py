"""Second-opinion reference values from SciPy, for the tests that say "agrees with SciPy".

Regenerate with (Debian's Python, which has python3-scipy):
    /usr/bin/python3 test/stats/reference/make-scipy-reference.py > test/stats/reference/scipy-reference.json
The samples are drawn here with a fixed seed and written out with the values.
"""
import json
import sys

import numpy as np
import scipy
from scipy import stats

rng = np.random.default_rng(20261122)


def floats(values):
    return [float(v) for v in values]


def mann_whitney_case(name, x, y):
    """SciPy's U is U of x, like benchgate's; asymptotic p with tie and continuity corrections."""
    row = {"name": name, "x": floats(x), "y": floats(y)}
    for key, alternative in (("pTwoSided", "two-sided"), ("pLess", "less"), ("pGreater", "greater")):
        result = stats.mannwhitneyu(x, y, alternative=alternative, method="asymptotic", use_continuity=True)
        row["u"] = float(result.statistic)
        row[key] = float(result.pvalue)
    return row


def welch_case(name, x, y):
    row = {"name": name, "x": floats(x), "y": floats(y)}
    for key, alternative in (("pTwoSided", "two-sided"), ("pLess", "less"), ("pGreater", "greater")):
        result = stats.ttest_ind(x, y, equal_var=False, alternative=alternative)
        row["t"] = float(result.statistic)
        row[key] = float(result.pvalue)
    return row


def signed_rank_case(name, x, method):
    """R's settings: zeros dropped ('wilcox'), continuity correction; exact or normal as R would choose.

    SciPy's own defaults differ: correction=False, and method='auto' (which also picks the exact
    distribution for up to 50 values; with zeros or ties SciPy 1.10 uses the approximation).
    SciPy's two-sided statistic is min(V+, V-); V+ is taken from the 'greater' run.
    """
    row = {"name": name, "x": floats(x), "method": method}
    for key, alternative in (("pTwoSided", "two-sided"), ("pLess", "less"), ("pGreater", "greater")):
        result = stats.wilcoxon(x, zero_method="wilcox", correction=True, alternative=alternative, method=method)
        if alternative == "greater":
            row["v"] = float(result.statistic)
        row[key] = float(result.pvalue)
    return row


reference = {
    "generatedBy": f"SciPy {scipy.__version__}, NumPy {np.__version__}",
    "mannWhitneyAsymptotic": [
        mann_whitney_case("ties", [1, 2, 2, 3, 3, 3, 4], [2, 3, 4, 4, 5, 5]),
        mann_whitney_case("large n", np.round(rng.normal(0, 1, 80), 8), np.round(rng.normal(0.3, 1, 70), 8)),
        mann_whitney_case("large n with ties", np.round(rng.normal(10, 2, 120)), np.round(rng.normal(10.8, 2, 90))),
        mann_whitney_case("unequal sizes with ties", np.round(rng.exponential(1, 60), 1), np.round(rng.exponential(2, 7), 1)),
        mann_whitney_case("identical samples", [5.1, 5.3, 5.2, 5.4, 5.0], [5.1, 5.3, 5.2, 5.4, 5.0]),
        mann_whitney_case("a constant sample", [7, 7, 7, 7], [6.5, 7.2, 7.9, 8.1, 7.4]),
    ],
    "welch": [
        welch_case("small n", [1, 2, 3, 4], [3, 4, 5, 6, 7]),
        welch_case("unequal sizes and variances", rng.normal(0, 0.1, 5), rng.normal(0.3, 3, 40)),
        welch_case("log timings 20 vs 20, 5% slower", np.log(rng.lognormal(np.log(1000), 0.03, 20)), np.log(rng.lognormal(np.log(1050), 0.03, 20))),
    ],
    "signedRank": [
        signed_rank_case("small n exact", [1.5, 2.5, -0.5, 3, 4, 2, 1], "exact"),
        signed_rank_case("log ratios 20 rounds, 5% slower", np.log(rng.lognormal(np.log(1050), 0.03, 20) / rng.lognormal(np.log(1000), 0.03, 20)), "exact"),
        signed_rank_case("ties", [1, 2, 2, -3, 3, 3, 4, -1, 5, 2], "approx"),
        signed_rank_case("zeros", [0, 0.12, -0.03, 0.08, 0, 0.15, 0.2, 0.04, 0.11, -0.01], "approx"),
        signed_rank_case("zeros and ties", np.round(rng.normal(0.01, 0.02, 40), 2), "approx"),
        signed_rank_case("large n", np.round(rng.normal(-0.01, 0.05, 300), 8), "approx"),
    ],
    "tCdf": [{"t": t, "df": df, "p": float(stats.t.cdf(t, df))} for t in (-30.0, -4.2, -1.0, 0.3, 2.2) for df in (0.7, 3.0, 18.6, 2e5)],
    "tQuantile": [{"p": p, "df": df, "t": float(stats.t.ppf(p, df))} for p in (1e-8, 0.005, 0.3, 0.975) for df in (1.5, 6.0, 41.2, 1e4)],
}
json.dump(reference, sys.stdout, indent=1)
sys.stdout.write("\n")
