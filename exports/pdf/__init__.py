"""PDF exports: the participant handout, the facilitator report and the preparation guide.

Built with ReportLab (platypus for the flow of pages, reportlab.graphics for charts and the
system map); no Qt, so the command line and tests make the same files as the app. Every piece of
user text goes through exports.pdf.text, which escapes it and picks fonts for its scripts.
"""
