"""A whole workshop run by keyboard only, through the main window: open it from the list, F5,
then every step with PgDown, entering what the room says in each capture mode (cards, themes,
dots, ratings, a system map, actions), and Finish. Then the database must hold every word.

Keys go where Qt would deliver them (tests/ui/facilitator_keys.py); the test never calls a
panel or the runner, so focus that does not land where the facilitator types next fails here.
"""

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.db.models import ActionStatus, WorkshopStatus
from app.services import run_state
from app.services.actions import list_actions
from app.services.agenda import add_exercise, agenda_plan
from app.services.cards import list_cards
from app.services.clusters import list_clusters, unclustered_cards
from app.services.drafts import list_drafts
from app.services.participants import add_participant, list_participants
from app.services.ratings import list_ratings, rating_summary
from app.services.system_map import system_map
from app.services.votes import vote_results
from app.services.workshops import create_workshop, get_workshop
from tests.conftest import FakeClock
from tests.ui.conftest import ScriptedPrompts
from tests.ui.facilitator_keys import CTRL, Key, Keyboard
from ui.main_window import MainWindow
from ui.store import Store

EXERCISES = (
    "recall_great_collaboration",
    "aligned_proactive_collaborative",
    "see_the_larger_system",
)
PEOPLE = ("Ana", "Ben", "Cleo")
# Minutes each step really takes, all under its plan (so no chime): step_timings must say so.
TAKEN = {
    "recall": 4, "tell": 11, "harvest": 14, "patterns": 9, "choose": 5, "commit": 8,
    "three_qualities": 12, "hero_symptoms": 17, "invest": 7, "actions": 13,
    "vantage": 20, "map": 25, "missing": 10, "debrief": 15,
}  # fmt: skip
SCRIPT, CARD_BOX, WHAT = "Facilitator script", "New card", "What"  # where the keyboard is
RATED = {"Ana": (4, 2, 2), "Ben": (5, 2, 1), "Cleo": (3, 3, 2)}  # aligned, proactive, collab.


class Room:
    """The run as the facilitator moves through it: one step at a time, timer started."""

    def __init__(self, window: MainWindow, keys: Keyboard, clock: FakeClock) -> None:
        self.window, self.keys, self.clock = window, keys, clock
        self.visited: list[str] = []
        self.two_weeks_on: dt.date | None = None  # "in 2 weeks", as the day it was typed

    def current(self) -> str | None:
        workshop_id = self.window.runner.workshop_id
        assert workshop_id is not None
        state = run_state.timer(self.window.store.db, workshop_id)
        return state.step_key if state is not None else None

    @contextmanager
    def step(self, key: str, typing_in: str) -> Iterator[Keyboard]:
        """Arrive at `key` with the keyboard in `typing_in`, start the timer, work, PgDown."""
        assert self.current() == key
        assert self.keys.focused() == typing_in, f"{key}: the focus is in {self.keys.focused()!r}"
        self.keys.start_timer()
        yield self.keys
        self.clock.advance(TAKEN[key] * 60)
        self.visited.append(key)
        self.keys.next_step()


def run_recall_great_collaboration(room: Room) -> None:
    with room.step("recall", SCRIPT):
        pass
    with room.step("tell", SCRIPT):
        pass
    with room.step("harvest", CARD_BOX) as k:
        k.cards(
            "@Ana Knew why it mattered",
            "Said what we needed",
            "#conditions Time set aside to talk",  # this column, and the next cards too
            "@Ben Mistakes shared early",
            "@Cleo Shipped a week early #results",
        )
    with room.step("patterns", "Cards not grouped yet") as k:
        k.theme_from_selection(1, "Shared purpose")
        k.theme_from_selection(1, "Safe to speak")
        k.add_to_theme("Shar")  # completes to "Shared purpose"
    with room.step("choose", "Dots per theme") as k:
        k.dots("+++", "++=-")
    with room.step("commit", WHAT) as k:
        k.action("Start each project with why", "Ana", "2027-02-05")
        k.action("Keep a weekly retro")


