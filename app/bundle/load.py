"""Read and import a JSON bundle. Everything is checked before anything is written.

Bundles come from other coaches' machines, so the text is treated as hostile: size first, then
encoding, JSON syntax, format and version, the schema, and finally every ref between rows. Each
refusal is one line naming the field path and what was expected; the database is never touched.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, NoReturn, TypeVar

from pydantic import ValidationError
from sqlmodel import Session

from app.bundle.model import (
    FORMAT,
    MAX_BUNDLE_BYTES,
    VERSION,
    AgendaItemData,
    Bundle,
    BundleError,
)
from app.bundle.rules import ref_problems
from app.db.database import Database
from app.db.models import (
    Action,
    ActionStatus,
    Card,
    Cluster,
    MapLink,
    MapNode,
    Note,
    Participant,
    Rating,
    Vote,
    Workshop,
    WorkshopStatus,
)
from app.services.agenda import insert_item, steps_of
from app.services.changes import Area, Changes
from app.services.errors import ServiceError
from exercises.messages import describe, translate
from exercises.problems import format_path

SHOWN_PROBLEMS = 5
MAX_MESSAGE = 600
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
Stored = TypeVar("Stored", Participant, Cluster, Card, MapNode)


def bundle_error(source: str, problems: list[str]) -> BundleError:
    """One BundleError with the first few problems on a single, bounded line."""
    shown = "; ".join(" ".join(p.split()) for p in problems[:SHOWN_PROBLEMS])
    if len(problems) > SHOWN_PROBLEMS:
        shown += f"; and {len(problems) - SHOWN_PROBLEMS} more problems"
    message = f"{' '.join(source.split())}: {shown}"
    if len(message) > MAX_MESSAGE:
        message = message[: MAX_MESSAGE - 3] + "..."
    return BundleError(message)


def _fail(source: str, problems: list[str]) -> NoReturn:
    raise bundle_error(source, problems)


def validation_problems(error: ValidationError) -> list[str]:
    """Pydantic errors as "field.path: what was expected", in JSON words, without URLs."""
    problems = []
    for details in error.errors(include_url=False):
        for loc, message in translate(Bundle, details):
            text = message.replace("a table", "an object")
            problems.append(f"{format_path(loc)}: {text}" if loc else text)
    return problems


def load_bundle_text(data: bytes | str, source: str = "bundle") -> Bundle:
    """A fully checked Bundle, or BundleError saying (on one line) why the data is unusable."""
    if len(data) > MAX_BUNDLE_BYTES:
        _fail(source, ["larger than 64 MiB; a workshop bundle is never that big"])
    if isinstance(data, str):
        try:
            size = len(data.encode("utf-8"))
        except UnicodeEncodeError:
            _fail(source, ["contains characters that are not valid Unicode text"])
        if size > MAX_BUNDLE_BYTES:
            _fail(source, ["larger than 64 MiB; a workshop bundle is never that big"])
        text = data
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            _fail(source, [f"not UTF-8 text (byte 0x{data[error.start]:02x} on line {line})"])
    document = _parse_json(text.removeprefix("\ufeff"), source)
    _check_header(document, source)
    try:
        bundle = Bundle.model_validate(document)
    except ValidationError as error:
        _fail(source, validation_problems(error))
    problems = ref_problems(bundle)
    if problems:
        _fail(source, problems)
    return bundle


def _reject_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not a number JSON allows")


def _parse_json(text: str, source: str) -> Any:
    try:
        document = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        _fail(source, [f"not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"])
    except RecursionError:
        _fail(source, ["not usable JSON: nested too deeply"])
    except ValueError as error:  # NaN/Infinity, or an integer with thousands of digits
        _fail(source, [f"not usable JSON: {str(error)[:120]}"])
    if _SURROGATE_ESCAPE.search(text) and not _encodable(document):
        _fail(source, ["contains \\u escapes that are not valid Unicode text"])
    return document


def _encodable(document: Any) -> bool:
    """Whether every string (and key) can be stored: no lone surrogates from \\u escapes."""
    pending = [document]
    while pending:
        value = pending.pop()
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                return False
        elif isinstance(value, dict):
            pending.extend(value.keys())
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
    return True


def _check_header(document: Any, source: str) -> None:
    """Format and version first, so a newer bundle says so instead of listing schema errors."""
    if not isinstance(document, dict):
        _fail(
            source, [f"expected a JSON object (a Chorus workshop bundle), got {describe(document)}"]
        )
    found = document.get("format")
    if found != FORMAT:
        what = "has no 'format'" if found is None else f"has format {describe(found)}"
        _fail(source, [f"not a Chorus workshop bundle ({what}; expected '{FORMAT}')"])
    version = document.get("version")
    if type(version) is int and version > VERSION:
        _fail(
            source, [f"made by a newer Chorus (bundle version {version}); update Chorus to open it"]
        )
    if type(version) is not int or version != VERSION:
        _fail(source, [f"unsupported bundle version {describe(version)} (expected {VERSION})"])


def import_bundle(db: Database, data: bytes | str, source: str = "bundle") -> Changes:
    """A new workshop from a bundle, all in one transaction: on any problem nothing is written."""
    bundle = load_bundle_text(data, source)
    try:
        with db.write() as session:
            workshop_id = _write(session, bundle)
    except ServiceError as error:  # checked above already; kept so no half-import is possible
        _fail(source, [str(error)])
    return Changes.of(Area.WORKSHOPS, workshop_id=workshop_id, ids=(workshop_id,))


def _positions(rows: Iterable[Any]) -> list[int]:
    """0, 1, 2... within each step, in list order: the order is all that positions mean."""
    seen: Counter[str] = Counter()
    out = []
    for row in rows:
        out.append(seen[row.step])
        seen[row.step] += 1
    return out


def _ids(session: Session, refs: Iterable[str], rows: Sequence[Stored]) -> dict[str, int]:
    """Insert the rows and map each bundle ref to its new database id."""
    session.add_all(rows)
    session.flush()
    ids = {}
    for ref, row in zip(refs, rows, strict=True):
        assert row.id is not None
        ids[ref] = row.id
    return ids


def _write(session: Session, bundle: Bundle) -> int:
    details = bundle.workshop.model_dump(exclude={"status"})
    workshop = Workshop(**details, status=WorkshopStatus(bundle.workshop.status))
    session.add(workshop)
    session.flush()
    assert workshop.id is not None
    workshop_id = workshop.id
    people = _ids(
        session,
        (p.ref for p in bundle.participants),
        [
            Participant(workshop_id=workshop_id, position=i, **p.model_dump(exclude={"ref"}))
            for i, p in enumerate(bundle.participants)
        ],
    )
    items = {}
    for item in bundle.agenda:
        minutes = {s.key: s.planned_minutes for s in item.steps}
        row = insert_item(session, workshop_id, item.exercise, minutes=minutes, only_steps=minutes)
        assert row.id is not None
        items[item.ref] = row.id
        times = {s.key: s for s in item.steps}
        for run_step in steps_of(session, row.id):
            if run_step.step_key in times:
                run_step.started_at = times[run_step.step_key].started_at
                run_step.ended_at = times[run_step.step_key].ended_at
                session.add(run_step)
        _write_item(session, workshop_id, row.id, item, people)
    for i, action in enumerate(bundle.actions):
        session.add(
            Action(
                **action.model_dump(exclude={"item", "step", "status"}),
                workshop_id=workshop_id,
                agenda_item_id=items.get(action.item or ""),
                step_key=action.step,
                position=i,
                status=ActionStatus(action.status),
            )
        )
    session.add_all(Note(workshop_id=workshop_id, **n.model_dump()) for n in bundle.notes)
    return workshop_id


def _write_item(
    session: Session, workshop_id: int, item_id: int, item: AgendaItemData, people: dict[str, int]
) -> None:
    themes = _ids(
        session,
        (c.ref for c in item.clusters),
        [
            Cluster(agenda_item_id=item_id, step_key=c.step, name=c.name, position=position)
            for c, position in zip(item.clusters, _positions(item.clusters), strict=True)
        ],
    )
    cards = _ids(
        session,
        (c.ref for c in item.cards),
        [
            Card(
                agenda_item_id=item_id,
                **c.model_dump(include={"text", "category", "created_at", "updated_at"}),
                step_key=c.step,
                author_id=people.get(c.author or ""),
                cluster_id=themes.get(c.cluster or ""),
                position=position,
            )
            for c, position in zip(item.cards, _positions(item.cards), strict=True)
        ],
    )
    nodes = _ids(
        session,
        (n.ref for n in item.map_nodes),
        [
            MapNode(
                agenda_item_id=item_id, step_key=n.step, **n.model_dump(exclude={"ref", "step"})
            )
            for n in item.map_nodes
        ],
    )
    session.add_all(
        Vote(
            agenda_item_id=item_id,
            step_key=v.step,
            card_id=cards.get(v.card or ""),
            cluster_id=themes.get(v.cluster or ""),
            count=v.count,
        )
        for v in item.votes
    )
    session.add_all(
        Rating(
            agenda_item_id=item_id,
            step_key=r.step,
            scale_key=r.scale,
            participant_id=people.get(r.participant or ""),
            value=r.value,
        )
        for r in item.ratings
    )
    session.add_all(
        MapLink(
            agenda_item_id=item_id,
            step_key=link.step,
            source_id=nodes[link.source],
            target_id=nodes[link.target],
            label=link.label,
        )
        for link in item.map_links
    )
    session.add_all(
        Note(
            workshop_id=workshop_id,
            agenda_item_id=item_id,
            step_key=n.step,
            **n.model_dump(exclude={"step"}),
        )
        for n in item.notes
    )
