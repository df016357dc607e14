"""Everything a handout, report or guide shows about one workshop, as plain frozen data.

One read model for every export format: Markdown and PDF render the same content, and the
rules (ranking by votes, which cards are unclustered, rating summaries) are computed once here.
"""

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from app.db.database import Database
from app.db.models import Card
from app.services.actions import list_actions
from app.services.agenda import AgendaPlan, ItemPlan, StepPlan, agenda_plan
from app.services.cards import list_cards
from app.services.clusters import themes_and_loose_cards
from app.services.notes import step_note, workshop_notes
from app.services.participants import list_participants
from app.services.ratings import ScaleSummary, interpretations, rating_summary
from app.services.system_map import system_map
from app.services.votes import vote_results
from app.services.workshops import get_workshop
from exercises.model import (
    CardsCapture,
    ClusterCapture,
    Exercise,
    RateCapture,
    Step,
    VoteCapture,
)


@dataclass(frozen=True)
class CardLine:
    text: str
    author: str | None
    category: str | None
    votes: int


@dataclass(frozen=True)
class Theme:
    name: str
    votes: int
    cards: tuple[CardLine, ...]  # most voted first


@dataclass(frozen=True)
class Column:
    label: str
    cards: tuple[CardLine, ...]


@dataclass(frozen=True)
class MapNodeLine:
    label: str
    kind: str
    x: float
    y: float


@dataclass(frozen=True)
class MapLinkLine:
    source: int  # index into the step's map nodes
    target: int
    label: str


@dataclass(frozen=True)
class StepReport:
    plan: StepPlan
    step: Step
    note: str  # private: report only
    cards: tuple[CardLine, ...] = ()
    columns: tuple[Column, ...] = ()  # cards steps with categories: one column each
    themes: tuple[Theme, ...] = ()
    unclustered: tuple[CardLine, ...] = ()
    ranking: tuple[tuple[str, int], ...] = ()  # vote steps: label and dots, most first
    dots_budget: int | None = None
    scales: tuple[ScaleSummary, ...] = ()
    interpretations: tuple[str, ...] = ()  # what the current averages tend to mean
    map_nodes: tuple[MapNodeLine, ...] = ()
    map_links: tuple[MapLinkLine, ...] = ()

    @property
    def actual_minutes(self) -> float | None:
        if self.plan.started_at is None or self.plan.ended_at is None:
            return None
        return (self.plan.ended_at - self.plan.started_at).total_seconds() / 60


@dataclass(frozen=True)
class ItemReport:
    plan: ItemPlan
    steps: tuple[StepReport, ...]

    @property
    def exercise(self) -> Exercise:
        return self.plan.exercise


@dataclass(frozen=True)
class ActionLine:
    what: str
    owner: str
    due: dt.date | None
    done: bool


@dataclass(frozen=True)
class WorkshopReport:
    title: str
    purpose: str
    organisation: str
    date: dt.date | None
    start_time: dt.time | None
    location: str
    facilitator: str
    participants: tuple[tuple[str, str], ...]  # name, vantage point
    agenda: AgendaPlan
    items: tuple[ItemReport, ...]
    actions: tuple[ActionLine, ...]
    notes: str  # private: report only


def workshop_report(db: Database, workshop_id: int) -> WorkshopReport:
    workshop = get_workshop(db, workshop_id)
    people = list_participants(db, workshop_id)
    plan = agenda_plan(db, workshop_id)
    names = {person.id: person.name for person in people if person.id is not None and person.name}
    items = tuple(_item(db, item, names) for item in plan.items)
    actions = tuple(
        ActionLine(action.what, action.owner, action.due, action.status == "done")
        for action in list_actions(db, workshop_id)
    )
    return WorkshopReport(
        workshop.title,
        workshop.purpose,
        workshop.organisation,
        workshop.date,
        workshop.start_time,
        workshop.location,
        workshop.facilitator,
        tuple((person.name, person.vantage_point) for person in people),
        plan,
        items,
        actions,
        workshop_notes(db, workshop_id),
    )


