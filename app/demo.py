"""A filled-in demo workshop, so a first-time user sees what Chorus produces before trying it.

The workshop is made from a built-in template and filled through the services, exactly as the
runner would write it; what the room "said" is data in demo_content.toml.
"""

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

from app.db.database import Database
from app.services.actions import add_action
from app.services.agenda import ItemPlan, agenda_plan
from app.services.cards import add_card, list_cards
from app.services.changes import Changes
from app.services.clusters import create_cluster
from app.services.notes import set_step_note, set_workshop_notes
from app.services.participants import add_participant
from app.services.ratings import set_rating
from app.services.system_map import add_link, add_node
from app.services.templates import create_from_template
from app.services.votes import add_dots, vote_results
from exercises.library import Library
from exercises.model import (
    ActionsCapture,
    CardsCapture,
    ClusterCapture,
    MapCapture,
    RateCapture,
    Step,
    VoteCapture,
)

CONTENT = Path(__file__).with_name("demo_content.toml")


def create_demo_workshop(db: Database, library: Library) -> Changes:
    content = tomllib.loads(CONTENT.read_text(encoding="utf-8"))
    today = dt.date.fromtimestamp(db.clock())
    created = create_from_template(
        db,
        library.template(content["template"]),
        library,
        title=content["title"],
        organisation=content["organisation"],
        location=content["location"],
        facilitator=content["facilitator"],
        date=today,
        start_time=dt.time(9, 30),
    )
    workshop_id = created.id
    people = [
        add_participant(db, workshop_id, name=name, vantage_point=where).id
        for name, where in content["people"]
    ]
    names = [name for name, _ in content["people"]]
    filler = _Filler(db, workshop_id, people, names, today)
    for item in agenda_plan(db, workshop_id).items:
        for step_plan in item.steps:
            said = content.get(item.exercise.key, {}).get(step_plan.key)
            if said is not None:
                filler.fill(item, item.exercise.step(step_plan.key), said)
    set_workshop_notes(db, workshop_id, content["notes"])
    return created


class _Filler:
    """Writes one step's content through the service for its capture mode."""

    def __init__(
        self, db: Database, workshop_id: int, people: list[int], names: list[str], today: dt.date
    ) -> None:
        self.db, self.workshop_id, self.today = db, workshop_id, today
        self.people, self.names = people, names

    def fill(self, item: ItemPlan, step: Step, said: dict[str, Any]) -> None:
        db, item_id, capture = self.db, item.item_id, step.capture
        if isinstance(capture, CardsCapture):
            for index, card in enumerate(said["cards"]):
                text, category = (
                    (card, None)
                    if isinstance(card, str)
                    else (
                        card["text"],
                        card.get("category"),
                    )
                )
                author = self.people[index % len(self.people)] if capture.per_participant else None
                add_card(db, item_id, step.key, text, author_id=author, category=category)
        elif isinstance(capture, ClusterCapture):
            cards = [card.id for card in list_cards(db, item_id, capture.source) if card.id]
            for theme in said["themes"]:
                picked = [cards[index] for index in theme["cards"]]
                create_cluster(db, item_id, step.key, theme["name"], picked)
        elif isinstance(capture, VoteCapture):
            results = vote_results(db, item_id, step.key)
            on = "cluster_id" if results.target == "clusters" else "card_id"
            for index, dots in said["dots"]:
                target = {on: results.rows[index].target_id}
                add_dots(db, item_id, step.key, delta=dots, **target)
        elif isinstance(capture, RateCapture):
            for scale, values in said["ratings"].items():
                for person, value in zip(self.people, values, strict=False):
                    set_rating(db, item_id, step.key, scale, value, participant_id=person)
        elif isinstance(capture, MapCapture):
            nodes = [
                add_node(db, item_id, step.key, n["label"], kind=n["kind"], x=n["x"], y=n["y"]).id
                for n in said["nodes"]
            ]
            for source, target, label in said["links"]:
                add_link(db, nodes[source], nodes[target], label)
        elif isinstance(capture, ActionsCapture):
            for action in said["actions"]:
                add_action(
                    db,
                    self.workshop_id,
                    action["what"],
                    owner=self.names[action["owner"]],
                    due=self.today + dt.timedelta(days=action["days"]),
                    agenda_item_id=item_id,
                    step_key=step.key,
                )
        if "note" in said:
            set_step_note(db, item_id, step.key, said["note"])
