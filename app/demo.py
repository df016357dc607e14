"""A filled-in demo workshop, so a first-time user sees what Chorus produces before trying it.

Everything goes through the services, exactly as the runner would write it. The captured text
is fictional and written for Chorus.
"""

import datetime as dt
import itertools

from app.db.database import Database
from app.services.actions import add_action
from app.services.agenda import add_exercise, agenda_plan
from app.services.cards import add_card, list_cards
from app.services.changes import Changes
from app.services.clusters import create_cluster
from app.services.notes import set_step_note, set_workshop_notes
from app.services.participants import add_participant
from app.services.ratings import set_rating
from app.services.system_map import add_link, add_node
from app.services.votes import add_dots, vote_results
from app.services.workshops import create_workshop
from exercises.library import Library
from exercises.model import (
    ActionsCapture,
    CardsCapture,
    ClusterCapture,
    Exercise,
    MapCapture,
    RateCapture,
    Step,
    VoteCapture,
)

# Exercises the demo prefers, in order, when the library has them.
PREFERRED = (
    "recall_great_collaboration",
    "see_the_larger_system",
    "vision_and_current_reality",
    "lead_and_follow_at_once",
)
PEOPLE = (
    ("Ana Ribeiro", "ward nurse"),
    ("Tomás Ferreira", "pharmacy"),
    ("Lena Vogel", "hospital board"),
    ("Kwame Mensah", "patient council"),
    ("Yuki Tanaka", "community care"),
    ("Omar Haddad", "IT and records"),
)
CARD_TEXTS = (
    "Everyone knew why the work mattered",
    "We said out loud what we needed from each other",
    "Mistakes were shared early, without blame",
    "The person closest to the problem made the call",
    "We met briefly every morning, standing up",
    "Someone always noticed when a colleague was stuck",
    "Roles were clear but nobody hid behind them",
    "We celebrated small wins together",
    "Disagreement was welcome as long as it was about the work",
    "Leaders asked more questions than they answered",
    "We had time set aside to reflect, not just to do",
    "Information reached everyone at the same moment",
)
# Theme name and the CARD_TEXTS it groups; the rest stay unclustered, as on a real wall.
THEMES = (
    ("Shared purpose", (0, 1, 7)),
    ("Trust that makes room for mistakes", (2, 5, 8)),
    ("Leadership that moves", (3, 6, 9)),
)
MAP_NODES = ("Patients", "Ward team", "Pharmacy", "Board", "Community care", "Records")
MAP_LINKS = (
    (0, 1, "daily care"),
    (1, 2, "orders"),
    (3, 1, "budgets"),
    (4, 0, "home visits"),
    (5, 1, "shared notes"),
    (1, 4, "discharge"),
)
ACTIONS = (
    ("Start a ten-minute huddle across ward and pharmacy", 0, 14),
    ("Write up the patterns we chose and share them with the board", 2, 7),
    ("Invite the patient council to the next review", 3, 30),
)


def _pick_exercises(library: Library) -> list[Exercise]:
    keys = {exercise.key for exercise in library.exercises}
    chosen = [library.get(key) for key in PREFERRED if key in keys]
    return chosen or list(library.exercises[:1])


def create_demo_workshop(db: Database, library: Library) -> Changes:
    today = dt.date.fromtimestamp(db.clock())
    created = create_workshop(
        db,
        title="Demo: learning to lead together",
        purpose="Find the patterns of mutual support we already have and choose how to "
        "grow them across the hospital and its partners.",
        organisation="Riverside Health and partners",
        date=today,
        start_time=dt.time(9, 30),
        minutes_available=180,
        location="Riverside community hall",
        facilitator="Sam Okafor",
    )
    workshop_id = created.id
    people = [
        add_participant(db, workshop_id, name=name, vantage_point=where).id
        for name, where in PEOPLE
    ]
    for exercise in _pick_exercises(library):
        add_exercise(db, workshop_id, exercise)
    for item in agenda_plan(db, workshop_id).items:
        for step in item.exercise.steps:
            _fill_step(db, workshop_id, item.item_id, step, people)
    set_workshop_notes(
        db,
        workshop_id,
        "Lena arrives late (board meeting). Keep the harvest energetic; "
        "the group is new to dot voting.",
    )
    return created


def _fill_step(db: Database, workshop_id: int, item_id: int, step: Step, people: list[int]) -> None:
    capture = step.capture
    if isinstance(capture, CardsCapture):
        categories = itertools.cycle([c.key for c in capture.categories] or [None])
        authors = itertools.cycle(people)
        for text in CARD_TEXTS:
            add_card(
                db, item_id, step.key, text, author_id=next(authors), category=next(categories)
            )
        set_step_note(db, item_id, step.key, "Ask the quieter side of the room first.")
    elif isinstance(capture, ClusterCapture):
        cards = [card.id for card in list_cards(db, item_id, capture.source) if card.id]
        for name, picks in THEMES:
            chosen = [cards[pick] for pick in picks if pick < len(cards)]
            create_cluster(db, item_id, step.key, name, chosen)
    elif isinstance(capture, VoteCapture):
        _vote(db, item_id, step)
    elif isinstance(capture, RateCapture):
        values = itertools.cycle((2, 4, 3, 5, 3, 2, 4))
        for person in people:
            for scale in capture.scales:
                value = min(scale.high, max(scale.low, next(values)))
                set_rating(db, item_id, step.key, scale.key, value, participant_id=person)
    elif isinstance(capture, MapCapture):
        kinds = itertools.cycle(capture.node_kinds or ("",))
        nodes = [
            add_node(
                db,
                item_id,
                step.key,
                label,
                kind=next(kinds),
                x=(i % 3) * 220.0,
                y=(i // 3) * 160.0,
            ).id
            for i, label in enumerate(MAP_NODES)
        ]
        for source, target, label in MAP_LINKS:
            add_link(db, nodes[source], nodes[target], label)
    elif isinstance(capture, ActionsCapture):
        today = dt.date.fromtimestamp(db.clock())
        for what, owner, days in ACTIONS:
            add_action(
                db,
                workshop_id,
                what,
                owner=PEOPLE[owner][0],
                due=today + dt.timedelta(days=days),
                agenda_item_id=item_id,
                step_key=step.key,
            )


def _vote(db: Database, item_id: int, step: Step) -> None:
    results = vote_results(db, item_id, step.key)
    for count, row in zip((7, 5, 4, 2, 1), results.rows, strict=False):
        if results.target == "clusters":
            add_dots(db, item_id, step.key, cluster_id=row.target_id, delta=count)
        else:
            add_dots(db, item_id, step.key, card_id=row.target_id, delta=count)
