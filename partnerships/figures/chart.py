"""Geometry for the trend chart: bars per period and the goal line, drawn as SVG in Jinja.

The numbers here only place shapes; the same data is always shown as a table beside it.
"""

from __future__ import annotations

from decimal import Decimal

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 48, 12, 16, 40


def _nice_ceiling(value: Decimal) -> Decimal:
    """A round top for the axis so gridlines fall on readable values."""
    for step in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000):
        if value <= step:
            return Decimal(step)
    return value


def trend_chart(trend: list[dict], goal: Decimal | None) -> dict:
    """Bars (x, y, width, height) for banen per period and the y of the goal line."""
    # A period whose jobs are hidden (too few people behind them) gets no bar: its height
    # would tell what the table beside it hides.
    shown = [t for t in trend if not isinstance(t["banen"], str)]
    peak = max([Decimal(t["banen"]) for t in shown] + [Decimal(goal or 0), Decimal(1)])
    top = _nice_ceiling(peak)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = Decimal(plot_w) / max(len(trend), 1)
    bar_w = max(slot * Decimal("0.6"), Decimal(2))

    def y_of(value) -> float:
        return float(TOP + plot_h - Decimal(value) / top * plot_h)

    bars = []
    for index, point in enumerate(trend):
        x = LEFT + slot * index + (slot - bar_w) / 2
        y = y_of(0 if isinstance(point["banen"], str) else point["banen"])
        bars.append(
            {
                "x": float(x),
                "y": y,
                "width": float(bar_w),
                "height": float(TOP + plot_h) - y,
                "label_x": float(x + bar_w / 2),
                "point": point,
            }
        )
    ticks = [{"value": top * i / 4, "y": y_of(top * i / 4)} for i in range(5)]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "baseline": TOP + plot_h,
        "bars": bars,
        "ticks": ticks,
        "goal_y": y_of(goal) if goal else None,
        "label_y": HEIGHT - BOTTOM + 16,
        # Label every period when there are few, else about six labels.
        "label_every": max(1, -(-len(trend) // 6)),
    }
