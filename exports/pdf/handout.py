"""The participant handout: what the room made, laid out for people who were in it.

Cover and agenda, then per exercise the idea in brief, each step's prompt and what the group
produced (themes ranked by votes, boards, ratings, the map), and the actions at the end. It
never shows the facilitator's script, private notes, timings or who wrote which card: the
report reuses these builders and adds those through `StepExtras`.
"""

from collections.abc import Callable

from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Spacer

from app.services.report import ItemReport, StepReport, WorkshopReport
from exercises.model import RateCapture
from exports.pdf import blocks, callouts, overview
from exports.pdf.flow import fixed, line, text
from exports.pdf.map_diagram import system_map
from exports.pdf.rating_chart import rating_charts
from exports.pdf.styles import Styles

KIND = "Workshop handout"
# What the report adds to a step: flowables under its heading, and after its results.
StepExtras = Callable[[StepReport, Styles], tuple[list[Flowable], list[Flowable]]]


def produced(step: StepReport, styles: Styles, with_author: bool = False) -> list[Flowable]:
    """What the group made in one step, in the form that suits its capture mode."""
    story: list[Flowable] = []
    if step.columns:
        story += blocks.board(step.columns, styles, with_author)
    elif step.cards:
        story += blocks.card_tiles(step.cards, styles, with_author)
    story += blocks.themes(step.themes, styles, with_author)
    story += blocks.unclustered(step.unclustered, styles, with_author)
    story += blocks.ranking(step.ranking, step.dots_budget, styles)
    if step.scales:
        capture = step.step.capture
        ends = (
            {s.key: (s.low_label, s.high_label) for s in capture.scales}
            if isinstance(capture, RateCapture)
            else {}
        )
        story += rating_charts(step.scales, styles, ends)
    for meaning in step.interpretations:
        story += callouts.interpretation(meaning, styles)
    story += system_map(step.map_nodes, step.map_links, styles)
    return story


def exercise(
    item: ItemReport,
    number: int,
    total: int,
    styles: Styles,
    *,
    with_author: bool = False,
    extras: StepExtras | None = None,
) -> list[Flowable]:
    """One agenda item: heading, the idea in brief, then each step's prompt and results."""
    start = item.plan.starts_at
    kicker = f"EXERCISE {number} OF {total}"
    if start is not None:
        kicker += f" · {start:%H:%M}"
    story: list[Flowable] = [
        CondPageBreak(styles.height * 0.25),
        fixed(kicker, styles, "h1_kicker"),
        line(item.plan.title, styles, "h1"),
        *text(item.exercise.handout, styles, "lead"),
    ]
    single = item.plan.partial and len(item.steps) == 1  # the heading already names the step
    for step in item.steps:
        before, after = extras(step, styles) if extras is not None else ([], [])
        if not single:
            story.append(line(step.step.title, styles, "h2"))
        story += before
        results = produced(step, styles, with_author)
        story += callouts.prompt(step.step.prompt, styles, keep_with_next=bool(results or after))
        story += results + after
    return [*story, Spacer(1, 10)]


def actions_section(report: WorkshopReport, styles: Styles) -> list[Flowable]:
    if not report.actions:
        return []
    return [
        CondPageBreak(styles.height * 0.3),
        fixed("NEXT STEPS", styles, "h1_kicker"),
        fixed("Actions", styles, "h1"),
        fixed("What we agreed to do, who makes it happen, and by when.", styles, "lead"),
        *blocks.actions(report.actions, styles),
    ]


def opening(report: WorkshopReport, styles: Styles, kind: str) -> list[Flowable]:
    """The cover and the agenda, on the first page when they fit."""
    return [*overview.cover(report, styles, kind), *overview.agenda(report.agenda, styles)]


def exercises(
    report: WorkshopReport,
    styles: Styles,
    with_author: bool = False,
    extras: StepExtras | None = None,
    new_page: bool = True,
) -> list[Flowable]:
    """Every exercise in agenda order; the handout starts them on a fresh page after the cover."""
    story: list[Flowable] = [PageBreak()] if report.items and new_page else []
    for number, item in enumerate(report.items, 1):
        story += exercise(
            item, number, len(report.items), styles, with_author=with_author, extras=extras
        )
    return story


def handout_story(report: WorkshopReport, styles: Styles) -> list[Flowable]:
    return [
        *opening(report, styles, KIND),
        *exercises(report, styles),
        *actions_section(report, styles),
    ]
