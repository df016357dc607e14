"""The preparation guide: what the coach reads and prints before the day.

Agenda with every step's start time and minutes, who is coming, the materials as a checklist,
then per exercise the five design elements (invitation, space, participation, group
configuration per step, and the sequence of steps with their scripts, prompts and debrief
questions), and a closing checklist. No results: the workshop has not happened yet.
"""

from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Paragraph, Spacer

from app.services.report import ItemReport, WorkshopReport
from exports.pdf import callouts, overview
from exports.pdf.flow import composed, fixed, line, section, text
from exports.pdf.styles import ACCENT_HEX, Styles
from exports.pdf.text import markup

KIND = "Preparation guide"


def _materials(report: WorkshopReport) -> list[str]:
    seen: dict[str, None] = {}
    for item in report.items:
        seen.update(dict.fromkeys(item.exercise.materials))
    return list(seen)


def _steps(item: ItemReport, styles: Styles) -> list[Flowable]:
    story: list[Flowable] = []
    for step in item.steps:
        plan, definition = step.plan, step.step
        start = (
            f'<font color="{ACCENT_HEX}">{plan.starts_at:%H:%M}</font>  ' if plan.starts_at else ""
        )
        grouping = definition.grouping.value.replace("_", " ")
        story += [
            composed(start + markup(definition.title, styles.fonts), styles, "h2"),
            fixed(f"{plan.minutes} min · {grouping}", styles, "meta"),
            fixed("SCRIPT", styles, "label"),
            *text(definition.script, styles, "body"),
            Spacer(1, 4),
            fixed("PROMPT", styles, "label"),
            *callouts.prompt(definition.prompt, styles),
        ]
        if definition.debrief:
            story.append(fixed("DEBRIEF QUESTIONS", styles, "label"))
            story += callouts.bullets([line(q, styles) for q in definition.debrief], styles)
    return story


def _exercise(item: ItemReport, number: int, total: int, styles: Styles) -> list[Flowable]:
    exercise = item.exercise
    kicker = f"EXERCISE {number} OF {total}"
    if item.plan.starts_at is not None:
        kicker += f" · {item.plan.starts_at:%H:%M}"
    kicker += f" · {item.plan.minutes} MIN"
    credit = exercise.based_on
    story: list[Flowable] = [
        CondPageBreak(styles.height * 0.45),
        fixed(kicker, styles, "h1_kicker"),
        line(item.plan.title, styles, "h1"),
        line(exercise.summary, styles, "lead"),
        composed(
            "Based on "
            + markup(credit.idea, styles.fonts)
            + ", "
            + markup(credit.source, styles.fonts)
            + f" · for {exercise.group_size.min} to {exercise.group_size.max} people",
            styles,
            "caption",
        ),
        Spacer(1, 8),
    ]
    if exercise.goals:
        story.append(fixed("GOALS", styles, "label"))
        story += callouts.bullets([line(goal, styles) for goal in exercise.goals], styles)
    story += callouts.labelled("Invitation", exercise.invitation, styles)
    story += callouts.labelled("Space", exercise.space, styles)
    story += callouts.labelled("Participation", exercise.participation, styles)
    if exercise.materials:
        story.append(fixed("MATERIALS", styles, "label"))
        story += callouts.bullets([line(m, styles) for m in exercise.materials], styles)
    return [*story, *_steps(item, styles), Spacer(1, 10)]


def _checklist(report: WorkshopReport, styles: Styles) -> list[Flowable]:
    plan = report.agenda
    timing = f"Check the timing: {plan.total_minutes} minutes planned"
    if plan.minutes_available:
        timing += f" of {plan.minutes_available} available"
        timing += f", <b>{plan.over_by} over</b>" if plan.over_by else ""
    items: list[Paragraph] = []
    if report.location:
        items.append(composed("Confirm the room: " + markup(report.location, styles.fonts), styles))
    count = len(report.participants)
    people = f"the {count} participants" if count else "the participants"
    items += [
        fixed(f"Send {people} the date, the place and the purpose", styles),
        fixed("Gather the materials listed above", styles) if _materials(report) else None,
        fixed("Set up the space each exercise needs (see Space under each one)", styles),
        fixed(timing + ".", styles),
        fixed("Read each invitation and script out loud once, with the timer running", styles),
        fixed("Decide who keeps time and who captures cards into Chorus", styles),
        fixed("Charge the laptop and test the projector before people arrive", styles),
        fixed("Afterwards: export the handout and send it the same day", styles),
    ]
    return [
        *section("Checklist", styles),
        *callouts.checklist([i for i in items if i is not None], styles),
    ]


def guide_story(report: WorkshopReport, styles: Styles) -> list[Flowable]:
    story: list[Flowable] = [
        *overview.cover(report, styles, KIND),
        *overview.agenda(report.agenda, styles, with_steps=True),
    ]
    story += overview.participants(report, styles, "Who is coming")
    materials = _materials(report)
    if materials:
        story += [
            *section("Materials", styles),
            *callouts.checklist([line(m, styles) for m in materials], styles),
        ]
    story += _checklist(report, styles)
    if report.items:
        story.append(PageBreak())
    for number, item in enumerate(report.items, 1):
        story += _exercise(item, number, len(report.items), styles)
    return story
