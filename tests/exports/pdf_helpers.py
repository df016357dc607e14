"""Reading exported PDFs back in tests: text per page, whitespace-free text, the demo's strings."""

import io
import re
from collections.abc import Iterator

from pypdf import PdfReader

from app.services.report import StepReport, WorkshopReport


def pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def flowing(pdf: bytes) -> str:
    """The text of all pages with the running header and footer taken out, so a paragraph
    that breaks across two pages reads as one."""
    texts = pages(pdf)
    kept = []
    for number, page in enumerate(texts, 1):
        lines = page.splitlines()
        if number > 1:  # body pages start with the header: the title, then the kind
            lines = lines[2:]
        footer = {f"page {number} of {len(texts)}", "Made with Chorus"}
        kept += [line for line in lines if line.strip() not in footer]
    return "\n".join(kept)


def squeeze(text: str) -> str:
    """Without any whitespace: a card that wraps onto two lines still matches."""
    return re.sub(r"\s+", "", text)


def produced_strings(step: StepReport) -> Iterator[str]:
    """Every piece of text the group produced in one step."""
    for card in step.cards:
        yield card.text
    for column in step.columns:
        yield column.label
    for theme in step.themes:
        yield theme.name
        yield from (card.text for card in theme.cards)
    yield from (card.text for card in step.unclustered)
    yield from (label for label, count in step.ranking if count)
    for scale in step.scales:
        yield scale.label
    yield from step.interpretations
    yield from (node.label for node in step.map_nodes)
    yield from (link.label for link in step.map_links if link.label)


def participant_strings(report: WorkshopReport) -> list[str]:
    """What a participant should find in the handout: cover, agenda, prompts, results, actions."""
    strings = [report.title, report.organisation, report.purpose, report.location]
    for item in report.items:
        strings += [item.plan.title, item.exercise.handout]
        for step in item.steps:
            strings += [step.step.title, step.step.prompt, *produced_strings(step)]
    for action in report.actions:
        strings += [action.what, action.owner]
    return [s for s in strings if s]


def sentences(text: str, shortest: int = 30) -> list[str]:
    """The longer sentences of `text`: specific enough that finding one means it leaked."""
    parts = re.split(r"(?<=[.!?])\s+|\n+", text)
    return [part.strip() for part in parts if len(part.strip()) >= shortest]
