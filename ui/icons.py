"""Every icon Chorus shows, by meaning, in one table (Spyder's way): views ask for "trash",
never for a font glyph, so one edit here changes it everywhere.

Icons are drawn in the palette's text colours, so they follow light and dark.
"""

import functools

import qtawesome
from PySide6.QtGui import QGuiApplication, QIcon, QPalette

ICONS: dict[str, str] = {
    "about": "mdi6.information-outline",
    "action_add": "mdi6.checkbox-marked-circle-plus-outline",
    "action_done": "mdi6.check-circle-outline",
    "action_open": "mdi6.circle-outline",
    "add_to_agenda": "mdi6.playlist-plus",
    "agenda": "mdi6.format-list-numbered",
    "appearance": "mdi6.theme-light-dark",
    "archive": "mdi6.archive-arrow-down-outline",
    "back_to_planner": "mdi6.clipboard-edit-outline",
    "blank_projector": "mdi6.projector-screen-off-outline",
    "built_in": "mdi6.book-open-variant",
    "card_add": "mdi6.note-plus-outline",
    "card_author": "mdi6.account-voice",
    "card_edit": "mdi6.pencil-outline",
    "card_left": "mdi6.arrow-left-bold-outline",
    "card_right": "mdi6.arrow-right-bold-outline",
    "chime": "mdi6.bell-ring-outline",
    "chime_muted": "mdi6.bell-off-outline",
    "clear_rating": "mdi6.backspace-outline",
    "custom": "mdi6.pencil-ruler",
    "delete_for_good": "mdi6.delete-forever-outline",
    "demo": "mdi6.presentation-play",
    "details": "mdi6.card-text-outline",
    "dot_add": "mdi6.plus-circle-outline",
    "dot_remove": "mdi6.minus-circle-outline",
    "duplicate": "mdi6.content-copy",
    "export_guide": "mdi6.file-document-edit-outline",
    "export_handout": "mdi6.file-pdf-box",
    "export_markdown": "mdi6.language-markdown-outline",
    "export_report": "mdi6.file-chart-outline",
    "find": "mdi6.magnify",
    "finish_run": "mdi6.flag-checkered",
    "home": "mdi6.home-outline",
    "import_exercise": "mdi6.file-import-outline",
    "library": "mdi6.bookshelf",
    "map_actor_add": "mdi6.shape-square-rounded-plus",
    "map_fit": "mdi6.fit-to-screen-outline",
    "map_link": "mdi6.vector-polyline",
    "map_rename": "mdi6.rename-outline",
    "map_tidy": "mdi6.graph-outline",
    "move_down": "mdi6.arrow-down",
    "move_up": "mdi6.arrow-up",
    "new_workshop": "mdi6.plus-circle-outline",
    "next_step": "mdi6.skip-next",
    "notes": "mdi6.note-text-outline",
    "open": "mdi6.folder-open-outline",
    "participant_add": "mdi6.account-plus-outline",
    "participant_remove": "mdi6.account-remove-outline",
    "participants": "mdi6.account-group-outline",
    "preview": "mdi6.file-eye-outline",
    "previous_step": "mdi6.skip-previous",
    "projector": "mdi6.projector",
    "projector_results": "mdi6.chart-box-outline",
    "quit": "mdi6.exit-to-app",
    "ranked": "mdi6.sort-descending",
    "redo": "mdi6.redo",
    "remove_from_agenda": "mdi6.playlist-remove",
    "restore": "mdi6.restore",
    "run": "mdi6.play-circle-outline",
    "saved": "mdi6.content-save-check-outline",
    "script": "mdi6.script-text-outline",
    "shortcuts": "mdi6.keyboard-outline",
    "step_current": "mdi6.play-circle",
    "step_done": "mdi6.check-circle-outline",
    "template": "mdi6.file-document-multiple-outline",
    "theme_add": "mdi6.tag-plus-outline",
    "theme_delete": "mdi6.trash-can-outline",
    "theme_merge": "mdi6.call-merge",
    "theme_new": "mdi6.group",
    "theme_rename": "mdi6.rename-outline",
    "theme_ungroup": "mdi6.ungroup",
    "time": "mdi6.clock-outline",
    "timer_less": "mdi6.timer-minus-outline",
    "timer_more": "mdi6.timer-plus-outline",
    "timer_pause": "mdi6.pause",
    "timer_reset": "mdi6.timer-refresh-outline",
    "timer_start": "mdi6.play",
    "trash": "mdi6.trash-can-outline",
    "unarchive": "mdi6.archive-arrow-up-outline",
    "undo": "mdi6.undo",
    "warning": "mdi6.alert-outline",
}


def icon(meaning: str) -> QIcon:
    """The icon for `meaning`, coloured from the current palette; KeyError for an unknown one.

    Drawn once per meaning and palette (QIcon is shared, not copied): many actions share a
    meaning, and making a qtawesome icon costs most of a millisecond at start-up.
    """
    return _drawn(meaning, QGuiApplication.palette().cacheKey())


@functools.lru_cache(maxsize=512)
def _drawn(meaning: str, _palette_key: int) -> QIcon:
    palette = QGuiApplication.palette()
    drawn: QIcon = qtawesome.icon(  # qtawesome has no type hints
        ICONS[meaning],
        color=palette.color(QPalette.ColorRole.WindowText),
        color_disabled=palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText),
        color_active=palette.color(QPalette.ColorRole.WindowText),
        color_selected=palette.color(QPalette.ColorRole.HighlightedText),
    )
    return drawn
