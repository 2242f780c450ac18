"""The statistics of change detection, on plain numbers (no database).

Count model (``count_test``): the counts of the baseline periods give a rate
and an over-dispersion factor φ = variance / mean (at least 1, as in a
quasi-Poisson model). The count expected in the recent window has the
negative-binomial predictive distribution with mean μ = W·(S + ½)/B and variance
φ·μ + μ²/(S + ½) (W window periods, B baseline periods, S baseline total; the
second term is the uncertainty of a rate estimated from S events). The score is
−log10 of the one-sided tail probability of the observed count.

Intensity model (``intensity_test``): the mean intensity of the window's events
against the baseline's, a z statistic whose variance is inflated by a design
effect for events clustered in periods (between-period variance of the baseline
period means). The score is −log10 of the two-sided normal tail probability.
docs/alerts.md states the assumptions.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

#: Scores are capped here (a tail probability of 1e-300 or less).
MAX_SCORE = 300.0
_PRIOR = 0.5


@dataclass(frozen=True, slots=True)
class TestResult:
    observed: float
    expected: float
    score: float
    direction: str  # "up" | "down"
    p_value: float


def _score(p: float) -> float:
    if p <= 0.0:
        return MAX_SCORE
    return min(MAX_SCORE, max(0.0, -math.log10(p)))


def _nb_logpmf(j: int, k: float, mu: float) -> float:
    return (
        math.lgamma(j + k) - math.lgamma(k) - math.lgamma(j + 1)
        + k * math.log(k / (k + mu)) + j * math.log(mu / (k + mu))
    )


def nb_upper_tail(x: int, k: float, mu: float) -> float:
    """P(X ≥ x) for a negative binomial with size ``k`` and mean ``mu``."""
    if x <= 0:
        return 1.0
    if mu <= 0.0:
        return 0.0
    if x <= mu:
        return max(0.0, 1.0 - nb_lower_tail(x - 1, k, mu))
    total, j = 0.0, x
    first = _nb_logpmf(x, k, mu)
    while True:
        term = math.exp(_nb_logpmf(j, k, mu) - first)
        total += term
        if term < 1e-12 * total or j - x > 100_000:
            break
        j += 1
    return min(1.0, math.exp(first) * total)


def nb_lower_tail(x: int, k: float, mu: float) -> float:
    """P(X ≤ x) for a negative binomial with size ``k`` and mean ``mu``."""
    if x < 0:
        return 0.0
    if mu <= 0.0:
        return 1.0
    return min(1.0, sum(math.exp(_nb_logpmf(j, k, mu)) for j in range(x + 1)))


def count_test(baseline: Sequence[float], observed: int, window: float) -> TestResult:
    """Compare ``observed`` events in ``window`` periods with the baseline period counts."""
    periods = len(baseline)
    if periods == 0:
        raise ValueError("the baseline has no periods")
    total = float(sum(baseline))
    mean = total / periods
    if periods > 1 and mean > 0:
        var = sum((y - mean) ** 2 for y in baseline) / (periods - 1)
        phi = max(1.0, var / mean)
    else:
        phi = 1.0
    mu = window * (total + _PRIOR) / periods
    variance = phi * mu + mu * mu / (total + _PRIOR)
    k = mu * mu / (variance - mu)
    if observed >= mu:
        p = nb_upper_tail(observed, k, mu)
        direction = "up"
    else:
        p = nb_lower_tail(observed, k, mu)
        direction = "down"
    return TestResult(float(observed), mu, _score(p), direction, p)


@dataclass(frozen=True, slots=True)
class IntensitySample:
    """Sums of event intensities: count, sum, sum of squares."""

    n: int
    total: float
    squares: float

    @property
    def mean(self) -> float | None:
        return self.total / self.n if self.n else None

    @property
    def variance(self) -> float:
        if self.n < 2:
            return 0.0
        mean = self.total / self.n
        return max(0.0, (self.squares - self.n * mean * mean) / (self.n - 1))


def intensity_test(
    baseline_periods: Sequence[IntensitySample], window: IntensitySample,
    *, min_sd: float = 1.0,
) -> TestResult | None:
    """Compare the window's mean intensity with the baseline's; ``None`` if either is empty."""
    base = IntensitySample(
        n=sum(p.n for p in baseline_periods),
        total=sum(p.total for p in baseline_periods),
        squares=sum(p.squares for p in baseline_periods),
    )
    if base.n == 0 or window.n == 0 or base.mean is None or window.mean is None:
        return None
    sd2 = max(base.variance, min_sd * min_sd)
    # design effect: how much more the period means vary than independent events would
    busy = [p for p in baseline_periods if p.n]
    deff = 1.0
    if len(busy) > 2:
        means = [p.total / p.n for p in busy]
        grand = base.total / base.n
        between = sum(p.n * (m - grand) ** 2 for p, m in zip(busy, means, strict=True))
        between /= len(busy) - 1
        deff = max(1.0, between / sd2)
    se = math.sqrt(sd2 * deff * (1.0 / window.n + 1.0 / base.n))
    z = (window.mean - base.mean) / se
    p = math.erfc(abs(z) / math.sqrt(2.0))
    return TestResult(window.mean, base.mean, _score(p), "up" if z > 0 else "down", p)
