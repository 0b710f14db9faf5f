"""Reference values for the io.vigia.dashboards.analytics tests, computed with scipy/numpy
independently of Vigia. Run: python3 reference_values.py (Debian python3-scipy 1.17.1, numpy 2.4.6).
The numbers printed here are pasted into the JUnit tests, each beside the call that produced it."""
import numpy as np
import scipy
from scipy import stats
from scipy.spatial.distance import jensenshannon

print("scipy", scipy.__version__, "numpy", np.__version__)
np.set_printoptions(precision=17)

MASK = (1 << 64) - 1
def lcg(seed, n, scale=1000.0):
    """Same generator as AnalyticsReferenceData.lcg in the Java tests: exact in both languages."""
    s = seed & MASK
    out = []
    for _ in range(n):
        s = (s * 6364136223846793005 + 1442695040888963407) & MASK
        out.append(((s >> 33) % 100000) / scale)
    return np.array(out)

def psi(p_counts, q_counts, eps=1e-4):
    # Evidently's psi_stat_test on binned data: proportions, zeros -> 0.0001, sum((cur-ref)*ln(cur/ref))
    p = np.asarray(p_counts, float) / np.sum(p_counts)
    q = np.asarray(q_counts, float) / np.sum(q_counts)
    np.place(p, p == 0, eps)
    np.place(q, q == 0, eps)
    return float(np.sum((q - p) * np.log(q / p)))

def binned(a, b):
    edges = np.histogram_bin_edges(np.concatenate([a, b]), bins="sturges")
    return edges, np.histogram(a, edges)[0], np.histogram(b, edges)[0]

def r(name, v):
    print(f"{name} = {float(v)!r}")

print("== histograms")
bounds = np.array([0.1, 0.25, 0.5, 1.0, 2.5, np.inf])
hb = np.array([120, 340, 280, 160, 80, 20], float)
hc = np.array([90, 260, 300, 210, 110, 30], float)
pts = np.array([0.05, 0.175, 0.375, 0.75, 1.75, 2.5])  # midpoints; first lower 0; +Inf at last finite bound
r("hist psi", psi(hb, hc))
r("hist js", jensenshannon(hb, hc, base=2))
w = stats.wasserstein_distance(pts, pts, hb, hc)
r("hist wasserstein", w)
mean = np.average(pts, weights=hb)
std = np.sqrt(np.average((pts - mean) ** 2, weights=hb))
r("hist baseline weighted std", std)
r("hist wasserstein normalized", w / max(std, 0.001))

print("== small samples, no ties")
a = np.array([12.1, 15.3, 9.8, 11.0, 14.2, 13.7, 10.4, 16.9, 12.8, 11.9, 13.1, 10.9])
b = np.array([14.5, 17.2, 13.9, 18.4, 15.8, 16.3, 12.2, 19.1, 15.1, 17.7, 14.9, 16.6, 13.4, 18.0, 15.5])
ks = stats.ks_2samp(a, b, method="exact")
r("small ks D", ks.statistic); r("small ks p exact", ks.pvalue)
r("small ks p auto", stats.ks_2samp(a, b).pvalue)
r("small wasserstein", stats.wasserstein_distance(a, b))
r("small std(a)", np.std(a))
edges, ca, cb = binned(a, b)
print("small sturges edges", edges.tolist(), "counts", ca.tolist(), cb.tolist())
r("small psi", psi(ca, cb)); r("small js", jensenshannon(ca, cb, base=2))
mw = stats.mannwhitneyu(a, b, method="asymptotic")
r("small mwu U", mw.statistic); r("small mwu p", mw.pvalue)

print("== ties")
ta = np.array([1, 2, 2, 3, 3, 3, 4, 5], float)
tb = np.array([2, 3, 3, 4, 4, 5, 5, 6, 6, 7], float)
ks = stats.ks_2samp(ta, tb, method="exact")
r("ties ks D", ks.statistic); r("ties ks p exact", ks.pvalue)
mw = stats.mannwhitneyu(ta, tb, method="asymptotic")
r("ties mwu U", mw.statistic); r("ties mwu p", mw.pvalue)
r("ties wasserstein", stats.wasserstein_distance(ta, tb))

