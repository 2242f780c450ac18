"""Charts drawn on the server as inline SVG (no script, no external file).

Every label goes through :func:`markupsafe.escape`; colours are SVG attributes,
not inline styles, so the page's Content-Security-Policy can forbid both
scripts and inline styles. Each chart has a title and a description for
screen readers (``role="img"``); pages also print the numbers as a table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup, escape


@dataclass(frozen=True, slots=True)
class Marker:
    """A point of interest on the time axis (an alert window start)."""

    day: date
    label: str
    anchor: str | None = None  # id of the element the marker links to


def bar_chart(points: Sequence[tuple[date, float]], *, title: str, chart_id: str,
              markers: Sequence[Marker] = (), width: int = 720, height: int = 180) -> Markup:
    """Bars of ``points`` (oldest first) with ``markers`` as triangles on the axis."""
    pad_left, pad_bottom, pad_top = 40, 24, 12
    plot_w, plot_h = width - pad_left - 8, height - pad_bottom - pad_top
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    total = sum(v for _, v in points)
    desc = (f"{len(points)} periods from {points[0][0].isoformat()} to {points[-1][0].isoformat()}, "
            f"{total:g} in all, at most {max(v for _, v in points):g}.") if points else "No data."
    parts = [
        f'<svg class="chart" id="{escape(chart_id)}" role="img" viewBox="0 0 {width} {height}" '
        f'width="100%" aria-labelledby="{escape(title_id)} {escape(desc_id)}" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{escape(title_id)}">{escape(title)}</title>',
        f'<desc id="{escape(desc_id)}">{escape(desc)}</desc>',
        f'<line x1="{pad_left}" y1="{pad_top + plot_h}" x2="{width - 8}" y2="{pad_top + plot_h}" stroke="#555"/>',
    ]
    if points:
        top = max(v for _, v in points) or 1
        first, last = points[0][0], points[-1][0]
        # one slot per period; the period is the smallest gap between points (1 day, 7…)
        gaps = [(b[0] - a[0]).days for a, b in zip(points, points[1:], strict=False)]
        period = max(min((g for g in gaps if g > 0), default=1), 1)
        step = plot_w / ((last - first).days // period + 1)
        bar_w = max(step * 0.8, 1.0)

        def x_of(day: date) -> float:
            return pad_left + (day - first).days / period * step + step / 2

        for day, value in points:
            h = value / top * plot_h
            x = x_of(day) - bar_w / 2
            parts.append(
                f'<rect class="bar" x="{x:.1f}" y="{pad_top + plot_h - h:.1f}" width="{bar_w:.1f}" '
                f'height="{h:.1f}" fill="#3b6ea5"><title>{escape(day.isoformat())}: {value:g}</title></rect>'
            )
        parts.append(f'<text x="{pad_left - 4}" y="{pad_top + 8}" text-anchor="end" font-size="11">{top:g}</text>')
        parts.append(f'<text x="{pad_left - 4}" y="{pad_top + plot_h}" text-anchor="end" font-size="11">0</text>')
        parts.append(f'<text x="{pad_left}" y="{height - 6}" font-size="11">{escape(first.isoformat())}</text>')
        parts.append(f'<text x="{width - 8}" y="{height - 6}" text-anchor="end" font-size="11">'
                     f'{escape(last.isoformat())}</text>')
        for marker in markers:
            if not first <= marker.day <= last:
                continue
            x = x_of(marker.day)
            y = pad_top + plot_h
            shape = (f'<path class="alert-marker" d="M{x:.1f},{y - 10} l6,10 l-12,0 z" fill="#c0392b">'
                     f'<title>{escape(marker.label)}</title></path>'
                     f'<line x1="{x:.1f}" y1="{pad_top}" x2="{x:.1f}" y2="{y}" stroke="#c0392b" '
                     f'stroke-dasharray="3,3"/>')
            if marker.anchor:
                shape = f'<a href="#{escape(marker.anchor)}">{shape}</a>'
            parts.append(shape)
    parts.append("</svg>")
    return Markup("".join(parts))
