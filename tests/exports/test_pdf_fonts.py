"""The bundled fonts: registered as families, every script covered, licences beside the files."""

import io
import re

import pytest
from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph, SimpleDocTemplate

from exports.pdf.fonts import FONT_DIR, FontSet, coverage, font_runs, register_fonts
from exports.pdf.text import paragraph

SAMPLES = {
    "Latin": "Zoë",
    "Cyrillic": "Привет",
    "Greek": "Καλημέρα",
    "Hebrew": "שלום",
    "Arabic": "مرحبا",
    "CJK": "共同领导",
    "emoji": "🙂👍",
}
EXPECTED_FONT = {
    "Hebrew": "ChorusHebrew",
    "Arabic": "ChorusArabic",
    "CJK": "ChorusCJK",
    "emoji": "ChorusEmoji",
}


@pytest.fixture(scope="module")
def fonts() -> FontSet:
    return register_fonts()


def _font_names(pdf: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return names


def _build(story: list[Paragraph]) -> bytes:
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer).build(story)
    return buffer.getvalue()


def test_registering_twice_changes_nothing(fonts: FontSet) -> None:
    before = pdfmetrics.getRegisteredFontNames()
    assert register_fonts() == fonts
    assert pdfmetrics.getRegisteredFontNames() == before
    for name in (fonts.body, fonts.bold, fonts.italic, fonts.bold_italic, *fonts.fallbacks):
        assert name in before


def test_b_and_i_pick_the_bold_and_italic_faces(fonts: FontSet) -> None:
    style = ParagraphStyle("body", fontName=fonts.body)
    pdf = _build([Paragraph("plain <b>bold</b> <i>italic</i> <b><i>both</i></b>", style)])
    assert {
        "NotoSans-Regular",
        "NotoSans-Bold",
        "NotoSans-Italic",
        "NotoSans-BoldItalic",
    } <= _font_names(pdf)


@pytest.mark.parametrize("script", SAMPLES)
def test_every_script_sample_maps_to_a_font_with_its_glyphs(script: str, fonts: FontSet) -> None:
    runs = font_runs(f"Say {SAMPLES[script]} please")
    assert "".join(run for _, run in runs) == f"Say {SAMPLES[script]} please"
    for font, run in runs:
        missing = [char for char in run if ord(char) not in coverage(font)]
        assert missing == [], f"{font} has no glyph for {missing}"
    expected = EXPECTED_FONT.get(script, fonts.body)
    assert any(font == expected and SAMPLES[script] in run for font, run in runs), runs


def test_spaces_and_punctuation_stay_with_the_script_around_them() -> None:
    assert font_runs("مرحبا، عالم 2024") == [("ChorusArabic", "مرحبا، عالم 2024")]
    assert font_runs("共同领导。") == [("ChorusCJK", "共同领导。")]


def test_a_character_no_font_has_stays_in_the_body_font(fonts: FontSet) -> None:
    assert font_runs("\U000e01f0") == [(fonts.body, "\U000e01f0")]


def test_fallback_runs_take_the_weight_of_the_style(fonts: FontSet) -> None:
    heading = ParagraphStyle("h", fontName=fonts.bold)
    pdf = _build([paragraph("Plan שלום مرحبا", heading, fonts)])
    assert {"NotoSans-Bold", "NotoSansHebrew-Bold", "NotoSansArabic-Bold"} <= _font_names(pdf)
    italic = ParagraphStyle("i", fontName=fonts.italic)
    pdf = _build([paragraph("Plan 共同 שלום", italic, fonts)])  # no italic faces: upright
    assert {"NotoSans-Italic", "DroidSansFallback", "NotoSansHebrew-Regular"} <= _font_names(pdf)


def test_every_bundled_font_is_truetype_with_a_licence_and_a_readme_row() -> None:
    readme = (FONT_DIR / "README.md").read_text(encoding="utf-8")
    files = sorted(FONT_DIR.glob("*.ttf"))
    assert len(files) == 11
    for path in files:
        assert path.read_bytes()[:4] == b"\x00\x01\x00\x00", f"{path.name} is not TrueType"
        assert f"`{path.name}`" in readme
    for licence in re.findall(r"`([\w-]+-LICENSE\.txt)`", readme):
        assert (FONT_DIR / licence).is_file()
    assert len(set(re.findall(r"`([\w-]+-LICENSE\.txt)`", readme))) == 4
    assert sum(path.stat().st_size for path in files) < 25_000_000
