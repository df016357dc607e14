"""The first pages: the cover (title, date, group, purpose) and the agenda, plus the tables
only the coach needs: who is coming, and how the time went against the plan.

The cover carries the agenda beneath the purpose, so a short workshop's handout opens on one
page that says what happened and in what order.
"""

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from app.services.agenda import AgendaPlan
from app.services.report import StepReport, WorkshopReport
from exports.pdf.flow import Cell, composed, fixed, line, section, table, text
from exports.pdf.styles import ACCENT, MUTED_HEX, RULE, Styles, TableCommand, table_commands
from exports.pdf.text import markup

NOTABLE_MINUTES = 5  # a step this far off its plan is worth a look
SHORT_ITEM = 16  # rows; an exercise with fewer steps keeps its timings on one page


def when(report: WorkshopReport) -> str:
    parts = []
    if report.date:
        parts.append(f"{report.date:%A} {report.date.day} {report.date:%B %Y}")
    if report.start_time:
        parts.append(f"{report.start_time:%H:%M}")
    return ", ".join(parts)


def cover(report: WorkshopReport, styles: Styles, kind: str) -> list[Flowable]:
    """Kind, title, the facts in a grid, then the purpose: everything a reader checks first."""
    story: list[Flowable] = [
        Spacer(1, 14 * mm),
        fixed(kind.upper(), styles, "cover_kind"),
        Spacer(1, 4),
        line(report.title, styles, "cover_title"),
    ]
    facts = [
        ("DATE", when(report)),
        ("GROUP", report.organisation),
        ("PLACE", report.location),
        ("FACILITATOR", report.facilitator),
    ]
    cells: list[Cell] = [
        [fixed(label, styles, "cover_fact_label"), line(value, styles, "cover_fact")]
        for label, value in facts
        if value
    ]
    if cells:
        rows = [cells[start : start + 2] for start in range(0, len(cells), 2)]
        rows[-1] += [""] * (2 - len(rows[-1]))
        commands: list[TableCommand] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ("LINEABOVE", (0, 0), (-1, 0), 0.9, ACCENT),
            ("TOPPADDING", (0, 0), (-1, 0), 8),
        ]
        half = styles.width / 2
        story += [Spacer(1, 8), table(rows, [half, half], commands, head=0)]
    if report.purpose:
        story += [Spacer(1, 12), *text(report.purpose, styles, "cover_purpose")]
    return [*story, Spacer(1, 10 * mm)]


def _clock(time: dt.time | None, offset: int) -> str:
    return f"{time:%H:%M}" if time else f"+{offset} min"


def agenda(plan: AgendaPlan, styles: Styles, with_steps: bool = False) -> list[Flowable]:
    """Start time, exercise and minutes; the guide adds every step and the total."""
    if not plan.items:
        return []
    head: list[Cell] = [
        fixed("TIME", styles, "cell_head"),
        fixed("EXERCISE" if not with_steps else "EXERCISE AND STEPS", styles, "cell_head"),
        fixed("MIN", styles, "cell_head_right"),
    ]
    rows: list[list[Cell]] = [head]
    commands = table_commands()
    for item in plan.items:
        rows.append(
            [
                fixed(
                    _clock(item.starts_at, item.start_offset),
                    styles,
                    "cell_bold" if with_steps else "cell",
                ),
                line(item.title, styles, "cell_bold" if with_steps else "cell"),
                fixed(str(item.minutes), styles, "cell_right"),
            ]
        )
        if not with_steps:
            continue
        for step in item.steps:
            grouping = item.exercise.step(step.key).grouping.value.replace("_", " ")
            rows.append(
                [
                    fixed(_clock(step.starts_at, step.start_offset), styles, "cell_muted"),
                    composed(
                        markup(step.title, styles.fonts)
                        + f'<font size="8" color="{MUTED_HEX}">  ·  {grouping}</font>',
                        styles,
                        "cell",
                    ),
                    fixed(str(step.minutes), styles, "cell_right"),
                ]
            )
            commands += [
                ("LEFTPADDING", (1, len(rows) - 1), (1, len(rows) - 1), 14),
                ("LINEBELOW", (0, len(rows) - 1), (-1, len(rows) - 1), 0, RULE),
                ("TOPPADDING", (0, len(rows) - 1), (-1, len(rows) - 1), 2),
            ]
    # Not keep-with-next: a long agenda should start under the cover, not leave it half empty.
    story: list[Flowable] = [
        *section("Agenda", styles),
        table(rows, [48, styles.width - 48 - 40, 40], commands),
    ]
    if with_steps:
        story.append(Spacer(1, 4))
        story.append(fixed(_total(plan), styles, "small"))
    return story


