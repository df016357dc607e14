"""Exports of a workshop: Markdown, and the PDF handout, report and guide (exports.pdf). No Qt."""
