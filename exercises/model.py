"""The exercise format: what an exercise file may contain, as pydantic models.

Models are strict (TOML gives real numbers and strings, so nothing should be coerced) and frozen
(the app keeps a copy of the definition with each run, so it must never change underneath). Tuples
and enums are the exception: TOML and JSON give lists and plain strings for them, so those fields
relax strictness for the container only; their items stay strict. Every text and list has a bound
because files come from other coaches and are untrusted.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from exercises.problems import Loc, RuleError
from exercises.text_safety import refuse_controls

KEY_PATTERN = r"^[a-z][a-z0-9_]{0,47}$"


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be blank")
    return refuse_controls(value)


def _optional_text(value: str) -> str:
    return refuse_controls(value)


def _one_line(value: str) -> str:
    if "\n" in value or "\r" in value:
        raise ValueError("must be a single line")
    if not value.strip():
        raise ValueError("must not be blank")
    return refuse_controls(value, "\t")


def _one_line_or_empty(value: str) -> str:
    return _one_line(value) if value else value


Key = Annotated[str, Field(min_length=1, max_length=48, pattern=KEY_PATTERN)]
Title = Annotated[str, Field(min_length=1, max_length=120), AfterValidator(_one_line)]
Label = Annotated[str, Field(min_length=1, max_length=120), AfterValidator(_one_line)]
Line = Annotated[str, Field(min_length=1, max_length=300), AfterValidator(_one_line)]
Text = Annotated[str, Field(min_length=1, max_length=4000), AfterValidator(_not_blank)]
OptionalText = Annotated[str, Field(max_length=4000), AfterValidator(_optional_text)]
ShortLabel = Annotated[str, Field(max_length=60), AfterValidator(_one_line_or_empty)]
StepMinutes = Annotated[int, Field(ge=1, le=480)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


def _duplicate_keys(field: str, keys: list[str], what: str) -> list[tuple[Loc, str]]:
    """An issue at `field[i].key` for every key already used earlier in the list."""
    first: dict[str, int] = {}
    issues: list[tuple[Loc, str]] = []
    for index, key in enumerate(keys):
        if key in first:
            message = f"{what} key '{key}' is already used by {field}[{first[key]}]"
            issues.append(((field, index, "key"), message))
        else:
            first[key] = index
    return issues


class Grouping(StrEnum):
    """How people work during a step."""

    SOLO = "solo"
    PAIRS = "pairs"
    SMALL_GROUPS = "small_groups"
    WHOLE_GROUP = "whole_group"


class CaptureMode(StrEnum):
    """What the facilitator records during a step; the values of each capture's `mode`."""

    TALK = "talk"
    CARDS = "cards"
    CLUSTER = "cluster"
    VOTE = "vote"
    RATE = "rate"
    MAP = "map"
    ACTIONS = "actions"


class Attribution(_Model):
    """Credit for the idea an exercise is built on."""

    idea: Line
    source: Line
    note: OptionalText = ""


class GroupSize(_Model):
    """Suggested number of participants."""

    min: int = Field(ge=1, le=500)
    max: int = Field(ge=1, le=500)

    @model_validator(mode="after")
    def _ordered(self) -> GroupSize:
        if self.min > self.max:
            raise RuleError([((), f"min ({self.min}) must not be greater than max ({self.max})")])
        return self


class Category(_Model):
    """A named column that cards can be sorted into."""

    key: Key
    label: Label


class Scale(_Model):
    """A rating scale such as 1 (not at all) to 5 (completely)."""

    key: Key
    label: Label
    low: int = Field(default=1, ge=-100, le=100)
    high: int = Field(default=5, ge=-100, le=100)
    low_label: ShortLabel = ""
    high_label: ShortLabel = ""

    @model_validator(mode="after")
    def _ordered(self) -> Scale:
        if self.low >= self.high:
            message = f"high ({self.high}) must be greater than low ({self.low})"
            raise RuleError([(("high",), message)])
        return self


