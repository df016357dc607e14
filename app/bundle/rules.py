"""The bundle's reference rules: every ref points at a row of the right kind, step and range.

Kept apart from the models so the format's shape and its cross-row rules can be read alone.
"""

from __future__ import annotations

from app.bundle.model import (
    AgendaItemData,
    Bundle,
    CardData,
    MapLinkData,
    RatingData,
    VoteData,
)
from exercises.model import (
    Capture,
    CardsCapture,
    ClusterCapture,
    RateCapture,
    VoteCapture,
)


def ref_problems(bundle: Bundle) -> list[str]:
    """Every ref that points nowhere, or at a row of the wrong kind or step (one line each)."""
    problems: list[str] = []
    people = _unique("participants", [p.ref for p in bundle.participants], problems)
    _unique("agenda", [item.ref for item in bundle.agenda], problems)
    steps = {item.ref: {s.key for s in item.exercise.steps} for item in bundle.agenda}
    for index, item in enumerate(bundle.agenda):
        problems += _ItemRules(item, f"agenda[{index}]", people).problems
    for index, action in enumerate(bundle.actions):
        at = f"actions[{index}]"
        if action.item is not None and action.item not in steps:
            problems.append(f"{at}.item: no agenda item '{action.item}'")
        elif action.step is not None and action.step not in steps.get(action.item or "", ()):
            where = f"in agenda item '{action.item}'" if action.item else "without an agenda item"
            problems.append(f"{at}.step: no step '{action.step}' {where}")
    return problems


def _unique(where: str, refs: list[str], problems: list[str]) -> set[str]:
    seen: set[str] = set()
    for index, ref in enumerate(refs):
        if ref in seen:
            problems.append(f"{where}[{index}].ref: '{ref}' is already used")
        seen.add(ref)
    return seen


