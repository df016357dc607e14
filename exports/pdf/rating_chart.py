"""Rating charts: for each scale, every rating as a dot on the scale's range, the mean, the spread.

A bare average hides what the room looked like: 3 from everyone and 1s and 5s split down the
middle are different conversations. So each rating is a dot (equal ratings stack up), the
band shows one standard deviation each side of the mean, and the mean is a marked line. The
drawing holds numbers only; the scale's own words are paragraphs beside it, so they get the
same escaping and fonts as all other user text.
"""

from collections import Counter
from collections.abc import Sequence

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, Rect, String
from reportlab.platypus import Flowable

from app.services.ratings import ScaleSummary
from exports.pdf.flow import Cell, fixed, line, table
from exports.pdf.styles import ACCENT, ACCENT_SOFT, ACCENT_TINT, INK, MUTED, Styles, TableCommand

SIDE = 14  # room left and right of the axis for the end labels
AXIS_Y = 16  # height of the axis above the drawing's bottom (tick numbers go below it)
DOT_STEP = 8.0  # vertical distance between stacked equal ratings
MAX_STACK_HEIGHT = 64.0


def _ticks(low: int, high: int) -> list[int]:
    """Every whole number for short scales, about ten for long ones (0 to 100, -50 to 50)."""
    span = high - low
    step = 1 if span <= 12 else next(s for s in (2, 5, 10, 20, 25, 50) if span / s <= 12)
    first = low + (-low) % step if low % step else low
    values = list(range(first, high + 1, step))
    return sorted({low, *values, high})


def chart(scale: ScaleSummary, width: float, font: str) -> Drawing:
    """The axis from low to high with the dots, the spread band and the mean."""
    low, high = scale.low, scale.high

    def x(value: float) -> float:
        return SIDE + (value - low) / (high - low) * (width - 2 * SIDE)

    stacks = Counter(round(value, 2) for value in scale.values)
    tallest = max(stacks.values(), default=1)
    step = min(DOT_STEP, MAX_STACK_HEIGHT / tallest)
    radius = max(1.2, min(3.3, step * 0.42))
    height = AXIS_Y + 10 + tallest * step + 14
    drawing = Drawing(width, height)
    top = AXIS_Y + 6 + tallest * step
    if scale.mean is not None and scale.stdev:
        left = x(max(low, scale.mean - scale.stdev))
        right = x(min(high, scale.mean + scale.stdev))
        drawing.add(
            Rect(left, AXIS_Y, right - left, top - AXIS_Y, fillColor=ACCENT_TINT, strokeColor=None)
        )
    drawing.add(Line(x(low), AXIS_Y, x(high), AXIS_Y, strokeColor=MUTED, strokeWidth=0.8))
    for tick in _ticks(low, high):
        drawing.add(Line(x(tick), AXIS_Y - 3, x(tick), AXIS_Y, strokeColor=MUTED, strokeWidth=0.6))
        drawing.add(
            String(
                x(tick),
                AXIS_Y - 11,
                str(tick),
                fontName=font,
                fontSize=7,
                fillColor=MUTED,
                textAnchor="middle",
            )
        )
    for value, count in sorted(stacks.items()):
        for level in range(count):
            y = AXIS_Y + 5 + radius + level * step
            drawing.add(
                Circle(
                    x(value), y, radius, fillColor=ACCENT_SOFT, strokeColor=ACCENT, strokeWidth=0.6
                )
            )
    if scale.mean is not None:
        at = x(scale.mean)
        drawing.add(Line(at, AXIS_Y, at, top + 2, strokeColor=INK, strokeWidth=1.2))
        drawing.add(
            Polygon(
                [at - 3.5, top + 6, at + 3.5, top + 6, at, top + 1.5],
                fillColor=INK,
                strokeColor=None,
            )
        )
        drawing.add(
            String(
                at,
                top + 8,
                f"{scale.mean:.1f}",
                fontName=font,
                fontSize=7.5,
                fillColor=INK,
                textAnchor="middle",
            )
        )
    return drawing


def _summary(scale: ScaleSummary) -> str:
    if scale.mean is None:
        return "Nobody rated this yet."
    ratings = f"{scale.count} rating{'' if scale.count == 1 else 's'}"
    parts = [f"average <b>{scale.mean:.1f}</b>", ratings]
    if scale.count > 1 and scale.minimum is not None and scale.maximum is not None:
        parts.insert(1, f"from {scale.minimum:g} to {scale.maximum:g}")
    if scale.stdev:
        parts.append(f"shaded: one standard deviation ({scale.stdev:.1f}) each side")
    return " · ".join(parts)


def _one(scale: ScaleSummary, styles: Styles, low_label: str, high_label: str) -> Flowable:
    """Label, chart, end words and summary as one unsplittable block (much less than a page).

    A table rather than KeepTogether, so the prompt above can keep with it (ReportLab does
    not chain keep-with-next into a KeepTogether).
    """
    width = styles.width
    rows: list[list[Cell]] = [
        [line(scale.label, styles, "cell_bold"), ""],
        [chart(scale, width, styles.fonts.body), ""],
    ]
    commands: list[TableCommand] = [
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("SPAN", (0, 0), (1, 0)),
        ("SPAN", (0, 1), (1, 1)),
    ]
    if low_label or high_label:
        rows.append(
            [
                line(f"{scale.low} = {low_label}", styles, "axis_low") if low_label else "",
                line(f"{scale.high} = {high_label}", styles, "axis_high") if high_label else "",
            ]
        )
        commands += [
            ("LEFTPADDING", (0, 2), (0, 2), SIDE - 4),
            ("RIGHTPADDING", (1, 2), (1, 2), SIDE - 4),
        ]
    rows.append([fixed(_summary(scale), styles, "cell_muted"), ""])
    commands.append(("SPAN", (0, len(rows) - 1), (1, len(rows) - 1)))
    block = table(rows, [width / 2, width / 2], commands, head=0, whole=True)
    block.spaceAfter = 12
    return block


def rating_charts(
    scales: Sequence[ScaleSummary],
    styles: Styles,
    ends: dict[str, tuple[str, str]] | None = None,
) -> list[Flowable]:
    """One chart per scale; `ends` gives each scale's low and high words, by scale key."""
    words = ends or {}
    return [_one(scale, styles, *words.get(scale.key, ("", ""))) for scale in scales]