class Condition(_Model):
    """One bound on one scale's average: at most, at least, or both."""

    scale: Key
    at_most: float | None = Field(default=None, allow_inf_nan=False)
    at_least: float | None = Field(default=None, allow_inf_nan=False)

    @model_validator(mode="after")
    def _bounded(self) -> Condition:
        if self.at_most is None and self.at_least is None:
            raise RuleError([((), "give at_most, at_least or both")])
        if self.at_most is not None and self.at_least is not None and self.at_least > self.at_most:
            message = (
                f"at_least ({self.at_least:g}) must not be more than at_most ({self.at_most:g})"
            )
            raise RuleError([(("at_least",), message)])
        return self

    def holds(self, mean: float) -> bool:
        low_ok = self.at_least is None or mean >= self.at_least
        return low_ok and (self.at_most is None or mean <= self.at_most)


class Interpretation(_Model):
    """What a pattern of averages tends to mean; shown when every condition holds.

    Several conditions describe a combination, e.g. aligned and proactive high but
    collaborative low.
    """

    when: tuple[Condition, ...] = Field(min_length=1, max_length=12, strict=False)
    text: Text


class TalkCapture(_Model):
    """Nothing is recorded but time."""

    mode: Literal["talk"] = "talk"


class CardsCapture(_Model):
    """Notes, optionally one set per participant, optionally sorted into categories."""

    mode: Literal["cards"] = "cards"
    per_participant: bool = False
    categories: tuple[Category, ...] = Field(default=(), max_length=12, strict=False)

    @model_validator(mode="after")
    def _unique_categories(self) -> CardsCapture:
        issues = _duplicate_keys("categories", [c.key for c in self.categories], "category")
        if issues:
            raise RuleError(issues)
        return self


class ClusterCapture(_Model):
    """Group the cards of an earlier cards step into named themes."""

    mode: Literal["cluster"] = "cluster"
    source: Key


class VoteCapture(_Model):
    """Dot votes on the cards or the themes of an earlier step."""

    mode: Literal["vote"] = "vote"
    source: Key
    dots_per_person: int = Field(ge=1, le=20)


class RateCapture(_Model):
    """Ratings on named scales, per participant or once for the whole group."""

    mode: Literal["rate"] = "rate"
    scales: tuple[Scale, ...] = Field(min_length=1, max_length=12, strict=False)
    per_participant: bool = True
    interpretations: tuple[Interpretation, ...] = Field(default=(), max_length=40, strict=False)

    @model_validator(mode="after")
    def _consistent(self) -> RateCapture:
        keys = [s.key for s in self.scales]
        issues = _duplicate_keys("scales", keys, "scale")
        by_key = {s.key: s for s in self.scales}
        for i, item in enumerate(self.interpretations):
            for j, condition in enumerate(item.when):
                where = ("interpretations", i, "when", j)
                scale = by_key.get(condition.scale)
                if scale is None:
                    message = (
                        f"no scale '{condition.scale}' in this step (scales: {', '.join(keys)})"
                    )
                    issues.append(((*where, "scale"), message))
                    continue
                for name in ("at_most", "at_least"):
                    bound = getattr(condition, name)
                    if bound is not None and not scale.low <= bound <= scale.high:
                        message = (
                            f"expected a value from {scale.low} to {scale.high}, got {bound:g}"
                        )
                        issues.append(((*where, name), message))
        if issues:
            raise RuleError(issues)
        return self


class MapCapture(_Model):
    """A system map: actors as nodes, relationships as labelled links."""

    mode: Literal["map"] = "map"
    node_kinds: tuple[Label, ...] = Field(default=(), max_length=12, strict=False)


class ActionsCapture(_Model):
    """What, who, by when."""

    mode: Literal["actions"] = "actions"


Capture = Annotated[
    TalkCapture
    | CardsCapture
    | ClusterCapture
    | VoteCapture
    | RateCapture
    | MapCapture
    | ActionsCapture,
    Field(discriminator="mode"),
]


