"""Every icon Chorus shows, by meaning, in one table (Spyder's way): views ask for "trash",
never for a font glyph, so one edit here changes it everywhere.

Icons are drawn in the palette's text colours, so they follow light and dark.
"""

import qtawesome
from PySide6.QtGui import QGuiApplication, QIcon, QPalette

ICONS: dict[str, str] = {
    "about": "mdi6.information-outline",
    "add_to_agenda": "mdi6.playlist-plus",
    "agenda": "mdi6.format-list-numbered",
    "appearance": "mdi6.theme-light-dark",
    "archive": "mdi6.archive-arrow-down-outline",
    "built_in": "mdi6.book-open-variant",
    "custom": "mdi6.pencil-ruler",
    "delete_for_good": "mdi6.delete-forever-outline",
    "demo": "mdi6.presentation-play",
    "details": "mdi6.card-text-outline",
    "duplicate": "mdi6.content-copy",
    "find": "mdi6.magnify",
    "home": "mdi6.home-outline",
    "import_exercise": "mdi6.file-import-outline",
    "library": "mdi6.bookshelf",
    "move_down": "mdi6.arrow-down",
    "move_up": "mdi6.arrow-up",
    "new_workshop": "mdi6.plus-circle-outline",
    "notes": "mdi6.note-text-outline",
    "open": "mdi6.folder-open-outline",
    "participant_add": "mdi6.account-plus-outline",
    "participant_remove": "mdi6.account-remove-outline",
    "participants": "mdi6.account-group-outline",
    "quit": "mdi6.exit-to-app",
    "redo": "mdi6.redo",
    "remove_from_agenda": "mdi6.playlist-remove",
    "restore": "mdi6.restore",
    "saved": "mdi6.content-save-check-outline",
    "shortcuts": "mdi6.keyboard-outline",
    "template": "mdi6.file-document-multiple-outline",
    "time": "mdi6.clock-outline",
    "trash": "mdi6.trash-can-outline",
    "unarchive": "mdi6.archive-arrow-up-outline",
    "undo": "mdi6.undo",
    "warning": "mdi6.alert-outline",
}


def icon(meaning: str) -> QIcon:
    """The icon for `meaning`, coloured from the current palette; KeyError for an unknown one."""
    palette = QGuiApplication.palette()
    drawn: QIcon = qtawesome.icon(  # qtawesome has no type hints
        ICONS[meaning],
        color=palette.color(QPalette.ColorRole.WindowText),
        color_disabled=palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText),
        color_active=palette.color(QPalette.ColorRole.WindowText),
        color_selected=palette.color(QPalette.ColorRole.HighlightedText),
    )
    return drawn
