"""Drag-and-drop payloads shared by the library browser and the agenda builder."""

EXERCISE_KEY = "application/x-chorus-exercise-key"  # utf-8 exercise key, from the library
AGENDA_ITEM = "application/x-chorus-agenda-item"  # ascii agenda item id, inside the agenda
