"""The facilitator report: the handout, plus how the time went, private notes and who said what.

It is the coach's record of the day, so it keeps what the handout leaves out on purpose: the
authors of cards, each step's planned and actual minutes, the notes taken during the run, and
the list of who was there.
"""

from reportlab.platypus import Flowable, Spacer

from app.services.report import StepReport, WorkshopReport
from exports.pdf import callouts, overview
from exports.pdf.flow import fixed
from exports.pdf.handout import actions_section, exercises, opening
from exports.pdf.styles import Styles

KIND = "Facilitator report"


def _timing(step: StepReport) -> str:
    actual = step.actual_minutes
    words = f"Timing: planned {step.plan.minutes} min"
    if actual is None:
        return words + ", not timed"
    difference = actual - step.plan.minutes
    over = f"{abs(difference):.0f} min {'over' if difference > 0 else 'under'}"
    return words + f", actual {actual:.0f} min" + ("" if round(difference) == 0 else f" ({over})")


def step_extras(step: StepReport, styles: Styles) -> tuple[list[Flowable], list[Flowable]]:
    """The step's timing under its heading; the private note taken during it after its results."""
    timing: list[Flowable] = [fixed(_timing(step), styles, "meta")]
    note = [Spacer(1, 4), *callouts.private_note(step.note, styles)] if step.note else []
    return timing, note


def report_story(report: WorkshopReport, styles: Styles) -> list[Flowable]:
    story = [*opening(report, styles, KIND)]
    if report.notes:
        story += [
            Spacer(1, 12),
            *callouts.private_note(report.notes, styles, "PRIVATE NOTES ON THE WORKSHOP"),
        ]
    story += overview.participants(report, styles, "Who was there")
    story += overview.timings(report, styles)
    story += exercises(report, styles, with_author=True, extras=step_extras, new_page=False)
    story += actions_section(report, styles)
    return story
