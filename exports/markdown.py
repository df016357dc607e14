"""Markdown export of a workshop, for people who paste the results into other tools.

The three kinds match the PDFs: the handout (for participants), the report (handout plus
timings, private notes and who said what) and the guide (the coach's preparation document).
"""

import re
from pathlib import Path

from app.db.database import Database
from app.files import write_atomically
from app.services.report import CardLine, ItemReport, StepReport, WorkshopReport, workshop_report

KINDS = ("handout", "report", "guide")
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def escape(text: str) -> str:
    """User text printed literally: markup characters escaped, line breaks kept as breaks."""
    escaped = _SPECIAL.sub(r"\\\1", text)
    return "  \n".join(line.strip() for line in escaped.splitlines())


def _cell(text: str) -> str:
    return " ".join(escape(text).split())


def _card(line: CardLine, with_author: bool) -> str:
    votes = f" ({line.votes} dot{'s' if line.votes != 1 else ''})" if line.votes else ""
    author = f" (said by {_cell(line.author)})" if with_author and line.author else ""
    return f"- {escape(line.text)}{votes}{author}"


def _when(report: WorkshopReport) -> str:
    parts = []
    if report.date:
        parts.append(report.date.strftime("%d %B %Y").lstrip("0"))
    if report.start_time:
        parts.append(report.start_time.strftime("%H:%M"))
    return ", ".join(parts)


def _cover(report: WorkshopReport, kind: str) -> list[str]:
    title = {"guide": "Preparation guide", "report": "Facilitator report"}.get(kind)
    lines = [f"# {escape(report.title)}", ""]
    if title:
        lines += [f"*{title}*", ""]
    facts = [
        ("Date", _when(report)),
        ("Group", report.organisation),
        ("Place", report.location),
        ("Facilitator", report.facilitator),
    ]
    lines += [f"**{label}:** {escape(value)}  " for label, value in facts if value]
    if report.purpose:
        lines += ["", f"**Purpose:** {escape(report.purpose)}"]
    return [*lines, ""]


def _agenda(report: WorkshopReport, kind: str) -> list[str]:
    lines = ["## Agenda", "", "| Time | Exercise | Minutes |", "|---|---|---:|"]
    for item in report.agenda.items:
        start = item.starts_at.strftime("%H:%M") if item.starts_at else f"+{item.start_offset} min"
        lines.append(f"| {start} | {_cell(item.title)} | {item.minutes} |")
    lines.append("")
    if kind != "handout":
        available = report.agenda.minutes_available
        total = f"Total: {report.agenda.total_minutes} minutes"
        if available:
            total += f" of {available} available"
            if report.agenda.over_by:
                total += f" (**{report.agenda.over_by} minutes over**)"
        lines += [total, ""]
    return lines


def _produced(step: StepReport, with_author: bool) -> list[str]:
    lines: list[str] = []
    if step.columns:
        for column in step.columns:
            lines += [f"**{escape(column.label)}**", ""]
            lines += [_card(card, with_author) for card in column.cards] or ["- (none)"]
            lines.append("")
    elif step.cards:
        lines += [*(_card(card, with_author) for card in step.cards), ""]
    for theme in step.themes:
        dots = f" ({theme.votes} dots)" if theme.votes else ""
        lines += [f"**{escape(theme.name)}**{dots}", ""]
        lines += [*(_card(card, with_author) for card in theme.cards), ""]
    if step.unclustered:
        lines += ["**Not grouped**", "", *(_card(c, with_author) for c in step.unclustered), ""]
    if step.ranking:
        lines += [
            f"{n}. {escape(label)}: {count}" for n, (label, count) in enumerate(step.ranking, 1)
        ]
        lines.append("")
    for scale in step.scales:
        if scale.mean is None:
            continue
        lines.append(
            f"- **{escape(scale.label)}**: average {scale.mean:.1f} on {scale.low} to "
            f"{scale.high} (from {scale.minimum:g} to {scale.maximum:g}, {scale.count} ratings)"
        )
    if step.interpretations:
        lines += ["", *(f"*{escape(text)}*" for text in step.interpretations)]
    if step.map_nodes:
        lines += ["", "Who is in the system:", ""]
        lines += [f"- {escape(node.label)}" for node in step.map_nodes]
        lines += [
            f"- {escape(step.map_nodes[link.source].label)} → "
            f"{escape(step.map_nodes[link.target].label)}"
            + (f": {escape(link.label)}" if link.label else "")
            for link in step.map_links
        ]
    return [*lines, ""] if lines else []


def _item(item: ItemReport, kind: str) -> list[str]:
    exercise = item.exercise
    lines = [f"## {escape(item.plan.title)}", ""]
    if kind == "guide":
        lines += [
            escape(exercise.summary),
            "",
            f"**Invitation:** {escape(exercise.invitation)}",
            "",
            f"**Space:** {escape(exercise.space)}",
            "",
            f"**Participation:** {escape(exercise.participation)}",
            "",
        ]
    else:
        lines += [escape(exercise.handout), ""]
    single = item.plan.partial and len(item.steps) == 1  # the item's heading names the step
    for step in item.steps:
        lines += [] if single else [f"### {escape(step.step.title)}", ""]
        if kind == "guide":
            starts = step.plan.starts_at.strftime("%H:%M ") if step.plan.starts_at else ""
            lines += [
                f"*{starts}{step.plan.minutes} min, {step.step.grouping.value.replace('_', ' ')}*",
                "",
                escape(step.step.script),
                "",
                f"> {escape(step.step.prompt)}",
                "",
            ]
            lines += [f"- {escape(question)}" for question in step.step.debrief]
            continue
        lines += [f"> {escape(step.step.prompt)}", ""]
        lines += _produced(step, with_author=kind == "report")
        if kind == "report":
            actual = step.actual_minutes
            timing = f"planned {step.plan.minutes} min"
            timing += f", actual {actual:.0f} min" if actual is not None else ", not timed"
            lines += [f"*Timing: {timing}*", ""]
            if step.note:
                lines += [f"*Private note:* {escape(step.note)}", ""]
    return lines


def _actions(report: WorkshopReport) -> list[str]:
    if not report.actions:
        return []
    lines = ["## Actions", "", "| What | Who | By when | Done |", "|---|---|---|---|"]
    for action in report.actions:
        due = action.due.isoformat() if action.due else ""
        done = "yes" if action.done else ""
        lines.append(f"| {_cell(action.what)} | {_cell(action.owner)} | {due} | {done} |")
    return [*lines, ""]


def _materials(report: WorkshopReport) -> list[str]:
    seen: dict[str, None] = {}
    for item in report.items:
        seen.update(dict.fromkeys(item.exercise.materials))
    return ["## Materials", "", *(f"- [ ] {escape(m)}" for m in seen), ""] if seen else []


def render_markdown(report: WorkshopReport, kind: str = "handout") -> str:
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    lines = _cover(report, kind) + _agenda(report, kind)
    if kind == "guide":
        lines += _materials(report)
    for item in report.items:
        lines += _item(item, kind)
    if kind != "guide":
        lines += _actions(report)
    if kind == "report" and report.notes:
        lines += ["## Private notes", "", escape(report.notes), ""]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).rstrip() + "\n"


def write_markdown(db: Database, workshop_id: int, kind: str, output: Path) -> None:
    text = render_markdown(workshop_report(db, workshop_id), kind)
    write_atomically(output, text.encode("utf-8"))
