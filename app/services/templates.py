"""A new workshop from a template: its purpose, time available and agenda in one step."""

from typing import Unpack

from app.db.database import Database
from app.services.agenda import insert_item
from app.services.changes import Area, Changes
from app.services.errors import InvalidInputError
from app.services.workshops import WorkshopDetails, insert_workshop
from exercises.library import Library
from exercises.workshop_template import WorkshopTemplate


def create_from_template(
    db: Database,
    template: WorkshopTemplate,
    library: Library,
    **details: Unpack[WorkshopDetails],
) -> Changes:
    """Details given here win over the template's own title, purpose and time available."""
    problems = library.check_template(template)
    if problems:
        raise InvalidInputError(f"Template {template.title!r} is broken: {problems[0].message}")
    exercises = [library.get(item.exercise) for item in template.items]
    merged: WorkshopDetails = {
        "title": template.title,
        "purpose": template.purpose,
        "minutes_available": template.minutes,
        **details,
    }
    with db.write() as session:
        workshop = insert_workshop(session, merged)
        assert workshop.id is not None
        for item, exercise in zip(template.items, exercises, strict=True):
            insert_item(session, workshop.id, exercise, minutes=item.minutes, only_steps=item.steps)
        return Changes.of(Area.WORKSHOPS, workshop_id=workshop.id, ids=(workshop.id,))
