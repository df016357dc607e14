"""The figures as a table on stdout and as JSON, and the machine they were measured on.

JSON: {"metrics": {NAME: {"value", "floor", "ratio", "budget"}}, ...}. Times are in seconds and
memory in bytes. A budget is a ratio (value / floor must be at most it), except for
add_card_p99, whose budget is absolute like its floor: 0.016 s, one frame at 60 Hz.
A figure whose measurement failed has value null and fails.
"""

import json
import os
import platform
import sqlite3
from dataclasses import dataclass
from pathlib import Path

FRAME_S = 0.016
TIMES, AT_MOST = "\u00d7", "\u2264"  # for the README's table


@dataclass(frozen=True)
class Metric:
    name: str
    label: str  # what the table's first column says
    value: float | None
    floor: float | None
    budget: float | None
    absolute: bool = False  # the budget is a value, not a ratio (add_card_p99)
    unit: str = "s"  # "s" or "bytes"
    error: str = ""

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.floor:
            return None
        return self.value / self.floor

    @property
    def passed(self) -> bool | None:
        """None: reported only, no budget."""
        if self.error or self.value is None:
            return False
        if self.budget is None:
            return None
        if self.absolute:
            return self.value <= self.budget
        ratio = self.ratio
        return ratio is not None and ratio <= self.budget


def _amount(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "bytes":
        return f"{value / 2**20:.0f} MiB"
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def _budget(metric: Metric, at_most: str = "<=", times: str = "x") -> str:
    if metric.budget is None:
        return "-"
    if metric.absolute:
        return f"{at_most} {_amount(metric.budget, metric.unit)}"
    return f"{at_most} {metric.budget:g}{times}"


def _verdict(metric: Metric) -> str:
    if metric.error:
        return "ERROR"
    return {True: "pass", False: "MISSED", None: "report"}[metric.passed]


def render(metrics: list[Metric]) -> str:
    header = ("figure", "value", "floor", "ratio", "budget", "pass")
    rows = [
        (
            m.label,
            _amount(m.value, m.unit),
            _amount(m.floor, m.unit),
            "-" if m.ratio is None else f"{m.ratio:.2f}x",
            _budget(m),
            _verdict(m),
        )
        for m in metrics
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(cells: tuple[str, ...]) -> str:
        first = cells[0].ljust(widths[0])
        rest = (cell.rjust(width) for cell, width in zip(cells[1:], widths[1:], strict=True))
        return "  ".join((first, *rest))

    out = [line(header), "  ".join("-" * w for w in widths), *(line(r) for r in rows)]
    out += [f"  {m.name}: {m.error}" for m in metrics if m.error]
    return "\n".join(out)


def markdown(metrics: list[Metric]) -> str:
    """The same table for the README."""
    rows = ["| figure | value | floor | ratio | budget | pass |", "|---|---:|---:|---:|---:|---|"]
    for m in metrics:
        ratio = "-" if m.ratio is None else f"{m.ratio:.2f}{TIMES}"
        budget = _budget(m, AT_MOST, TIMES)
        cells = (m.label, _amount(m.value, m.unit), _amount(m.floor, m.unit), ratio, budget)
        rows.append("| " + " | ".join((*cells, _verdict(m))) + " |")
    return "\n".join(rows)


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine() -> dict[str, object]:
    import PySide6
    import reportlab
    from PySide6.QtCore import qVersion

    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "system": platform.platform(),
        "python": platform.python_version(),
        "pyside6": PySide6.__version__,
        "qt": qVersion(),
        "sqlite": sqlite3.sqlite_version,
        "reportlab": reportlab.Version,
        "load_average": [round(n, 2) for n in os.getloadavg()]
        if hasattr(os, "getloadavg")
        else None,
    }


def to_json(metrics: list[Metric], **extra: object) -> dict[str, object]:
    return {
        "metrics": {
            m.name: {"value": m.value, "floor": m.floor, "ratio": m.ratio, "budget": m.budget}
            for m in metrics
        },
        **extra,
    }


def write_json(path: Path, document: dict[str, object]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
