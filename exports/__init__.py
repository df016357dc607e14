"""Exports of a workshop: Markdown now, PDF handout, report and guide later. No Qt."""
