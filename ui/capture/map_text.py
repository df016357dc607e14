"""What the facilitator types for an actor: its name, and optionally "#kind" as the last word.

Kinds come from the step (MapCapture.node_kinds); a prefix is enough ("#org" for organisation),
so a name and its kind are typed in one go while the room keeps talking.
"""

from collections.abc import Sequence


def parse_actor(text: str, kinds: Sequence[str], default: str = "") -> tuple[str, str]:
    """ "Funder #org" -> ("Funder", "organisation"): a last word "#kind" names the kind (a prefix
    of one of the step's kinds is enough); ValueError for a kind the step does not have."""
    words = text.split()
    if not words or not words[-1].startswith("#") or len(words[-1]) < 2:
        return text.strip(), default
    wanted = words[-1][1:].casefold()
    label = text.rstrip()[: -len(words[-1])].strip()
    if not kinds:
        return label, words[-1][1:]
    exact = [k for k in kinds if k.casefold() == wanted]
    near = exact or [k for k in kinds if k.casefold().startswith(wanted)]
    if len(near) != 1:
        listed = ", ".join(f"#{k}" for k in kinds)
        raise ValueError(f"“#{words[-1][1:]}” is not one kind of this map: use {listed}.")
    return label, near[0]
