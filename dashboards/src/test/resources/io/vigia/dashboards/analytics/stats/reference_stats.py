"""Reference values for BlockLengthTest and BenjaminiHochbergTest (numpy 2.4.6, scipy 1.17.1).

block_length() is arch's _single_optimal_block (bashtage/arch, arch/bootstrap/base.py:
Politis-White 2004 with the Patton-Politis-White 2009 correction), transcribed because the arch
package is not installed here; the circular value is the one Vigia uses.
"""
import numpy as np
from scipy import stats


def lcg(seed, n):
    out, s = [], seed
    for _ in range(n):
        s = (s * 6364136223846793005 + 1442695040888963407) % 2**64
        out.append(((s >> 33) % 100000) / 1000.0)
    return np.array(out)


def ar1(seed, n, phi):
    u = lcg(seed, n)
    x = np.zeros(n)
    prev = 0.0
    for i in range(n):
        prev = phi * prev + (u[i] - 50.0)
        x[i] = prev
    return x


def block_length(x):
    nobs = x.shape[0]
    eps = x - x.mean(0)
    b_max = np.ceil(min(3 * np.sqrt(nobs), nobs / 3))
    kn = max(5, int(np.log10(nobs)))
    m_max = int(np.ceil(np.sqrt(nobs))) + kn
    cv = 2 * np.sqrt(np.log10(nobs) / nobs)
    acv = np.zeros(m_max + 1)
    abs_acorr = np.zeros(m_max + 1)
    opt_m = None
    for i in range(m_max + 1):
        v1 = eps[i + 1:] @ eps[i + 1:]
        v2 = eps[: -(i + 1)] @ eps[: -(i + 1)]
        cross_prod = eps[i:] @ eps[: nobs - i]
        acv[i] = cross_prod / nobs
        abs_acorr[i] = np.abs(cross_prod) / np.sqrt(v1 * v2)
        if i >= kn:
            if np.all(abs_acorr[i - kn: i] < cv) and opt_m is None:
                opt_m = i - kn
    m = 2 * max(opt_m, 1) if opt_m is not None else m_max
    m = min(m, m_max)
    g = 0.0
    lr_acv = acv[0]
    for k in range(1, m + 1):
        lam = 1 if k / m <= 1 / 2 else 2 * (1 - k / m)
        g += 2 * lam * k * acv[k]
        lr_acv += 2 * lam * acv[k]
    d_cb = 4 / 3 * lr_acv ** 2
    b_cb = ((2 * g ** 2) / d_cb) ** (1 / 3) * nobs ** (1 / 3)
    return min(b_cb, b_max)


print("white noise lcg(3, 500):", repr(block_length(lcg(3, 500))))
print("ar1(5, 400, 0.8):", repr(block_length(ar1(5, 400, 0.8))))
print("ar1(6, 120, 0.95):", repr(block_length(ar1(6, 120, 0.95))))
print("ar1(7, 60, 0.5):", repr(block_length(ar1(7, 60, 0.5))))
p = [0.01, 0.04, 0.03, 0.20, 0.005, 0.5, 0.049]
print("bh", list(stats.false_discovery_control(p, method="bh")))
