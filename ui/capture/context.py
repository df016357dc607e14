"""Which step a capture panel writes into, with the frozen exercise definition it runs."""

from dataclasses import dataclass

from app.services.agenda import AgendaPlan
from exercises.model import Capture, Exercise, Step


@dataclass(frozen=True)
class StepContext:
    workshop_id: int
    agenda_item_id: int
    exercise: Exercise  # as frozen in the agenda item, not the library's current version
    step: Step

    @property
    def step_key(self) -> str:
        return self.step.key

    @property
    def mode(self) -> str:
        return str(self.step.capture.mode)

    @property
    def capture(self) -> Capture:
        return self.step.capture

    def source_step(self) -> Step | None:
        """The earlier step a cluster or vote step works on (None for other modes)."""
        source = getattr(self.step.capture, "source", None)
        return self.exercise.step(source) if source else None


def step_context(plan: AgendaPlan, agenda_item_id: int, step_key: str) -> StepContext:
    """The context of one step of a workshop's agenda; KeyError when it is not there."""
    for item in plan.items:
        if item.item_id == agenda_item_id:
            return StepContext(
                plan.workshop_id, item.item_id, item.exercise, item.exercise.step(step_key)
            )
    raise KeyError(f"agenda item {agenda_item_id} is not in this workshop's agenda")
