"""What the cards panel's count line says: how many cards and, in a round where everyone is
asked for a card, who has not been heard yet, so the facilitator can invite them by name."""

from collections.abc import Container, Sequence

MAX_NAMED = 5  # more people not heard than this: "and 3 more"


def count_text(
    count: int,
    people: Sequence[tuple[int, str]],
    heard: Container[int],
    *,
    per_participant: bool,
) -> str:
    """ "12 cards", and for a round "· not heard yet: Ana, Bea" (people: id and name)."""
    text = "No cards yet" if count == 0 else f"{count:,} card{'' if count == 1 else 's'}"
    return text + (not_heard_text(people, heard) if per_participant else "")


def not_heard_text(people: Sequence[tuple[int, str]], heard: Container[int]) -> str:
    """Who has no card yet among the people named ("" when nobody is named)."""
    if not [name for _, name in people if name]:
        return ""
    named = [name for pid, name in people if name and pid not in heard]
    if not named:
        return " · everyone named has spoken"
    shown = ", ".join(named[:MAX_NAMED])
    if len(named) > MAX_NAMED:
        shown += f" and {len(named) - MAX_NAMED} more"
    return f" · not heard yet: {shown}"
