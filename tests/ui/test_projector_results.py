"""Every results view on a real projector window: whole, large and unscrolled at room sizes.

A projector cannot be scrolled, so each test fills a step with a realistic amount of content,
shows it in a ProjectorWindow with results visible, and checks that no scroll bar shows, that
every item is either on the wall (inside the results area, its text not cut) or counted by a
"+N more" line, and that the type is readable from the back (at least 18 px at 720 p).
"""

import datetime as dt
import re

import pytest
from PySide6.QtCore import QPoint, QRect, QRectF
from PySide6.QtGui import QFontInfo, QFontMetricsF
from PySide6.QtWidgets import QApplication, QLabel, QScrollBar, QWidget
from pytestqt.qtbot import QtBot

from app.services import system_map
from app.services.actions import add_action
from app.services.agenda import add_exercise, agenda_plan
from app.services.cards import add_card, list_cards
from app.services.clusters import create_cluster
from app.services.participants import add_participant
from app.services.ratings import set_rating
from app.services.votes import add_dots
from app.services.workshops import create_workshop
from exercises.model import RateCapture
from ui.capture.context import StepContext, step_context
from ui.capture.map_items import node_size
from ui.capture.map_layout import Box, tidy_layout
from ui.capture.map_results import MapResults
from ui.capture.rate_results import RateResults
from ui.capture.results_sheet import ResultsSheet, RoomText
from ui.projector.projector_window import ProjectorWindow
from ui.store import Store

from .test_projector import holds

SIZES = [(1280, 720), (1920, 1080)]
AUTHOR = "Ana Ribeiro"


def step(store: Store, exercise: str, key: str) -> StepContext:
    workshop_id = create_workshop(store.db, title="Away day").id
    assert workshop_id is not None
    add_exercise(store.db, workshop_id, store.library.library.get(exercise))
    plan = agenda_plan(store.db, workshop_id)
    return step_context(plan, plan.items[0].item_id, key)


def sentence(number: int) -> str:
    """A card as people say them: a few words to a long sentence, each one different."""
    tail = ["", " and it helped", " because everyone knew why the work mattered to patients"]
    return f"Idea {number}: we said out loud what we needed{tail[number % 3]}"


def projector(
    qtbot: QtBot, store: Store, context: StepContext, size: tuple[int, int]
) -> ProjectorWindow:
    window = ProjectorWindow(store)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.show_step(context)
    window.set_results_visible(True)
    assert window.results is not None
    qtbot.waitUntil(lambda: window.results is not None and window.results.isVisible())
    qtbot.wait(5)  # the deferred relayout after the last change
    return window


def area(window: ProjectorWindow) -> QRect:
    return QRect(window.results_area.mapTo(window, QPoint(0, 0)), window.results_area.size())


