"""A workshop from a template: the agenda, time available and minute overrides come along."""

import pytest

from app.db.database import Database
from app.services.agenda import agenda_plan
from app.services.errors import InvalidInputError
from app.services.templates import create_from_template
from app.services.workshops import get_workshop
from exercises.library import Library, builtin_library
from exercises.model import Exercise
from exercises.workshop_template import TemplateItem, WorkshopTemplate


def test_the_sample_template_builds_its_agenda_with_its_minutes(db: Database) -> None:
    library = builtin_library()
    template = library.templates[0]
    workshop_id = create_from_template(db, template, library, title="Our half day").id
    workshop = get_workshop(db, workshop_id)
    assert (workshop.title, workshop.minutes_available) == ("Our half day", template.minutes)
    plan = agenda_plan(db, workshop_id)
    assert [item.exercise.key for item in plan.items] == [i.exercise for i in template.items]
    for item, spec in zip(plan.items, template.items, strict=True):
        for step in item.steps:
            expected = (spec.minutes or {}).get(step.key, item.exercise.step(step.key).minutes)
            assert step.minutes == expected


def test_a_template_naming_a_missing_exercise_writes_nothing(db: Database) -> None:
    library = builtin_library()
    broken = WorkshopTemplate(
        key="broken",
        version=1,
        title="Broken",
        summary="Names an exercise nobody wrote.",
        minutes=60,
        items=(TemplateItem(exercise="no_such_exercise"),),
    )
    with pytest.raises(InvalidInputError, match="broken"):
        create_from_template(db, broken, Library(library.exercises))
    with db.read() as session:
        assert session.connection().exec_driver_sql("SELECT count(*) FROM workshop").scalar() == 0


def test_a_template_item_can_run_part_of_an_exercise(db: Database, every_mode: Exercise) -> None:
    library = Library([every_mode])
    bookends = WorkshopTemplate(
        key="bookends",
        version=1,
        title="Bookends",
        summary="Opens with one step, closes with another.",
        minutes=20,
        items=(
            TemplateItem(exercise="every_mode", steps=("open",)),
            TemplateItem(exercise="every_mode", steps=("commit",), minutes={"commit": 10}),
        ),
    )
    assert library.check_template(bookends) == []
    plan = agenda_plan(db, create_from_template(db, bookends, library).id)
    assert [[step.key for step in item.steps] for item in plan.items] == [["open"], ["commit"]]
    assert plan.total_minutes == 15


def test_a_step_cannot_be_taken_without_the_step_it_builds_on(every_mode: Exercise) -> None:
    library = Library([every_mode])
    broken = WorkshopTemplate(
        key="orphan",
        version=1,
        title="Orphan",
        summary="Votes on themes that were never made.",
        minutes=60,
        items=(TemplateItem(exercise="every_mode", steps=("choose",)),),
    )
    (problem,) = library.check_template(broken)
    assert (problem.field, problem.message) == (
        "items[0].steps",
        "step 'choose' builds on step 'themes', which is left out",
    )


def test_a_template_must_fit_its_time(every_mode: Exercise) -> None:
    library = Library([every_mode])
    tight = WorkshopTemplate(
        key="tight",
        version=1,
        title="Tight",
        summary="Too much for the time.",
        minutes=30,
        items=(TemplateItem(exercise="every_mode"),),
    )
    (problem,) = library.check_template(tight)
    assert problem.message == "the agenda takes 35 minutes but the template allows 30"