def run_aligned_proactive_collaborative(room: Room) -> None:
    with room.step("three_qualities", "Ratings") as k:
        k.ratings(*("".join(map(str, values)) for values in RATED.values()))
    with room.step("hero_symptoms", CARD_BOX) as k:
        k.cards(
            "@Cleo Only Sam can approve a release",
            "#initiative We wait to be told",
            "#blame Nobody owns the backlog",
        )
    with room.step("invest", "Dots per card") as k:
        k.dots("++", "", "+")
    with room.step("actions", WHAT) as k:
        room.two_weeks_on = dt.date.fromtimestamp(room.clock.now) + dt.timedelta(days=14)
        k.action("Rotate who approves releases", "Ben", "in 2 weeks")


def run_see_the_larger_system(room: Room) -> None:
    with room.step("vantage", CARD_BOX) as k:
        k.cards("@Ana Beds wait for pharmacy", "@Ben Letters wait", "@Cleo Families wait")
    with room.step("map", "New actor") as k:
        k.actors("Ward nurses #team", "Pharmacy #team", "Patients #community")
        k.press(Key.Key_Tab)  # into the map: the first actor is selected
        assert k.focused() == "System map"
        k.link("Pharmacy", "sends orders to")
        k.press(Key.Key_Tab)  # the next actor
        k.link("Social care", "hands over to")  # a new name adds the actor
        k.press(Key.Key_Escape)  # back to the name box
        assert k.focused() == "New actor"
    with room.step("missing", CARD_BOX) as k:
        k.cards("Social workers", "Social wokrers")
        k.press(Key.Key_Z, CTRL)  # the same card twice, with a typo: undo it
        k.cards("@Ben Carers at home")
    with room.step("debrief", SCRIPT):
        pass  # PgDown on the last step finishes the run


@pytest.fixture
def window(store: Store, settings: QSettings, prompts: ScriptedPrompts, qtbot: QtBot) -> MainWindow:
    workshop_id = create_workshop(store.db, title="Keyboard day").id
    for key in EXERCISES:
        add_exercise(store.db, workshop_id, store.library.library.get(key))
    for name in PEOPLE:
        add_participant(store.db, workshop_id, name=name)
    shown = MainWindow(store, settings, prompts)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    qtbot.waitUntil(shown.home.search_box.hasFocus)
    return shown


def test_a_whole_workshop_by_keyboard_only(
    window: MainWindow, store: Store, prompts: ScriptedPrompts, clock: FakeClock
) -> None:
    keys = Keyboard()
    keys.press(Key.Key_Return)  # from the search box to the list
    keys.press(Key.Key_Return)  # open the workshop
    assert window.pages.currentWidget() is window.editor
    keys.press(Key.Key_F5)
    assert window.pages.currentWidget() is window.runner
    room = Room(window, keys, clock)
    run_recall_great_collaboration(room)
    run_aligned_proactive_collaborative(room)
    prompts.confirm_answers = [True]
    run_see_the_larger_system(room)

    assert room.visited == list(TAKEN)
    assert prompts.asked[-1].startswith("Finish the run")
    assert window.pages.currentWidget() is window.editor
    workshop_id = window.editor.workshop_id
    assert workshop_id is not None
    assert get_workshop(store.db, workshop_id).status is WorkshopStatus.DONE
    kept = Kept(store.db, workshop_id)
    kept.check_recall_great_collaboration()
    kept.check_aligned_proactive_collaborative()
    kept.check_see_the_larger_system()
    assert room.two_weeks_on is not None
    kept.check_actions(room.two_weeks_on)
    kept.check_timings()
    assert list_drafts(store.db) == []  # nothing typed was left behind in a box