print("== large LCG samples")
la = lcg(1, 2000)
lb = lcg(2, 1500) * 1.1 + 3.0
print("la[:3]", la[:3].tolist(), "lb[:3]", lb[:3].tolist())
ks = stats.ks_2samp(la, lb, method="asymp")
r("large ks D", ks.statistic); r("large ks p asymp", ks.pvalue)
r("large ks p auto", stats.ks_2samp(la, lb).pvalue)
w = stats.wasserstein_distance(la, lb)
r("large wasserstein", w); r("large wasserstein normalized", w / max(np.std(la), 0.001))
edges, ca, cb = binned(la, lb)
print("large sturges bins", len(edges) - 1)
r("large psi", psi(ca, cb)); r("large js", jensenshannon(ca, cb, base=2))
q = np.quantile(la, [0.5, 0.95, 0.99])
print("large quantiles", q.tolist())
mw = stats.mannwhitneyu(la, lb, method="asymptotic")
r("large mwu U", mw.statistic); r("large mwu p", mw.pvalue)

print("== disjoint")
da = np.array([1.0, 2.0, 3.0, 4.0]); db = np.array([11.0, 12.0, 13.0, 14.0, 15.0])
edges, ca, cb = binned(da, db)
print("disjoint counts", ca.tolist(), cb.tolist())
r("disjoint psi", psi(ca, cb)); r("disjoint js", jensenshannon(ca, cb, base=2))
ks = stats.ks_2samp(da, db, method="exact"); r("disjoint ks D", ks.statistic); r("disjoint ks p", ks.pvalue)
r("disjoint wasserstein", stats.wasserstein_distance(da, db))

print("== chi-square (guardrail categories week over week)")
week1 = [120, 80, 40, 25, 10]   # prompt_injection, pii, jailbreak, toxicity, other:secrets
week2 = [150, 60, 70, 20, 0]
res = stats.chi2_contingency(np.array([week1, week2]), correction=False)
r("chi2 stat", res.statistic); print("chi2 dof", res.dof); r("chi2 p", res.pvalue)
r("chi2 js", jensenshannon(week1, week2, base=2)); r("chi2 psi", psi(week1, week2))
res = stats.chi2_contingency(np.array([[30, 70], [45, 55]]), correction=False)
r("chi2 2x2 stat", res.statistic); print("chi2 2x2 dof", res.dof); r("chi2 2x2 p", res.pvalue)

print("== quantiles (numpy default linear)")
x = np.array([3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0, 5.0, 3.0, 5.0])
print("quantiles", np.quantile(x, [0.5, 0.95, 0.99]).tolist())

print("== bootstrap (scipy.stats.bootstrap percentile, for a tolerance comparison)")
bb = lcg(7, 400) / 10.0
ba = lcg(8, 400) / 10.0 + 2.0
for p in (0.5, 0.95):
    res = stats.bootstrap((bb,), lambda s, axis: np.quantile(s, p, axis=axis), n_resamples=20000,
                          method="percentile", confidence_level=0.95, rng=np.random.default_rng(0))
    print("boot before p", p, res.confidence_interval.low, res.confidence_interval.high)
    res = stats.bootstrap((bb, ba), lambda s1, s2, axis: np.quantile(s2, p, axis=axis) - np.quantile(s1, p, axis=axis),
                          n_resamples=20000, method="percentile", confidence_level=0.95, paired=False,
                          rng=np.random.default_rng(0))
    print("boot diff p", p, res.confidence_interval.low, res.confidence_interval.high)
print("boot quantiles before", np.quantile(bb, [0.5, 0.95]).tolist(), "after", np.quantile(ba, [0.5, 0.95]).tolist())
mw = stats.mannwhitneyu(bb, ba, method="asymptotic")
r("boot mwu U", mw.statistic); r("boot mwu p", mw.pvalue)
