"""Operating characteristics of tocsin's change detector on synthetic dyad series.

Weekly series are simulated with known properties, and the detector
(``tocsin.analysis.alerts.evaluate_series`` with ``AlertOptions()``, the
defaults of ``tocsin alerts``) is run at the end of every week, as a daily or
weekly ``tocsin alerts`` job would:

* counts: negative binomial with mean λ per week and size 4 (variance
  λ + λ²/4: over-dispersed, as news counts are);
* event types: each week draws a hostile share from Beta(1, 19) (5 % on
  average) — hostile events are ASSAULT or THREATEN, the others a calm mix of
  CONSULT, AGREE, COOPERATE, SUPPORT, ACCUSE, REQUEST, REJECT — so intensity
  varies between weeks more than independent events would;
* level shift: from the change week on, λ is multiplied by a factor;
* intensity shift: from the change week on, a fixed extra share of events is
  hostile, moving the mean intensity by about Δ.

False alarms: series without change, 52 evaluated weeks each, counted as
alarms raised (a week alerting after a week that did not, per kind and
direction, as ``tocsin alerts`` does not raise an ongoing change twice),
reported per dyad-year. Detection: the right kind and direction alerted within
8 weeks of the change; delay in weeks (0 = at the end of the change week).

    python benchmarks/alert_detection.py            # prints the markdown table
    python benchmarks/alert_detection.py --runs 50  # quicker, noisier
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from datetime import date, timedelta

from tocsin.analysis.alerts import AlertOptions, evaluate_series, plan_windows
from tocsin.analysis.intensity import intensity
from tocsin.records import SeriesPoint

CALM = (("CONSULT", 40), ("AGREE", 20), ("COOPERATE", 10), ("SUPPORT", 10), ("ACCUSE", 10),
        ("REQUEST", 5), ("REJECT", 5))
HOSTILE = ("ASSAULT", "THREATEN")
START = date(2023, 1, 2)  # a Monday
WARMUP = 14               # weeks before the first evaluation (baseline + window)
HORIZON = 8               # weeks after a change within which a detection counts


def _nb(rng: random.Random, mean: float, size: float = 4.0) -> int:
    if mean <= 0:
        return 0
    rate = rng.gammavariate(size, mean / size)
    # Poisson draw by inversion (rates here stay small)
    n, p, limit = 0, 1.0, pow(2.718281828459045, -rate)
    if rate > 60:
        return max(0, round(rng.gauss(rate, rate ** 0.5)))
    while True:
        p *= rng.random()
        if p <= limit:
            return n
        n += 1


def _calm_type(rng: random.Random) -> str:
    r = rng.random() * 100
    for name, weight in CALM:
        r -= weight
        if r < 0:
            return name
    return CALM[-1][0]


def simulate(rng: random.Random, weeks: int, rate: float, *, change: int | None = None,
             factor: float = 1.0, extra_hostile: float = 0.0) -> list[SeriesPoint]:
    points = []
    for w in range(weeks):
        shifted = change is not None and w >= change
        n = _nb(rng, rate * (factor if shifted else 1.0))
        hostile_share = rng.betavariate(1, 19) + (extra_hostile if shifted else 0.0)
        values = [intensity(rng.choice(HOSTILE) if rng.random() < hostile_share
                            else _calm_type(rng)) for _ in range(n)]
        points.append(SeriesPoint(
            period=START + timedelta(weeks=w), source="AAA", target="BBB", n_events=n,
            n_mentions=n, type_counts={}, quad_counts=(0, 0, 0, 0), goldstein_mean=None,
            goldstein_sum=0.0, intensity_mean=sum(values) / n if n else None,
            intensity_sum=float(sum(values)), balance=None, n_sources=0,
            intensity_sumsq=float(sum(v * v for v in values)),
        ))
    return points


def alarms(points: list[SeriesPoint], options: AlertOptions) -> list[tuple[int, str, str]]:
    """(week, kind, direction) of every alarm raised, evaluating at the end of each week."""
    raised, previous = [], set()
    for week in range(WARMUP, len(points)):
        as_of = START + timedelta(weeks=week, days=6)
        w = plan_windows(as_of, options)
        series = [p for p in points if w.baseline_start <= p.period <= w.window_end]
        now = {(kind, r.direction) for kind, r in evaluate_series(series, w, options)}
        raised += [(week, k, d) for k, d in sorted(now - previous)]
        previous = now
    return raised


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=200, help="series per row (default 200)")
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--threshold", type=float, default=None,
                        help="score threshold (default: AlertOptions' default)")
    args = parser.parse_args()
    options = AlertOptions() if args.threshold is None else AlertOptions(threshold=args.threshold)
    rng = random.Random(args.seed)
    started = time.perf_counter()
    rates = (1.0, 3.0, 10.0, 30.0)

    print(f"Detector defaults: {options.by} periods, window {options.window}, baseline "
          f"{options.baseline}, threshold {options.threshold}, min_events {options.min_events}, "
          f"min_shift {options.min_shift}. {args.runs} simulated series per row, seed {args.seed}.\n")
    print("False alarms (no change), per dyad-year:\n")
    print("| events/week | count alarms | intensity alarms | all alarms |")
    print("|---:|---:|---:|---:|")
    for rate in rates:
        counts = {"count": 0, "intensity": 0}
        for _ in range(args.runs):
            for _, kind, _ in alarms(simulate(rng, WARMUP + 52, rate), options):
                counts[kind] += 1
        per = {k: v / args.runs for k, v in counts.items()}
        print(f"| {rate:g} | {per['count']:.3f} | {per['intensity']:.3f} | "
              f"{per['count'] + per['intensity']:.3f} |")

    def detect(rate: float, *, factor: float = 1.0, extra: float = 0.0,
               want: tuple[str, str]) -> tuple[float, float | None]:
        delays = []
        change = WARMUP + 12
        for _ in range(args.runs):
            points = simulate(rng, change + HORIZON, rate, change=change, factor=factor,
                              extra_hostile=extra)
            hits = [week - change for week, kind, d in alarms(points, options)
                    if (kind, d) == want and week >= change]
            if hits:
                delays.append(hits[0])
        rate_found = len(delays) / args.runs
        return rate_found, statistics.median(delays) if delays else None

    print("\nLevel shifts (event count × factor from the change week):\n")
    print("| events/week before | factor | detected within 8 weeks | median delay (weeks) |")
    print("|---:|---:|---:|---:|")
    for rate in (1.0, 3.0, 10.0):
        for factor in (2.0, 3.0, 5.0):
            found, delay = detect(rate, factor=factor, want=("count", "up"))
            print(f"| {rate:g} | ×{factor:g} | {found:.0%} | {'–' if delay is None else f'{delay:g}'} |")

    calm_mean = sum(intensity(t) * w for t, w in CALM) / 100
    hostile_mean = sum(intensity(t) for t in HOSTILE) / len(HOSTILE)
    print("\nIntensity shifts (a share of events turns hostile; Δ = change of the mean):\n")
    print("| events/week | Δ mean intensity | detected within 8 weeks | median delay (weeks) |")
    print("|---:|---:|---:|---:|")
    for rate in (3.0, 10.0, 30.0):
        for delta in (-2.0, -4.0, -6.0):
            extra = delta / (hostile_mean - calm_mean)
            found, delay = detect(rate, extra=extra, want=("intensity", "down"))
            print(f"| {rate:g} | {delta:+g} | {found:.0%} | {'–' if delay is None else f'{delay:g}'} |")
    print(f"\n({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