def _card_votes(db: Database, item: ItemPlan) -> tuple[Counter[int], Counter[int]]:
    """Dots per card and per theme, from every vote step of the exercise."""
    on_cards: Counter[int] = Counter()
    on_themes: Counter[int] = Counter()
    for step in item.exercise.steps:
        if isinstance(step.capture, VoteCapture):
            results = vote_results(db, item.item_id, step.key)
            target = on_cards if results.target == "cards" else on_themes
            for row in results.rows:
                target[row.target_id] += row.count
    return on_cards, on_themes


def _lines(
    cards: list[Card] | tuple[Card, ...],
    names: dict[int, str],
    votes: Counter[int],
    rank: bool = False,
) -> tuple[CardLine, ...]:
    lines = [
        CardLine(
            card.text,
            names.get(card.author_id) if card.author_id is not None else None,
            card.category,
            votes[card.id] if card.id is not None else 0,
        )
        for card in cards
    ]
    if rank:
        lines.sort(key=lambda line: -line.votes)  # stable: ties keep board order
    return tuple(lines)


def _item(db: Database, item: ItemPlan, names: dict[int, str]) -> ItemReport:
    votes = _card_votes(db, item)
    read: dict[str, list[Card]] = {}  # live cards by step, so a theme step reuses its source's
    steps = tuple(_step(db, item, step, names, votes, read=read) for step in item.steps)
    return ItemReport(item, steps)


def _step(
    db: Database,
    item: ItemPlan,
    plan: StepPlan,
    names: dict[int, str],
    votes: tuple[Counter[int], Counter[int]],
    *,
    read: dict[str, list[Card]],
) -> StepReport:
    step = item.exercise.step(plan.key)
    capture = step.capture
    note = step_note(db, item.item_id, plan.key)
    on_cards, on_themes = votes
    if isinstance(capture, CardsCapture):
        read[plan.key] = list_cards(db, item.item_id, plan.key)
        cards = _lines(read[plan.key], names, on_cards)
        columns = tuple(
            Column(category.label, tuple(c for c in cards if c.category == category.key))
            for category in capture.categories
        )
        return StepReport(plan, step, note, cards=cards, columns=columns)
    if isinstance(capture, ClusterCapture):
        source = read.get(capture.source)
        views, loose_cards = themes_and_loose_cards(db, item.item_id, plan.key, source)
        themes = [
            Theme(
                view.cluster.name,
                on_themes[view.cluster.id] if view.cluster.id is not None else 0,
                _lines(view.cards, names, on_cards, rank=True),
            )
            for view in views
        ]
        themes.sort(key=lambda theme: -theme.votes)
        loose = _lines(loose_cards, names, on_cards, rank=True)
        return StepReport(plan, step, note, themes=tuple(themes), unclustered=loose)
    if isinstance(capture, VoteCapture):
        results = vote_results(db, item.item_id, plan.key)
        ranking = tuple((row.label, row.count) for row in results.rows)
        return StepReport(plan, step, note, ranking=ranking, dots_budget=results.budget)
    if isinstance(capture, RateCapture):
        scales = rating_summary(db, item.item_id, plan.key)
        meaning = interpretations(capture, scales)
        return StepReport(plan, step, note, scales=tuple(scales), interpretations=meaning)
    if capture.mode == "map":
        view = system_map(db, item.item_id, plan.key)
        index = {node.id: number for number, node in enumerate(view.nodes)}
        return StepReport(
            plan,
            step,
            note,
            map_nodes=tuple(MapNodeLine(n.label, n.kind, n.x, n.y) for n in view.nodes),
            map_links=tuple(
                MapLinkLine(index[link.source_id], index[link.target_id], link.label)
                for link in view.links
                if link.source_id in index and link.target_id in index
            ),
        )
    return StepReport(plan, step, note)
