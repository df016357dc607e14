"""The large data folder: 50 workshops, 20,000 cards in all, one workshop with 2,000 cards,
100 actions, 40 ratings and a 60-node map.

The 2,000-card workshop is made card by card through the real services (about 1 ms a card), so
its rows are exactly what the runner writes. The other workshops' cards go in through one
session of ORM rows: 18,000 separate commits would take far longer and measure nothing.
"""

import datetime as dt
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import insert

from app.db.database import Database
from app.db.models import Card
from app.services.actions import add_action
from app.services.agenda import add_exercise, agenda_plan
from app.services.cards import add_card
from app.services.participants import add_participant
from app.services.ratings import set_rating
from app.services.run_state import go_to_step, start_run
from app.services.system_map import add_link, add_node
from app.services.workshops import create_workshop
from exercises.loader import load_exercise
from exercises.model import Exercise

EVERY_MODE = Path(__file__).resolve().parents[1] / "fixtures" / "every_mode.toml"
CARDS_STEP = "harvest"  # every_mode's cards step, with the columns "vision" and "reality"
COLUMNS = ("vision", "reality")
WORKSHOPS = 50
ALL_CARDS = 20_000
BIG_CARDS = 2_000
ACTIONS = 100
PEOPLE = 20  # x 2 scales of the rate step = 40 ratings
MAP_NODES = 60
MAP_LINKS = 90
_SAID = (
    "we need more time to talk about what matters handovers are rushed the ward trusts its "
    "nurses leadership is shared when people feel safe to speak decisions wait for the manager "
    "patients notice when teams argue quietly night shift carries the load nobody asks the "
    "porters what they see our meetings start late and end without actions try a daily huddle "
    "learn from the failed rota pilot everyone owns the board vision clarity reality budget"
)
WORDS = tuple(_SAID.split())


@dataclass(frozen=True)
class Step:
    """Where cards are captured in one workshop: what the children open and add to."""

    workshop_id: int
    item_id: int
    run_step_id: int
    step_key: str = CARDS_STEP


def sentence(rng: random.Random) -> str:
    """A card as a room says it: mostly a few words, sometimes a long sentence."""
    length = rng.choice((3, 4, 5, 6, 7, 8, 10, 12, 16, 24))
    text = " ".join(rng.choice(WORDS) for _ in range(length))
    return text[0].upper() + text[1:]


def _new_workshop(db: Database, exercise: Exercise, number: int, title: str = "") -> Step:
    workshop_id = create_workshop(
        db,
        title=title or f"Away day {number}: {WORDS[number % len(WORDS)]}",
        date=dt.date(2026, 1, 1) + dt.timedelta(days=7 * number),
        organisation=f"Ward {number % 9 + 1}",
        purpose="See the larger system and agree what to try next.",
        location="Room B",
        facilitator="Sam",
    ).id
    add_exercise(db, workshop_id, exercise)
    item = agenda_plan(db, workshop_id).items[0]
    harvest = next(step for step in item.steps if step.key == CARDS_STEP)
    return Step(workshop_id, item.item_id, harvest.run_step_id)


def bulk_cards(db: Database, step: Step, count: int, rng: random.Random) -> None:
    """`count` cards after the step's last, in one transaction (columns alternate, no authors)."""
    rows = [
        Card(
            agenda_item_id=step.item_id,
            step_key=step.step_key,
            text=sentence(rng),
            category=COLUMNS[index % 2],
            position=index,
        ).model_dump(exclude={"id"})
        for index in range(count)
    ]
    with db.write() as session:
        session.execute(insert(Card), rows)


def _fill_big(db: Database, exercise: Exercise, rng: random.Random) -> Step:
    """The 2,000-card workshop, through the services, with the rest of what the room made."""
    step = _new_workshop(db, exercise, 0, title=f"Ward away day ({BIG_CARDS:,} cards)")
    wid, item = step.workshop_id, step.item_id
    people = [
        add_participant(db, wid, name=f"Person {n:02d}", vantage_point="Ward").id
        for n in range(PEOPLE)
    ]
    for index in range(BIG_CARDS):
        author = people[index % PEOPLE] if index % 3 == 0 else None
        add_card(db, item, CARDS_STEP, sentence(rng), author_id=author, category=COLUMNS[index % 2])
    for index, person in enumerate(people):
        set_rating(db, item, "rate", "aligned", 1 + index % 5, participant_id=person)
        set_rating(db, item, "rate", "proactive", 1 + (index * 3) % 5, participant_id=person)
    nodes = [
        add_node(
            db, item, "system", f"Actor {n}", kind=("person", "team")[n % 2],
            x=(n % 10) * 120.0, y=(n // 10) * 90.0,
        ).id
        for n in range(MAP_NODES)
    ]  # fmt: skip
    for n in range(MAP_LINKS):
        source, target = nodes[n % MAP_NODES], nodes[(n * 7 + 1) % MAP_NODES]
        if source != target:
            add_link(db, source, target, rng.choice(("asks", "tells", "waits for", "")))
    for n in range(ACTIONS):
        add_action(
            db, wid, sentence(rng), owner=f"Person {n % PEOPLE:02d}",
            agenda_item_id=item, step_key="commit",
        )  # fmt: skip
    return step


def build_large_folder(folder: Path, seed: int = 8) -> Step:
    """The folder of the start-up figures (nothing running in it); returns the big workshop."""
    rng = random.Random(seed)
    exercise = load_exercise(EVERY_MODE)
    db = Database.open(folder)
    try:
        big = _fill_big(db, exercise, rng)
        others = WORKSHOPS - 1
        left = ALL_CARDS - BIG_CARDS
        for number in range(1, WORKSHOPS):
            share = left // others + (1 if number <= left % others else 0)
            bulk_cards(db, _new_workshop(db, exercise, number), share, rng)
    finally:
        db.close()  # takes a backup, so no timed write later pays for the first one
    return big


def copy_folder(source: Path, target: Path) -> Path:
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("chorus.lock"))
    return target


def start_running(folder: Path, step: Step) -> None:
    """Mark the workshop RUNNING at `step`, as a crash mid-workshop would leave it."""
    db = Database.open(folder)
    try:
        start_run(db, step.workshop_id)
        go_to_step(db, step.workshop_id, step.run_step_id)
    finally:
        db.close()


def add_flat_workshop(folder: Path, cards: int, seed: int = 9) -> Step:
    """One more workshop whose cards step holds `cards` cards, running at that step."""
    db = Database.open(folder)
    try:
        title = f"Flat check ({cards:,} cards)"
        step = _new_workshop(db, load_exercise(EVERY_MODE), 100, title=title)
        bulk_cards(db, step, cards, random.Random(seed))
    finally:
        db.close()
    start_running(folder, step)
    return step
