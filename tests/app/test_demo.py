"""`chorus demo`: a workshop from a template with every capture mode filled believably."""

from sqlalchemy import text

from app.db.database import Database
from app.demo import create_demo_workshop
from app.services.agenda import agenda_plan
from app.services.report import workshop_report
from app.services.workshops import get_workshop
from exercises.library import builtin_library

TABLES = ("participant", "card", "cluster", "vote", "rating", "mapnode", "maplink", "action")


def test_the_demo_comes_from_a_template_and_fills_every_mode(db: Database) -> None:
    library = builtin_library()
    workshop_id = create_demo_workshop(db, library).id
    template = library.template("from_heroic_to_collective")
    plan = agenda_plan(db, workshop_id)
    assert [item.exercise.key for item in plan.items] == [i.exercise for i in template.items]
    assert get_workshop(db, workshop_id).minutes_available == template.minutes
    with db.read() as session:
        counts = {
            table: session.execute(text(f"SELECT count(*) FROM {table}")).scalar()
            for table in TABLES
        }
    assert all(counts[table] for table in TABLES), counts
    modes = {
        step.step.capture.mode
        for item in workshop_report(db, workshop_id).items
        for step in item.steps
    }
    assert modes == {"talk", "cards", "cluster", "vote", "rate", "map", "actions"}


def test_the_demo_ratings_trigger_the_exercise_interpretation(db: Database) -> None:
    workshop_id = create_demo_workshop(db, builtin_library()).id
    (rated,) = [
        step
        for item in workshop_report(db, workshop_id).items
        for step in item.steps
        if step.scales
    ]
    assert [round(scale.mean or 0, 2) for scale in rated.scales] == [3.88, 2.12, 3.62]
    (meaning,) = rated.interpretations
    assert meaning.startswith("Aligned and collaborative, but not proactive")


def test_every_capture_step_of_the_demo_has_content(db: Database) -> None:
    workshop_id = create_demo_workshop(db, builtin_library()).id
    for item in workshop_report(db, workshop_id).items:
        for step in item.steps:
            mode = step.step.capture.mode
            filled = {
                "cards": bool(step.cards),
                "cluster": bool(step.themes),
                "vote": any(count for _, count in step.ranking),
                "rate": bool(step.scales),
                "map": bool(step.map_nodes and step.map_links),
            }.get(mode, True)
            assert filled, f"{item.exercise.key}.{step.step.key} ({mode}) is empty"
