"""One exercise as a page a coach can read before choosing it: what it is for, what it needs,
and each step with its prompt, script and debrief.

Custom exercises come from other people's files, so every piece of text goes through
html.escape; nothing in a file can add markup, links or images to the page. Colours come from
the palette passed in, so the page follows light and dark.
"""

from html import escape

from PySide6.QtGui import QPalette

from app.user_library import LibraryEntry
from exercises.model import CaptureMode, Exercise, Grouping, Step
from ui.library.library_model import is_custom
from ui.theme import muted_colour

GROUPINGS = {
    Grouping.SOLO: "Solo",
    Grouping.PAIRS: "Pairs",
    Grouping.SMALL_GROUPS: "Small groups",
    Grouping.WHOLE_GROUP: "Whole group",
}
CAPTURES = {
    CaptureMode.TALK: "",
    CaptureMode.CARDS: "Records cards",
    CaptureMode.CLUSTER: "Records themes",
    CaptureMode.VOTE: "Records dot votes",
    CaptureMode.RATE: "Records ratings",
    CaptureMode.MAP: "Records a system map",
    CaptureMode.ACTIONS: "Records actions",
}


def _paragraphs(text: str) -> str:
    """Blank lines separate paragraphs; single line breaks stay line breaks."""
    blocks = [b.strip() for b in text.strip().split("\n\n") if b.strip()]
    return "".join(f"<p>{escape(b).replace(chr(10), '<br>')}</p>" for b in blocks)


def _list(items: tuple[str, ...]) -> str:
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


def _section(title: str, body: str) -> str:
    return f"<h3>{escape(title)}</h3>{body}" if body else ""


def _facts(exercise: Exercise, muted: str) -> str:
    size = exercise.group_size
    rows = [
        ("Length", f"{exercise.minutes} minutes, {len(exercise.steps)} steps"),
        ("Group size", f"{size.min} to {size.max} people"),
    ]
    if exercise.capabilities:
        rows.append(("Capabilities", ", ".join(exercise.capabilities)))
    cells = "".join(
        f'<tr><td style="color:{muted}; padding-right:12px">{escape(label)}</td>'
        f"<td>{escape(value)}</td></tr>"
        for label, value in rows
    )
    return f'<table cellspacing="0" cellpadding="2">{cells}</table>'


def _credit(exercise: Exercise, muted: str) -> str:
    based_on = exercise.based_on
    text = f"<b>Based on:</b> {escape(based_on.idea)} — {escape(based_on.source)}"
    note = f'<p style="color:{muted}">{escape(based_on.note)}</p>' if based_on.note else ""
    return f'<p style="color:{muted}; margin-top:12px">{text}</p>{note}'


def _step(number: int, step: Step, muted: str) -> str:
    details = [f"{step.minutes} min", GROUPINGS.get(step.grouping, str(step.grouping))]
    capture = CAPTURES.get(CaptureMode(step.capture.mode), "")
    if capture:
        details.append(capture)
    parts = [
        f"<h4>{number}. {escape(step.title)}</h4>",
        f'<p style="color:{muted}">{escape(" · ".join(details))}</p>',
        f"<p><b>On screen:</b> <i>{escape(step.prompt)}</i></p>",
        "<p><b>Script</b></p>",
        _paragraphs(step.script),
    ]
    if step.debrief:
        parts += ["<p><b>Debrief questions</b></p>", _list(step.debrief)]
    return "".join(parts)


def exercise_html(entry: LibraryEntry, palette: QPalette) -> str:
    """The whole page for one library entry."""
    exercise = entry.exercise
    muted = muted_colour(palette).name()
    origin = (
        f'<p style="color:{muted}">Custom exercise, from {escape(entry.source)}</p>'
        if is_custom(entry)
        else ""
    )
    parts = [
        f"<h2>{escape(exercise.title)}</h2>",
        origin,
        f'<p style="margin-bottom:8px">{escape(exercise.summary)}</p>',
        _facts(exercise, muted),
        _credit(exercise, muted),
        _section("Goals", _list(exercise.goals) if exercise.goals else ""),
        _section("Materials", _list(exercise.materials) if exercise.materials else ""),
        _section("Invitation", _paragraphs(exercise.invitation)),
        _section("Space", _paragraphs(exercise.space)),
        _section("Participation", _paragraphs(exercise.participation)),
        _section("Handout", _paragraphs(exercise.handout)),
        "<h3>Steps</h3>",
    ]
    parts += [_step(i, step, muted) for i, step in enumerate(exercise.steps, start=1)]
    return "".join(parts)


def empty_html(palette: QPalette, text: str) -> str:
    muted = muted_colour(palette).name()
    return f'<p align="center" style="color:{muted}"><br><br>{escape(text)}</p>'
