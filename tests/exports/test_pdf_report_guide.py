"""The facilitator report (handout plus timings, notes, authors) and the preparation guide
(agenda, materials, scripts, debrief questions, checklist) as PDFs."""

import re
from collections.abc import Iterator

import pytest

from app.db.database import Database
from app.demo import create_demo_workshop
from app.services import run_state
from app.services.agenda import agenda_plan
from app.services.report import WorkshopReport, workshop_report
from app.user_library import load_user_library
from exports.pdf.render import render_pdf
from tests.conftest import FakeClock
from tests.exports.pdf_helpers import flowing, pages, participant_strings, sentences, squeeze

# Minutes each step of the demo "took": the first over by one, the second under by two...
DRIFT = (1, -2, 3, 0, 6)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WorkshopReport]:
    """The demo workshop, run: every step but the last timed, some over and some under."""
    data_dir = tmp_path_factory.mktemp("demo") / "data"
    clock = FakeClock()
    db = Database.open(data_dir, clock=clock)
    workshop_id = create_demo_workshop(db, load_user_library(data_dir).library).id
    run_state.start_run(db, workshop_id)
    steps = [step for item in agenda_plan(db, workshop_id).items for step in item.steps]
    for index, step in enumerate(steps[:-1]):
        run_state.start_timer(db, workshop_id)
        clock.advance((step.minutes + DRIFT[index % len(DRIFT)]) * 60)
        run_state.step_by(db, workshop_id, 1)
    run_state.finish_run(db, workshop_id)
    yield workshop_report(db, workshop_id)
    db.engine.dispose()


@pytest.fixture(scope="module")
def report_text(demo: WorkshopReport) -> str:
    return squeeze(flowing(render_pdf(demo, "report", "a4")))


@pytest.fixture(scope="module")
def guide_pdf(demo: WorkshopReport) -> bytes:
    return render_pdf(demo, "guide", "letter")


def test_the_report_has_everything_the_handout_has(demo: WorkshopReport, report_text: str) -> None:
    missing = [s for s in participant_strings(demo) if squeeze(s) not in report_text]
    assert missing == []


def test_the_report_has_the_private_notes_and_who_said_what(
    demo: WorkshopReport, report_text: str
) -> None:
    notes = [demo.notes] + [step.note for item in demo.items for step in item.steps if step.note]
    assert len(notes) >= 3
    for note in notes:
        assert squeeze(note) in report_text
    assert squeeze("Curious, and a bit tired after nights") in report_text
    assert squeeze("said by Ana Ribeiro") in report_text
    assert squeeze("PRIVATE NOTES ON THE WORKSHOP") in report_text
    for name, where in demo.participants:  # who was there
        assert squeeze(name) in report_text and squeeze(where) in report_text


def test_the_report_sets_plan_against_actual_for_every_step(
    demo: WorkshopReport, report_text: str
) -> None:
    assert squeeze("Plan versus actual") in report_text
    first = demo.items[0].steps[0]
    assert first.actual_minutes == pytest.approx(first.plan.minutes + 1)
    assert (
        squeeze(
            f"Timing: planned {first.plan.minutes} min, actual "
            f"{first.plan.minutes + 1} min (1 min over)"
        )
        in report_text
    )
    second = demo.items[1].steps[0]
    assert squeeze(f"actual {second.plan.minutes - 2} min (2 min under)") in report_text
    assert squeeze("not timed") in report_text  # the last step never started
    total = sum(step.plan.minutes for item in demo.items for step in item.steps)
    assert squeeze(f"Total (15 of 16 steps timed) {total}") in report_text


def test_report_and_guide_number_their_pages(demo: WorkshopReport, guide_pdf: bytes) -> None:
    for pdf in (render_pdf(demo, "report"), guide_pdf):
        texts = pages(pdf)
        for number, page in enumerate(texts, 1):
            assert re.findall(r"page (\d+) of (\d+)", page) == [(str(number), str(len(texts)))]


def test_the_guide_has_scripts_materials_debriefs_and_a_checklist(
    demo: WorkshopReport, guide_pdf: bytes
) -> None:
    text = squeeze(flowing(guide_pdf))
    wanted = [demo.title, demo.purpose, "Agenda", "Materials", "Checklist", "Who is coming"]
    for item in demo.items:
        exercise = item.exercise
        wanted += [exercise.summary, exercise.invitation, exercise.space, exercise.participation]
        wanted += list(exercise.materials) + list(exercise.goals)
        for step in item.steps:
            wanted += [step.step.title, step.step.script, step.step.prompt, *step.step.debrief]
            wanted.append(f"{step.plan.minutes} min · {step.step.grouping.value.replace('_', ' ')}")
    wanted += ["Confirm the room: Riverside community hall, room 2"]
    wanted += ["Check the timing: 192 minutes planned of 210 available"]
    missing = [s for s in wanted if squeeze(s) not in text]
    assert missing == []
    for item in demo.agenda.items:  # start times and minutes in the agenda
        assert item.starts_at is not None
        assert squeeze(f"{item.starts_at:%H:%M}{item.title}{item.minutes}") in text


def test_the_guide_shows_no_results_or_private_notes(
    demo: WorkshopReport, guide_pdf: bytes
) -> None:
    text = squeeze("".join(pages(guide_pdf)))
    for private in sentences(demo.notes):
        assert squeeze(private) not in text
    results = ["Safe to say it early", "Curious, and a bit tired after nights", "Dr Amari"]
    results += [action.what for action in demo.actions]
    assert [r for r in results if squeeze(r) in text] == []
    assert "Timing:" not in text and "saidby" not in text
