"""Charts of a dyad series: stacked counts per quad class, the intensity line, alert markers.

``plot_dyad(points, out, alerts=…)`` writes PNG or SVG (matplotlib, no display
needed) or a self-contained HTML page (the SVG inline, with the alerts listed
below it, every text escaped). Bars: events per period, stacked by quad class
(verbal and material cooperation in greens, verbal and material conflict in
oranges and reds). Line (right axis): mean PLOVER intensity per period, −10 … +10.
Alerts: the window shaded, and a marker with the alert kind at its end.
"""

from __future__ import annotations

import html
import io
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

from tocsin.errors import TocsinError
from tocsin.records import Alert, SeriesPoint

QUAD_LABELS = ("verbal cooperation", "material cooperation", "verbal conflict",
               "material conflict")
QUAD_COLOURS = ("#7fbf7b", "#1b7837", "#f4a582", "#b2182b")
FORMATS = ("png", "svg", "html")


class PlotError(TocsinError):
    code = "E502"


def _figure(points: Sequence[SeriesPoint], alerts: Sequence[Alert], title: str, by: str):
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(11, 5.5), dpi=110)
    width = {"day": 0.8, "week": 5.6, "month": 24}.get(by, 5.6)
    xs = [p.period for p in points]
    bottom = [0] * len(points)
    for q in range(4):
        heights = [p.quad_counts[q] for p in points]
        ax.bar(xs, heights, width=width, bottom=bottom, color=QUAD_COLOURS[q],
               label=QUAD_LABELS[q], align="edge", edgecolor="white", linewidth=0.4)
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    ax.set_ylabel(f"events per {by}")
    ax.set_ylim(0, max([*bottom, 1]) * 1.25)
    ax.grid(axis="y", alpha=0.3)
    ax2 = ax.twinx()
    offset = timedelta(days=width / 2)
    line_x = [p.period + offset for p in points if p.intensity_mean is not None]
    line_y = [p.intensity_mean for p in points if p.intensity_mean is not None]
    ax2.plot(line_x, line_y, color="#2c3e50", marker="o", markersize=3, linewidth=1.6,
             label="mean intensity (right axis)")
    ax2.axhline(0, color="#2c3e50", linewidth=0.6, alpha=0.4)
    ax2.set_ylim(-10.5, 10.5)
    ax2.set_ylabel("mean intensity (−10 conflict … +10 cooperation)")
    for alert in alerts:
        ax.axvspan(alert.window_start, alert.window_end + timedelta(days=1),
                   color="#ffd54f", alpha=0.25, zorder=0)
        y = 9.2 if alert.kind == "count" else 7.8
        ax2.annotate(
            f"▲ {alert.kind} {alert.direction} ({alert.score:.0f})", xy=(alert.window_end, y),
            ha="right", fontsize=8, color="#8a6d00",
            bbox={"boxstyle": "round,pad=0.2", "fc": "#fff8e1", "ec": "#ffb300"},
        )
    locator = mdates.AutoDateLocator(minticks=4, maxticks=12)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    handles, labels = ax.get_legend_handles_labels()
    h2, l2 = ax2.get_legend_handles_labels()
    if alerts:
        from matplotlib.patches import Patch

        h2.append(Patch(color="#ffd54f", alpha=0.5))
        l2.append("alert window")
    ax.legend(handles + h2, labels + l2, loc="upper left", fontsize=8, ncol=2, framealpha=0.9)
    ax.set_title(title)
    fig.tight_layout()
    return fig, plt


def plot_dyad(
    points: Sequence[SeriesPoint], out: Path | str, *, alerts: Sequence[Alert] = (),
    title: str | None = None, by: str = "week", fmt: str | None = None,
) -> Path:
    """Write the chart of ``points`` to ``out``; the format comes from ``fmt`` or the suffix."""
    out = Path(out)
    fmt = (fmt or out.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise PlotError(f"cannot tell the chart format from {out.name!r}; use .png, .svg or .html",
                        source=str(out))
    if not points:
        raise PlotError("no events for this dyad in this period; nothing to plot")
    first = points[0]
    title = title or f"{first.source}–{first.target}: events per {by} and mean intensity"
    fig, plt = _figure(points, alerts, title, by)
    try:
        if fmt == "html":
            buffer = io.StringIO()
            fig.savefig(buffer, format="svg")
            out.write_text(_html_page(title, buffer.getvalue(), alerts), encoding="utf-8")
        else:
            fig.savefig(out, format=fmt)
    except OSError as exc:
        raise PlotError(f"cannot write the chart: {exc.strerror or exc}", source=str(out)) from exc
    finally:
        plt.close(fig)
    return out


def _html_page(title: str, svg: str, alerts: Sequence[Alert]) -> str:
    svg = svg[svg.find("<svg"):]
    rows = "".join(
        f"<tr><td>{html.escape(str(a.window_start))} … {html.escape(str(a.window_end))}</td>"
        f"<td>{html.escape(a.kind)}</td><td>{html.escape(a.direction)}</td>"
        f"<td>{a.score:.1f}</td><td>{html.escape(a.summary)}</td></tr>"
        for a in alerts
    )
    table = (
        "<table><thead><tr><th>window</th><th>kind</th><th>direction</th><th>score</th>"
        f"<th>summary</th></tr></thead><tbody>{rows}</tbody></table>" if alerts
        else "<p>No alerts for this dyad.</p>"
    )
    return (
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(title)}</title>"
        "<style>body{font-family:system-ui,sans-serif;max-width:1200px;margin:1em auto}"
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;"
        "text-align:left}svg{max-width:100%;height:auto}</style></head><body>"
        f"<h1>{html.escape(title)}</h1>{svg}<h2>Alerts</h2>{table}</body></html>\n"
    )