class _ItemRules:
    """Checks one agenda item's rows against its own exercise; `problems` lists what is wrong."""

    def __init__(self, item: AgendaItemData, where: str, people: set[str]) -> None:
        self.item, self.where, self.people = item, where, people
        self.captures = {step.key: step.capture for step in item.exercise.steps}
        self.problems: list[str] = []
        self.seen: set[tuple[str | None, ...]] = set()  # what the database allows only once
        for kind in ("clusters", "cards", "map_nodes"):
            _unique(f"{where}.{kind}", [r.ref for r in getattr(item, kind)], self.problems)
        for index, run_step in enumerate(item.steps):
            self.step(f"steps[{index}].key", run_step.key, None)
            if self.again(("step", run_step.key)):
                self.problem(f"steps[{index}].key", f"step '{run_step.key}' is listed twice")
        run = [run_step.key for run_step in item.steps]  # the steps this item runs
        if not run:
            self.problem("steps", "must list at least one step of the exercise")
        for needs, needed in item.exercise.missing_sources(run):
            self.problem("steps", f"step '{needs}' needs step '{needed}', which is not listed")
        for index, note in enumerate(item.notes):
            if note.step is not None:
                self.step(f"notes[{index}].step", note.step, None)
        self.themes = {c.ref: c.step for c in item.clusters}
        self.cards = {c.ref: c.step for c in item.cards}
        self.nodes = {n.ref: n.step for n in item.map_nodes}
        for index, cluster in enumerate(item.clusters):
            self.step(f"clusters[{index}].step", cluster.step, "cluster")
        for index, node in enumerate(item.map_nodes):
            self.step(f"map_nodes[{index}].step", node.step, "map")
        for index, card in enumerate(item.cards):
            self.card(f"cards[{index}]", card)
        for index, vote in enumerate(item.votes):
            self.vote(f"votes[{index}]", vote)
        for index, rating in enumerate(item.ratings):
            self.rating(f"ratings[{index}]", rating)
        for index, link in enumerate(item.map_links):
            self.link(f"map_links[{index}]", link)

    def problem(self, at: str, message: str) -> None:
        self.problems.append(f"{self.where}.{at}: {message}")

    def again(self, key: tuple[str | None, ...]) -> bool:
        """Whether `key` was seen before in this item (the database allows it only once)."""
        found = key in self.seen
        self.seen.add(key)
        return found

    def step(self, at: str, key: str, mode: str | None) -> Capture | None:
        """The capture of step `key` if it exists and has `mode`; else note why not."""
        capture = self.captures.get(key)
        if capture is None:
            self.problem(at, f"no step '{key}' in exercise '{self.item.exercise.key}'")
        elif mode is not None and capture.mode != mode:
            self.problem(at, f"step '{key}' captures {capture.mode}, not {mode}")
            return None
        return capture

    def card(self, at: str, card: CardData) -> None:
        capture = self.step(f"{at}.step", card.step, "cards")
        if card.author is not None and card.author not in self.people:
            self.problem(f"{at}.author", f"no participant '{card.author}'")
        if card.category is not None and isinstance(capture, CardsCapture):
            keys = [c.key for c in capture.categories]
            if card.category not in keys:
                allowed = f"categories: {', '.join(keys)}" if keys else "it has none"
                message = f"no category '{card.category}' in step '{card.step}' ({allowed})"
                self.problem(f"{at}.category", message)
        if card.cluster is not None:
            source = self.captures.get(self.themes.get(card.cluster, ""))
            if card.cluster not in self.themes:
                self.problem(f"{at}.cluster", f"no cluster '{card.cluster}' in this agenda item")
            elif isinstance(source, ClusterCapture) and source.source != card.step:
                self.problem(f"{at}.cluster", f"'{card.cluster}' groups another step's cards")

    def vote(self, at: str, vote: VoteData) -> None:
        capture = self.step(f"{at}.step", vote.step, "vote")
        if not isinstance(capture, VoteCapture):
            return
        target = self.item.exercise.vote_target(vote.step)
        if vote.card is not None:
            field, ref, steps = "card", vote.card, self.cards
        else:
            field, ref, steps = "cluster", vote.cluster or "", self.themes
        if self.again(("vote", vote.step, field, ref)):
            self.problem(f"{at}.{field}", f"a second vote for '{ref}' in step '{vote.step}'")
        if ref not in steps:
            self.problem(f"{at}.{field}", f"no {field} '{ref}' in this agenda item")
        elif f"{field}s" != target:
            self.problem(f"{at}.{field}", f"step '{vote.step}' votes on {target}, not {field}s")
        elif steps[ref] != capture.source:
            self.problem(f"{at}.{field}", f"'{ref}' is not from step '{capture.source}'")

    def rating(self, at: str, rating: RatingData) -> None:
        capture = self.step(f"{at}.step", rating.step, "rate")
        if rating.participant is not None and rating.participant not in self.people:
            self.problem(f"{at}.participant", f"no participant '{rating.participant}'")
        if self.again(("rate", rating.step, rating.scale, rating.participant)):
            who = f"'{rating.participant}'" if rating.participant else "the group"
            self.problem(at, f"a second rating by {who} on '{rating.scale}' in this step")
        if not isinstance(capture, RateCapture):
            return
        scale = next((s for s in capture.scales if s.key == rating.scale), None)
        if scale is None:
            names = ", ".join(s.key for s in capture.scales)
            self.problem(f"{at}.scale", f"no scale '{rating.scale}' (scales: {names})")
        elif not scale.low <= rating.value <= scale.high:
            expected = f"expected a value from {scale.low} to {scale.high}"
            self.problem(f"{at}.value", f"{expected}, got {rating.value:g}")

    def link(self, at: str, link: MapLinkData) -> None:
        self.step(f"{at}.step", link.step, "map")
        for field, ref in (("source", link.source), ("target", link.target)):
            if self.nodes.get(ref) != link.step:
                self.problem(f"{at}.{field}", f"no node '{ref}' in step '{link.step}'")
