"""The built-in library as shipped: nine exercises and three templates, complete and coherent."""

import re

import pytest

from exercises.library import builtin_library
from exercises.model import ClusterCapture, Exercise, VoteCapture

NINE = {
    "recall_great_collaboration",
    "see_the_larger_system",
    "generative_conversation",
    "vision_and_current_reality",
    "lead_and_follow_at_once",
    "aligned_proactive_collaborative",
    "from_hero_to_tribe",
    "learning_from_what_did_not_work",
    "check_in_check_out",
}
TEMPLATES = {
    "from_heroic_to_collective": (180, 240),  # half day, about 3.5 hours
    "system_leadership_lab": (330, 480),  # a full day
    "leading_leaders": (100, 140),  # about 2 hours
}
LIBRARY = builtin_library()
EXERCISES = {exercise.key: exercise for exercise in LIBRARY.exercises}


def _words(text: str) -> int:
    return len(text.split())


def test_the_library_holds_exactly_the_nine_exercises_and_three_templates() -> None:
    assert set(EXERCISES) == NINE
    assert {template.key for template in LIBRARY.templates} == set(TEMPLATES)


@pytest.mark.parametrize("key", sorted(NINE))
def test_every_exercise_is_complete_enough_to_run_from_the_script(key: str) -> None:
    exercise: Exercise = EXERCISES[key]
    assert exercise.minutes == sum(step.minutes for step in exercise.steps)
    assert exercise.based_on.source.strip() and exercise.based_on.idea.strip()
    assert exercise.materials and exercise.goals and exercise.capabilities
    for text in (exercise.invitation, exercise.space, exercise.participation):
        assert _words(text) >= 12, text
    assert 60 <= _words(exercise.handout) <= 220
    scripts = " ".join(step.script for step in exercise.steps)
    for step in exercise.steps:
        assert _words(step.script) >= 50, f"{key}.{step.key}: script too thin"
        assert re.search(r"\bSay\b", step.script), f"{key}.{step.key}: no words to say"
        assert 3 <= _words(step.prompt) <= 40, f"{key}.{step.key}: prompt {step.prompt!r}"
    assert re.search(r"silen|quiet", scripts, re.IGNORECASE), f"{key}: nothing on silence"
    assert re.search(r"dominat|talks? (a lot|over)|loud", scripts, re.IGNORECASE), key
    assert any(step.debrief for step in exercise.steps), f"{key}: no debrief questions"


@pytest.mark.parametrize("key", sorted(NINE))
def test_every_step_reference_resolves_to_an_earlier_compatible_step(key: str) -> None:
    exercise = EXERCISES[key]
    seen: dict[str, str] = {}
    for step in exercise.steps:
        capture = step.capture
        if isinstance(capture, ClusterCapture):
            assert seen[capture.source] == "cards"
        if isinstance(capture, VoteCapture):
            assert seen[capture.source] in {"cards", "cluster"}
        seen[step.key] = capture.mode


@pytest.mark.parametrize("key", sorted(TEMPLATES))
def test_every_template_fits_its_time_and_names_real_exercises(key: str) -> None:
    template = LIBRARY.template(key)
    assert LIBRARY.check_template(template) == []
    low, high = TEMPLATES[key]
    assert low <= template.minutes <= high
    planned = sum(item.planned_minutes(EXERCISES[item.exercise]) for item in template.items)
    assert template.minutes * 0.75 <= planned <= template.minutes  # room for breaks
    first, *_, last = template.items
    assert (first.exercise, first.steps) == ("check_in_check_out", ("check_in",))
    assert (last.exercise, last.steps) == ("check_in_check_out", ("check_out",))


def test_the_check_in_round_has_both_rounds_standing_alone() -> None:
    steps = EXERCISES["check_in_check_out"].steps
    assert [(s.key, s.capture.mode) for s in steps] == [
        ("check_in", "cards"),
        ("check_out", "cards"),
    ]


def test_the_templates_together_use_every_capture_mode() -> None:
    modes = {
        step.capture.mode
        for template in LIBRARY.templates
        for item in template.items
        for step in EXERCISES[item.exercise].steps
        if item.steps is None or step.key in item.steps
    }
    assert modes == {"talk", "cards", "cluster", "vote", "rate", "map", "actions"}
