"""Turn pydantic's validation errors into plain-words messages and field paths.

Pydantic's own messages name Python types and link to its website; a coach editing a TOML file needs
"expected a whole number, got 'ten'" and the path of the field as written in the file. The walk
through the model classes is needed to hide discriminator tags pydantic puts into locations and to
list the allowed field names when an unknown one appears.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from exercises.model import KEY_PATTERN, CaptureMode
from exercises.problems import Loc, RuleError, format_name

_KEY_WORDS = "a key of lowercase letters, digits and underscores, starting with a letter"

_EXPECTED = {
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "finite_number": "a finite number",
    "string_type": "text in quotes",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "tuple_type": "a list in square brackets",
    "list_type": "a list in square brackets",
    "dict_type": "a table",
    "model_type": "a table",
    "model_attributes_type": "a table",
}


def describe(value: object) -> str:
    """A short, TOML-flavoured description of a value for 'got ...'."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value if len(value) <= 40 else value[:37] + "...")
    if isinstance(value, float):
        return repr(value)  # 10.0, not 10: a coach must see why a whole number was refused
    if isinstance(value, int):
        if abs(value) < 10**30:
            return str(value)
        return f"a number with about {int(value.bit_length() * 0.30103) + 1} digits"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return f"a date or time ({value.isoformat()})"
    return type(value).__name__


def translate(model: type[BaseModel], error: ErrorDetails) -> list[tuple[Loc, str]]:
    """One pydantic error -> (path as written in the file, message) pairs; usually exactly one."""
    loc, owner = _walk(model, tuple(error["loc"]))
    kind, ctx, value = error["type"], error.get("ctx", {}), error.get("input")
    cause = ctx.get("error")
    if isinstance(cause, RuleError):
        return [((*loc, *relative), message) for relative, message in cause.issues]
    if kind == "too_short" and isinstance(value, list) and len(value) >= ctx.get("min_length", 0):
        return []  # pydantic counts only valid items; the broken ones have their own errors
    if kind == "extra_forbidden" and loc:
        allowed = ", ".join(owner.model_fields) if owner else ""
        name = format_name(str(loc[-1]))
        name = name if name.startswith('"') else f"'{name}'"
        return [(loc, f"unknown field {name}" + (f" (allowed: {allowed})" if allowed else ""))]
    if kind == "union_tag_invalid":
        tag = describe(ctx.get("tag"))
        return [((*loc, "mode"), f"unknown mode {tag} (expected one of: {_tags(ctx)})")]
    if kind == "union_tag_not_found":
        return [(loc, f"missing 'mode' (expected one of: {', '.join(CaptureMode)})")]
    return [(loc, _message(kind, ctx, value, error["msg"]))]


def _message(kind: str, ctx: dict[str, Any], value: object, fallback: str) -> str:
    got = describe(value)
    if kind in _EXPECTED:
        return f"expected {_EXPECTED[kind]}, got {got}"
    if kind == "missing":
        return "required, but missing"
    if kind in ("too_short", "string_too_short"):
        if ctx.get("min_length") == 1:
            return "must not be empty"
        unit = "items" if kind == "too_short" else "characters"
        return f"expected at least {ctx.get('min_length')} {unit}"
    if kind in ("too_long", "string_too_long"):
        unit = "items" if kind == "too_long" else "characters"
        actual = ctx.get("actual_length") or (len(value) if isinstance(value, str) else None)
        return f"expected at most {ctx.get('max_length')} {unit}" + (
            f", got {actual}" if actual else ""
        )
    if kind == "string_pattern_mismatch":
        if ctx.get("pattern") == KEY_PATTERN:
            return f"expected {_KEY_WORDS} (at most 48 characters), got {got}"
        return f"does not have the expected form, got {got}"
    bounds = {
        "greater_than_equal": ("at least", "ge"),
        "less_than_equal": ("at most", "le"),
        "greater_than": ("more than", "gt"),
        "less_than": ("less than", "lt"),
    }
    if kind in bounds:
        words, name = bounds[kind]
        return f"expected {words} {ctx.get(name)}, got {got}"
    if kind in ("enum", "literal_error"):
        return f"expected {ctx.get('expected')}, got {got}"
    if kind in ("value_error", "assertion_error"):
        return str(ctx.get("error", fallback))
    return fallback[:1].lower() + fallback[1:]


def _tags(ctx: dict[str, Any]) -> str:
    return str(ctx.get("expected_tags", "")).replace("'", "")


def _walk(model: type[BaseModel], loc: Loc) -> tuple[Loc, type[BaseModel] | None]:
    """Drop discriminator tags from `loc`; also return the model owning the last field."""
    out: list[str | int] = []
    current: Any = model
    owner: type[BaseModel] | None = None
    for part in loc:
        if part == "[key]":  # pydantic marks errors in a table's keys this way
            continue
        current = unwrap_type(current)
        tagged = [v for v in model_variants(current) if variant_tag(v) == part]
        if tagged:
            current = tagged[0]
            continue
        origin = typing.get_origin(current)
        args = typing.get_args(current)
        out.append(part)
        if isinstance(current, type) and issubclass(current, BaseModel):
            owner = current
            field = current.model_fields.get(str(part))
            current = field.annotation if field else None
        elif origin is tuple and args:
            current = args[0]
        elif origin is dict and len(args) == 2:
            current = args[1]
        else:
            current = None
    return tuple(out), owner


def unwrap_type(tp: Any) -> Any:
    """Strip Annotated and Optional so the walk sees the interesting type."""
    while typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return unwrap_type(args[0])
    return tp


def model_variants(tp: Any) -> list[type[BaseModel]]:
    if typing.get_origin(tp) not in (typing.Union, types.UnionType):
        return []
    return [a for a in typing.get_args(tp) if isinstance(a, type) and issubclass(a, BaseModel)]


def variant_tag(variant: type[BaseModel]) -> object:
    """The discriminator value of a capture variant (its default `mode`)."""
    field = variant.model_fields.get("mode")
    return field.default if field else None
