"""Undo commands for the list of workshops: create, duplicate, archive, trash and their inverses.

Each command remembers the workshop it acts on, so that after a workshop is deleted for good
`forget_workshop` can drop every step that names it instead of leaving undo steps that fail.
"""

from PySide6.QtGui import QUndoStack

from app.demo import create_demo_workshop
from app.services.changes import Changes
from app.services.templates import create_from_template
from app.services.workshops import (
    archive_workshop,
    create_workshop,
    duplicate_workshop,
    restore_workshop,
    trash_workshop,
    unarchive_workshop,
)
from exercises.workshop_template import WorkshopTemplate
from ui.store import Store
from ui.undo import CreateCommand, Step, StoreCommand

TITLE_IN_TEXT = 40  # characters of a title shown in an undo step ("Undo Move “…” to the trash")


def quoted(title: str) -> str:
    """The title in curly quotes, shortened so menu items stay readable."""
    short = title if len(title) <= TITLE_IN_TEXT else title[: TITLE_IN_TEXT - 1].rstrip() + "…"
    return f"“{short}”"


class NewWorkshopCommand(CreateCommand):
    """Makes a workshop; undo moves it to the trash and redo brings the same one back."""

    def __init__(self, store: Store, text: str, create: Step) -> None:
        super().__init__(
            store,
            text,
            create,
            lambda s, workshop_id: s.apply(trash_workshop, workshop_id),
            lambda s, workshop_id: s.apply(restore_workshop, workshop_id),
        )

    @property
    def workshop_id(self) -> int | None:
        return self.row_id


class WorkshopCommand(StoreCommand):
    """A flag on one workshop set and cleared (archive, trash) as a do/undo pair."""

    def __init__(self, store: Store, text: str, workshop_id: int, do: Step, undo: Step) -> None:
        super().__init__(store, text, do, undo)
        self.workshop_id: int | None = workshop_id


def create_blank(store: Store, title: str) -> NewWorkshopCommand:
    return NewWorkshopCommand(
        store, f"Create {quoted(title)}", lambda s: s.apply(create_workshop, title=title)
    )


def create_with_template(
    store: Store, template: WorkshopTemplate, title: str | None = None
) -> NewWorkshopCommand:
    """From `template`, with its own title unless the user gave another one."""
    details = {} if title is None else {"title": title}

    def create(s: Store) -> Changes | None:
        return s.apply(create_from_template, template, s.library.library, **details)

    return NewWorkshopCommand(store, f"Create {quoted(title or template.title)}", create)


def create_new(store: Store, title: str, template: WorkshopTemplate | None) -> NewWorkshopCommand:
    """What the New workshop dialog asked for: blank, or from `template`, titled `title`."""
    if template is None:
        return create_blank(store, title)
    return create_with_template(store, template, title)


def create_demo(store: Store) -> NewWorkshopCommand:
    return NewWorkshopCommand(
        store,
        "Create the demo workshop",
        lambda s: s.apply(create_demo_workshop, s.library.library),
    )


def duplicate(store: Store, workshop_id: int, title: str) -> NewWorkshopCommand:
    return NewWorkshopCommand(
        store, f"Duplicate {quoted(title)}", lambda s: s.apply(duplicate_workshop, workshop_id)
    )


def archive(store: Store, workshop_id: int, title: str) -> WorkshopCommand:
    return WorkshopCommand(
        store,
        f"Archive {quoted(title)}",
        workshop_id,
        lambda s: s.apply(archive_workshop, workshop_id),
        lambda s: s.apply(unarchive_workshop, workshop_id),
    )


def unarchive(store: Store, workshop_id: int, title: str) -> WorkshopCommand:
    return WorkshopCommand(
        store,
        f"Take {quoted(title)} out of the archive",
        workshop_id,
        lambda s: s.apply(unarchive_workshop, workshop_id),
        lambda s: s.apply(archive_workshop, workshop_id),
    )


def trash(store: Store, workshop_id: int, title: str) -> WorkshopCommand:
    return WorkshopCommand(
        store,
        f"Move {quoted(title)} to the trash",
        workshop_id,
        lambda s: s.apply(trash_workshop, workshop_id),
        lambda s: s.apply(restore_workshop, workshop_id),
    )


def restore(store: Store, workshop_id: int, title: str) -> WorkshopCommand:
    return WorkshopCommand(
        store,
        f"Restore {quoted(title)} from the trash",
        workshop_id,
        lambda s: s.apply(restore_workshop, workshop_id),
        lambda s: s.apply(trash_workshop, workshop_id),
    )


def forget_workshop(stack: QUndoStack, workshop_id: int) -> None:
    """After a delete for good: mark every step on that workshop obsolete.

    QUndoStack skips an obsolete step when undo or redo reaches it and throws it away, so the
    user never gets an undo that fails with "Workshop 7 does not exist".
    """
    for index in range(stack.count()):
        command = stack.command(index)
        if getattr(command, "workshop_id", None) == workshop_id:
            command.setObsolete(True)
