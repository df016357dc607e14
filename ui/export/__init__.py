"""Exports from the app: the export flow (save dialog, busy dialog, open) and the preview."""