class Kept:
    """What the database holds after the run, read through app/services."""

    def __init__(self, db: Database, workshop_id: int) -> None:
        self.db, self.workshop_id = db, workshop_id
        self.recall, self.aligned, self.larger = (
            item.item_id for item in agenda_plan(db, workshop_id).items
        )
        self.names = {p.id: p.name for p in list_participants(db, workshop_id)}

    def cards(self, item: int, step: str) -> list[tuple[str, str | None, str | None]]:
        """(text, author's name, column) of each card, in board order."""
        found = list_cards(self.db, item, step)
        return [(c.text, self.names.get(c.author_id), c.category) for c in found]

    def check_recall_great_collaboration(self) -> None:
        db, item = self.db, self.recall
        assert self.cards(item, "harvest") == [
            ("Knew why it mattered", "Ana", "behaviours"),
            ("Said what we needed", None, "behaviours"),
            ("Time set aside to talk", None, "conditions"),
            ("Mistakes shared early", "Ben", "conditions"),
            ("Shipped a week early", "Cleo", "results"),
        ]
        themes = [
            (v.cluster.name, [c.text for c in v.cards]) for v in list_clusters(db, item, "patterns")
        ]
        assert themes == [
            (
                "Shared purpose",
                ["Knew why it mattered", "Said what we needed", "Shipped a week early"],
            ),
            ("Safe to speak", ["Time set aside to talk", "Mistakes shared early"]),
        ]
        assert unclustered_cards(db, item, "patterns") == []
        chosen = vote_results(db, item, "choose")
        assert chosen.target == "clusters"
        assert [(r.label, r.count) for r in chosen.rows] == [
            ("Shared purpose", 3),
            ("Safe to speak", 2),
        ]

    def check_aligned_proactive_collaborative(self) -> None:
        db, item = self.db, self.aligned
        ids = {name: pid for pid, name in self.names.items()}
        scales = ("aligned", "proactive", "collaborative")
        assert list_ratings(db, item, "three_qualities") == {
            (ids[name], scale): float(value)
            for name, values in RATED.items()
            for scale, value in zip(scales, values, strict=True)
        }
        summary = rating_summary(db, item, "three_qualities")
        assert [(s.key, s.count, s.mean) for s in summary] == [
            ("aligned", 3, 4.0),
            ("proactive", 3, pytest.approx(7 / 3)),
            ("collaborative", 3, pytest.approx(5 / 3)),
        ]
        assert self.cards(item, "hero_symptoms") == [
            ("Only Sam can approve a release", "Cleo", "bottlenecks"),
            ("We wait to be told", None, "initiative"),
            ("Nobody owns the backlog", None, "blame"),
        ]
        invested = vote_results(db, item, "invest")
        assert invested.target == "cards"
        assert {r.label: r.count for r in invested.rows} == {
            "Only Sam can approve a release": 2,
            "We wait to be told": 0,
            "Nobody owns the backlog": 1,
        }

    def check_see_the_larger_system(self) -> None:
        db, item = self.db, self.larger
        assert self.cards(item, "vantage") == [
            ("Beds wait for pharmacy", "Ana", None),
            ("Letters wait", "Ben", None),
            ("Families wait", "Cleo", None),
        ]
        view = system_map(db, item, "map")
        assert [(n.label, n.kind) for n in view.nodes] == [
            ("Ward nurses", "team"),
            ("Pharmacy", "team"),
            ("Patients", "community"),
            ("Social care", ""),
        ]
        labels = {n.id: n.label for n in view.nodes}
        assert {(labels[x.source_id], labels[x.target_id], x.label) for x in view.links} == {
            ("Ward nurses", "Pharmacy", "sends orders to"),
            ("Pharmacy", "Social care", "hands over to"),
        }
        assert self.cards(item, "missing") == [
            ("Social workers", None, None),
            ("Carers at home", "Ben", None),
        ]

    def check_actions(self, two_weeks_on: dt.date) -> None:
        found = [
            (a.what, a.owner, a.due, a.agenda_item_id, a.step_key)
            for a in list_actions(self.db, self.workshop_id)
        ]
        assert found == [
            ("Start each project with why", "Ana", dt.date(2027, 2, 5), self.recall, "commit"),
            ("Keep a weekly retro", "", None, self.recall, "commit"),
            ("Rotate who approves releases", "Ben", two_weeks_on, self.aligned, "actions"),
        ]
        assert {a.status for a in list_actions(self.db, self.workshop_id)} == {ActionStatus.OPEN}

    def check_timings(self) -> None:
        """Each step ran from its timer's start to the PgDown (or Finish) that left it."""
        timings = run_state.step_timings(self.db, self.workshop_id)
        assert [t.step_key for t in timings] == list(TAKEN)
        for timing in timings:
            assert timing.started_at is not None and timing.ended_at is not None, timing.step_key
            minutes = (timing.ended_at - timing.started_at).total_seconds() / 60
            assert minutes == TAKEN[timing.step_key], timing.step_key