def _total(plan: AgendaPlan) -> str:
    total = f"Total: <b>{plan.total_minutes} minutes</b>"
    if plan.minutes_available:
        total += f" of {plan.minutes_available} available"
        if plan.over_by:
            total += f", <b>{plan.over_by} minutes over</b>: shorten a step or drop one"
    return total + "."


def participants(report: WorkshopReport, styles: Styles, heading: str) -> list[Flowable]:
    if not report.participants:
        return []
    rows: list[list[Cell]] = [
        [fixed("NAME", styles, "cell_head"), fixed("VANTAGE POINT", styles, "cell_head")]
    ]
    rows += [
        [line(name, styles, "cell"), line(where, styles, "cell") if where else ""]
        for name, where in report.participants
    ]
    half = styles.width * 0.42
    return [
        *section(heading, styles),
        table(rows, [half, styles.width - half], table_commands()),
    ]


def _minutes(value: float | None) -> str:
    return "" if value is None else f"{value:.0f}"


def _step_row(step: StepReport, styles: Styles) -> list[Cell]:
    actual = step.actual_minutes
    started = step.plan.started_at
    difference = (
        "" if actual is None else f"{round(actual - step.plan.minutes):+d}".replace("+0", "0")
    )
    if actual is not None and abs(actual - step.plan.minutes) >= NOTABLE_MINUTES:
        difference = f"<b>{difference}</b>"
    return [
        line(step.step.title, styles, "cell"),
        fixed(f"{started.astimezone():%H:%M}" if started else "not run", styles, "cell_muted"),
        fixed(str(step.plan.minutes), styles, "cell_right"),
        fixed(_minutes(actual) or "-", styles, "cell_right"),
        fixed(difference, styles, "cell_right"),
    ]


def timings(report: WorkshopReport, styles: Styles) -> list[Flowable]:
    """Plan against what happened, step by step, with the difference and a total.

    One table per exercise, in identical columns, so an exercise's steps stay on one page
    with its name instead of leaving the name alone at the foot of a page.
    """
    rest = styles.width - 60 - 3 * 56
    widths = [rest, 60, 56, 56, 56]
    labels = ("STEP", "STARTED", "PLANNED", "ACTUAL", "DIFFERENCE")
    head: list[list[Cell]] = [
        [
            fixed(label, styles, "cell_head_right" if i > 1 else "cell_head")
            for i, label in enumerate(labels)
        ]
    ]
    heading = table(head, widths, table_commands())
    heading.keepWithNext = True
    story: list[Flowable] = [
        *section("Plan versus actual", styles),
        fixed(
            "Minutes per step; a difference of five minutes or more is in bold.", styles, "small"
        ),
        Spacer(1, 4),
        heading,
    ]
    planned_total = actual_total = 0.0
    timed = 0
    for item in report.items:
        rows = [[line(item.plan.title, styles, "cell_bold"), "", "", "", ""]]
        rows += [_step_row(step, styles) for step in item.steps]
        commands = [*table_commands(header=False), ("SPAN", (0, 0), (-1, 0))]
        commands.append(("LEFTPADDING", (0, 1), (0, -1), 12))
        story.append(table(rows, widths, commands, head=0, whole=len(rows) <= SHORT_ITEM))
        for step in item.steps:
            planned_total += step.plan.minutes
            if step.actual_minutes is not None:
                actual_total += step.actual_minutes
                timed += 1
    total = [
        fixed(
            f'Total <font size="8" color="{MUTED_HEX}">({timed} of '
            f"{sum(len(i.steps) for i in report.items)} steps timed)</font>",
            styles,
            "cell_bold",
        ),
        "",
        fixed(f"{planned_total:.0f}", styles, "cell_right"),
        fixed(f"{actual_total:.0f}" if timed else "-", styles, "cell_right"),
        "",
    ]
    commands = [*table_commands(header=False), ("LINEABOVE", (0, 0), (-1, 0), 0.9, ACCENT)]
    return [*story, table([total], widths, commands, head=0)]