class Step(_Model):
    """One timed part of an exercise."""

    key: Key
    title: Title
    minutes: StepMinutes
    script: Text
    prompt: Text
    grouping: Grouping = Field(strict=False)
    debrief: tuple[Line, ...] = Field(default=(), max_length=12, strict=False)
    capture: Capture = Field(default_factory=TalkCapture)


class Exercise(_Model):
    """A structure a facilitator can run, with the five design elements every good one names:
    invitation, space, participation, group configuration (per step) and sequence (the steps)."""

    key: Key
    version: int = Field(ge=1, le=1_000_000)
    title: Title
    summary: Line
    based_on: Attribution
    capabilities: tuple[Label, ...] = Field(default=(), max_length=12, strict=False)
    group_size: GroupSize
    minutes: int = Field(ge=1, le=960)
    materials: tuple[Line, ...] = Field(default=(), max_length=30, strict=False)
    goals: tuple[Line, ...] = Field(default=(), max_length=12, strict=False)
    invitation: Text
    space: Text
    participation: Text
    handout: Text
    steps: tuple[Step, ...] = Field(min_length=1, max_length=40, strict=False)
    # A custom exercise must say so to take the place of a built-in one with the same key.
    replaces_builtin: bool = False

    @model_validator(mode="after")
    def _consistent(self) -> Exercise:
        issues = _duplicate_keys("steps", [s.key for s in self.steps], "step")
        for i in range(len(self.steps)):
            message = _source_problem(self.steps, i)
            if message:
                issues.append((("steps", i, "capture", "source"), message))
        total = sum(s.minutes for s in self.steps)
        if total != self.minutes:
            message = f"minutes is {self.minutes} but the steps add up to {total}"
            issues.append((("minutes",), message))
        if issues:
            raise RuleError(issues)
        return self

    def step(self, key: str) -> Step:
        """The step with this key; KeyError if there is none."""
        for step in self.steps:
            if step.key == key:
                return step
        raise KeyError(f"exercise '{self.key}' has no step '{key}'")

    def missing_sources(self, chosen: Iterable[str]) -> list[tuple[str, str]]:
        """(step, source) pairs where a chosen step builds on a step that was left out."""
        keys = set(chosen)
        return [
            (step.key, source)
            for step in self.steps
            if step.key in keys
            and (source := getattr(step.capture, "source", None)) is not None
            and source not in keys
        ]

    def vote_target(self, step_key: str) -> Literal["cards", "clusters"]:
        """Whether the vote step `step_key` votes on cards or on the themes of a cluster step."""
        capture = self.step(step_key).capture
        if not isinstance(capture, VoteCapture):
            raise ValueError(f"step '{step_key}' of exercise '{self.key}' is not a vote step")
        return "clusters" if self.step(capture.source).capture.mode == "cluster" else "cards"


_ACCEPTED_SOURCES = {"cluster": ("cards",), "vote": ("cards", "cluster")}


def _source_problem(steps: tuple[Step, ...], index: int) -> str:
    """Why the source of steps[index] is unusable, or "" when it is fine (or has no source)."""
    capture = steps[index].capture
    if not isinstance(capture, ClusterCapture | VoteCapture):
        return ""
    accepted = _ACCEPTED_SOURCES[capture.mode]
    wanted = f"the key of an earlier {' or '.join(accepted)} step"
    positions = [i for i, s in enumerate(steps) if s.key == capture.source]
    if not positions:
        return f"no step with key '{capture.source}' (expected {wanted})"
    position = positions[0]
    if position == index:
        return f"a step cannot use itself as its source (expected {wanted})"
    if position > index:
        return f"step '{capture.source}' comes later (steps[{position}]); expected {wanted}"
    source_mode = steps[position].capture.mode
    if source_mode not in accepted:
        return f"step '{capture.source}' captures {source_mode}; expected {wanted}"
    return ""