def on_window(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def smallest_px(window: ProjectorWindow) -> float:
    return 18 * window.height() / 720


def assert_no_scroll_bars(window: ProjectorWindow) -> None:
    assert [bar for bar in window.findChildren(QScrollBar) if bar.isVisible()] == []


def shown_texts(window: ProjectorWindow) -> list[str]:
    """Checks every label on the wall (inside the results area, not cut, large enough)."""
    results = window.results
    assert isinstance(results, ResultsSheet)
    assert on_window(results, window).height() <= area(window).height()
    texts = []
    for label in results.shown_labels():
        assert isinstance(label, RoomText)
        assert area(window).contains(on_window(label, window)), label.text()
        box = QRectF(0, 0, label.width(), 1e6)
        needed = QFontMetricsF(label.font()).boundingRect(box, label.flags, label.text())
        assert needed.height() <= label.height() + 0.5, label.text()
        assert needed.width() <= label.width() + 0.5, label.text()
        assert QFontInfo(label.font()).pixelSize() >= smallest_px(window), label.text()
        texts.append(label.text())
    return texts


def counted(texts: list[str], pattern: str) -> int:
    """The sum of the numbers in the summary lines ("+12 earlier cards")."""
    return sum(int(m.group(1).replace(",", "")) for t in texts if (m := re.fullmatch(pattern, t)))


@pytest.mark.parametrize("size", SIZES)
def test_forty_cards_in_two_columns(qtbot: QtBot, store: Store, size: tuple[int, int]) -> None:
    context = step(store, "vision_and_current_reality", "vision_reality")
    author = add_participant(store.db, context.workshop_id, name=AUTHOR).id
    cards = [sentence(n) for n in range(40)]
    for number, text in enumerate(cards):
        category = "vision" if number % 2 else "reality"
        add_card(
            store.db,
            context.agenda_item_id,
            "vision_reality",
            text,
            category=category,
            author_id=author,
        )
    window = projector(qtbot, store, context, size)
    assert_no_scroll_bars(window)
    texts = shown_texts(window)
    on_wall = [text for text in cards if text in texts]
    assert len(on_wall) + counted(texts, r"\+([\d,]+) earlier cards?") == 40
    assert len(on_wall) >= 12  # the wall is used, not summarised away
    assert cards[-1] in texts and cards[-2] in texts  # the newest of each column stay up
    assert "20 cards" in texts
    assert not holds(window, AUTHOR)
    store.apply(add_card, context.agenda_item_id, "vision_reality", "Just now", category="vision")
    qtbot.waitUntil(lambda: "Just now" in shown_texts(window))
    assert "21 cards" in shown_texts(window)


@pytest.mark.parametrize("size", SIZES)
def test_six_themes_of_five_cards(qtbot: QtBot, store: Store, size: tuple[int, int]) -> None:
    context = step(store, "recall_great_collaboration", "patterns")
    item = context.agenda_item_id
    for number in range(30):
        add_card(store.db, item, "harvest", sentence(number))
    ids = [card.id for card in list_cards(store.db, item, "harvest") if card.id is not None]
    names = [f"Theme {n}: how people looked out for each other" for n in range(6)]
    for number, name in enumerate(names):
        create_cluster(store.db, item, "patterns", name, ids[number * 5 : number * 5 + 5])
    window = projector(qtbot, store, context, size)
    assert_no_scroll_bars(window)
    texts = shown_texts(window)
    assert all(name in texts for name in names)
    on_wall = [text for text in map(sentence, range(30)) if text in texts]
    assert len(on_wall) + counted(texts, r"\+(\d+) more") == 30
    assert texts.count("5 cards") == 6


@pytest.mark.parametrize("size", SIZES)
def test_twelve_vote_rows(qtbot: QtBot, store: Store, size: tuple[int, int]) -> None:
    context = step(store, "learning_from_what_did_not_work", "choose_lessons")
    item, source = context.agenda_item_id, "experiments"
    for number in range(12):
        add_card(store.db, item, source, sentence(number))
    for number, card in enumerate(list_cards(store.db, item, source)):
        add_dots(store.db, item, "choose_lessons", card_id=card.id, delta=12 - number)
    window = projector(qtbot, store, context, size)
    assert_no_scroll_bars(window)
    texts = shown_texts(window)
    on_wall = [text for text in map(sentence, range(12)) if text in texts]
    assert len(on_wall) + counted(texts, r"and (\d+) more") == 12
    assert texts[:4] == ["1.", sentence(0), "12", "●" * 12]
    assert "78 dots given" in texts


@pytest.mark.parametrize("size", SIZES)
def test_ten_actions(qtbot: QtBot, store: Store, size: tuple[int, int]) -> None:
    context = step(store, "aligned_proactive_collaborative", "actions")
    whats = [f"Action {n}: try a ten-minute huddle across ward and pharmacy" for n in range(10)]
    for number, what in enumerate(whats):
        due = dt.date(2030, 1, 1) + dt.timedelta(days=number)
        add_action(store.db, context.workshop_id, what, owner=f"Owner {number}", due=due)
    window = projector(qtbot, store, context, size)
    assert_no_scroll_bars(window)
    texts = shown_texts(window)
    on_wall = [what for what in whats if what in texts]
    assert len(on_wall) + counted(texts, r"and (\d+) more actions?") == 10
    assert texts[:3] == ["What", "Who", "By when"]
    assert "Owner 0" in texts


@pytest.mark.parametrize("size", SIZES)
def test_a_twelve_actor_map(qtbot: QtBot, store: Store, size: tuple[int, int]) -> None:
    context = step(store, "see_the_larger_system", "map")
    labels = ["Discharge sign-off", "Senior nurse", "Pharmacy", "Ward 7", "Records", "Huddle"]
    labels += ["The rota", "Grace", "Ana", "Council", "Patients", "Finance"]
    ids = []
    for label in labels:
        ids.append(system_map.add_node(store.db, context.agenda_item_id, "map", label).id)
    links = [(0, 1), (1, 2), (3, 4), (6, 7), (8, 6), (9, 10), (11, 5), (2, 3), (4, 0)]
    for source, target in links:
        system_map.add_link(store.db, ids[source], ids[target], "could lead")
    # Laid out as the panel's Tidy does, in the panel's type.
    sizes = [node_size(label, "", QApplication.font()) for label in labels]
    boxes = [Box(i, s.width(), s.height()) for i, s in zip(ids, sizes, strict=True)]
    places = tidy_layout(boxes, [(ids[a], ids[b]) for a, b in links])
    for node_id, (x, y) in places.items():
        system_map.move_node(store.db, node_id, x, y)
    window = projector(qtbot, store, context, size)
    results = window.results
    assert isinstance(results, MapResults)
    qtbot.waitUntil(lambda: results.fitted is not None)
    assert_no_scroll_bars(window)
    view = results.view
    assert area(window).contains(on_window(view, window))
    scale = view.transform().m11()
    assert QFontInfo(results.scene.font()).pixelSize() * scale >= smallest_px(window)
    for node in results.scene.nodes.values():
        shown = view.mapFromScene(node.sceneBoundingRect()).boundingRect()
        assert view.viewport().rect().contains(shown), node.label
    store.apply(system_map.add_node, context.agenda_item_id, "map", "Funder", x=400.0, y=300.0)
    qtbot.waitUntil(lambda: "Funder" in [n.label for n in results.scene.nodes.values()])


@pytest.mark.parametrize("size", SIZES)
def test_three_rated_qualities(qtbot: QtBot, store: Store, size: tuple[int, int]) -> None:
    context = step(store, "aligned_proactive_collaborative", "three_qualities")
    for number in range(8):
        person = add_participant(store.db, context.workshop_id, name=f"Person {number}").id
        assert isinstance(context.capture, RateCapture)
        for scale in context.capture.scales:
            value = 1 + (number % 5)
            set_rating(
                store.db,
                context.agenda_item_id,
                context.step_key,
                scale.key,
                value,
                participant_id=person,
            )
    window = projector(qtbot, store, context, size)
    results = window.results
    assert isinstance(results, RateResults)
    assert_no_scroll_bars(window)
    assert area(window).contains(on_window(results, window))
    for widget in (results.chart, results.reading, results.legend):
        assert area(window).contains(on_window(widget, window))
        assert QFontInfo(widget.font()).pixelSize() >= smallest_px(window)
    for label in (results.reading, results.legend):
        assert isinstance(label, QLabel) and label.isVisible()
        assert label.heightForWidth(label.width()) <= label.height()
    assert not holds(window, "Person 0")


@pytest.mark.slow
def test_two_thousand_cards_show_the_newest_and_count_the_rest(qtbot: QtBot, store: Store) -> None:
    context = step(store, "check_in_check_out", "check_in")
    for number in range(2000):
        add_card(store.db, context.agenda_item_id, "check_in", f"Card number {number}")
    window = projector(qtbot, store, context, (1280, 720))
    results = window.results
    assert isinstance(results, ResultsSheet)
    texts = shown_texts(window)
    on_wall = [text for text in texts if text.startswith("Card number")]
    assert 12 <= len(on_wall) <= 120  # a wall, not two thousand labels
    assert len(on_wall) + counted(texts, r"\+([\d,]+) earlier cards?") == 2000
    assert "Card number 1999" in texts
    store.apply(add_card, context.agenda_item_id, "check_in", "The two thousand and first")
    qtbot.waitUntil(lambda: "The two thousand and first" in shown_texts(window))
    texts = shown_texts(window)
    on_wall = [text for text in texts if text.startswith(("Card number", "The two"))]
    assert len(on_wall) + counted(texts, r"\+([\d,]+) earlier cards?") == 2001
