"""The exercise models: the sample, JSON round-trips, resolving steps, and in-step rules."""

from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

import exercises
from exercises import (
    ActionsCapture,
    CaptureMode,
    CardsCapture,
    ClusterCapture,
    Exercise,
    Grouping,
    MapCapture,
    RateCapture,
    Scale,
    TalkCapture,
    VoteCapture,
    load_exercise,
)

SAMPLE = Path(exercises.__file__).parent / "library" / "recall_great_collaboration.toml"


@pytest.fixture
def sample() -> Exercise:
    return load_exercise(SAMPLE)


def test_sample_loads_with_the_expected_shape(sample: Exercise) -> None:
    assert sample.key == "recall_great_collaboration"
    assert sample.minutes == sum(step.minutes for step in sample.steps) == 60
    assert [s.capture.mode for s in sample.steps] == [
        "talk",
        "talk",
        "cards",
        "cluster",
        "vote",
        "actions",
    ]
    assert sample.steps[0].grouping is Grouping.SOLO
    assert sample.steps[1].grouping is Grouping.PAIRS
    assert isinstance(sample.steps[0].capture, TalkCapture)  # the default
    harvest = sample.step("harvest").capture
    assert isinstance(harvest, CardsCapture)
    assert [c.key for c in harvest.categories] == ["behaviours", "conditions", "results"]
    for text in (sample.invitation, sample.space, sample.participation, sample.handout):
        assert text.strip()
    assert sample.based_on.source


def test_json_round_trips_both_ways(sample: Exercise) -> None:
    assert Exercise.model_validate_json(sample.model_dump_json()) == sample
    assert Exercise.model_validate(sample.model_dump(mode="json")) == sample
    assert Exercise.model_validate(sample.model_dump()) == sample


def test_every_capture_variant_round_trips_through_json(sample: Exercise) -> None:
    data = sample.model_dump(mode="json")
    data["steps"][0]["capture"] = {
        "mode": "rate",
        "scales": [{"key": "aligned", "label": "We are aligned", "low_label": "not at all"}],
        "interpretations": [
            {"when": [{"scale": "aligned", "at_most": 2}], "text": "Talk about purpose."}
        ],
    }
    data["steps"][1]["capture"] = {"mode": "map", "node_kinds": ["person", "team"]}
    exercise = Exercise.model_validate(data)
    assert Exercise.model_validate_json(exercise.model_dump_json()) == exercise
    assert Exercise.model_validate(exercise.model_dump(mode="json")) == exercise
    rate = exercise.steps[0].capture
    assert isinstance(rate, RateCapture)
    assert rate.scales[0] == Scale(key="aligned", label="We are aligned", low_label="not at all")
    assert rate.interpretations[0].when[0].at_most == 2.0
    assert isinstance(exercise.steps[1].capture, MapCapture)


def test_capture_mode_values_match_the_variants() -> None:
    variants = [
        TalkCapture(),
        CardsCapture(),
        ClusterCapture(source="a"),
        VoteCapture(source="a", dots_per_person=3),
        RateCapture(scales=(Scale(key="s", label="S"),)),
        MapCapture(),
        ActionsCapture(),
    ]
    assert [v.mode for v in variants] == list(CaptureMode)


def test_models_are_frozen(sample: Exercise) -> None:
    with pytest.raises(ValidationError):
        sample.title = "Changed"  # type: ignore[misc]


def test_step_and_vote_target(sample: Exercise) -> None:
    assert sample.step("choose").title == "Choose what to practise here"
    assert sample.vote_target("choose") == "clusters"
    with pytest.raises(KeyError, match="no step 'missing'"):
        sample.step("missing")
    with pytest.raises(ValueError, match="not a vote step"):
        sample.vote_target("harvest")


def test_vote_on_cards_targets_cards(sample: Exercise) -> None:
    data = sample.model_dump(mode="json")
    data["steps"][4]["capture"]["source"] = "harvest"
    assert Exercise.model_validate(data).vote_target("choose") == "cards"


def _rate(**changes: Any) -> dict[str, Any]:
    capture: dict[str, Any] = {
        "mode": "rate",
        "scales": [{"key": "aligned", "label": "Aligned"}],
        "interpretations": [],
    }
    capture.update(changes)
    return capture


@pytest.mark.parametrize(
    ("capture", "message"),
    [
        (
            _rate(interpretations=[{"when": [{"scale": "other", "at_most": 2}], "text": "t"}]),
            "no scale",
        ),
        (_rate(interpretations=[{"when": [{"scale": "aligned"}], "text": "t"}]), "give at_most"),
        (
            _rate(interpretations=[{"when": [{"scale": "aligned", "at_least": 9}], "text": "t"}]),
            "from 1 to 5",
        ),
        (_rate(scales=[{"key": "a", "label": "A", "low": 5, "high": 5}]), "greater than low"),
        (_rate(scales=[{"key": "a", "label": "A"}, {"key": "a", "label": "B"}]), "already used"),
        (
            {
                "mode": "cards",
                "categories": [{"key": "a", "label": "A"}, {"key": "a", "label": "B"}],
            },
            "category key 'a' is already used",
        ),
    ],
)
def test_rules_inside_a_step(sample: Exercise, capture: dict[str, Any], message: str) -> None:
    data = sample.model_dump(mode="json")
    data["steps"][0]["capture"] = capture
    with pytest.raises(ValidationError, match=message):
        Exercise.model_validate(data)
