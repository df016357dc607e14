"""User text in the PDFs: printed literally, in fonts that have it, right to left where it
should be, long words wrapped and enormous cards cut so layout stays linear."""

import io
import time
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate, Table

from exports.pdf.arabic import shape_arabic
from exports.pdf.bidi import is_rtl, levels, mirrored, visual_order
from exports.pdf.bidi_paragraph import BidiParagraph, visual_lines
from exports.pdf.fonts import FontSet, register_fonts
from exports.pdf.text import chunks, markup, paragraph, paragraphs

PAYLOADS = [
    '<img src="/etc/hostname"/>',
    '<font color="red">x</font>',
    '<a href="file:///etc/passwd">x</a>',
    "&amp;",
    "<para>",
    "<b>unclosed",
    "</i> & &lt; &#60; ' \"",
]
SAMPLES = ["Zoë", "Привет", "Καλημέρα", "共同领导", "🙂👍"]
RTL_SAMPLES = ["שלום עולם", "مرحبا بالعالم"]


@pytest.fixture(scope="module")
def fonts() -> FontSet:
    return register_fonts()


@pytest.fixture(scope="module")
def style(fonts: FontSet) -> ParagraphStyle:
    return ParagraphStyle("body", fontName=fonts.body, fontSize=10, leading=14)


def _pdf(story: list[Flowable]) -> bytes:
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer).build(story)
    return buffer.getvalue()


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_markup_escapes_everything_the_parser_reads() -> None:
    fonts = register_fonts()
    assert markup("<b>&amp;\"'</b>", fonts) == "&lt;b&gt;&amp;amp;&quot;&#39;&lt;/b&gt;"
    assert markup("one\r\ntwo\rthree\u2028four", fonts) == "one<br/>two<br/>three<br/>four"
    assert markup("a\x00b\x07c\td\ud800", fonts) == "a\ufffdb\ufffdc d\ufffd"
    assert markup("a\u200bb\U000110bdc\u00add\ufe0f\u202e", fonts) == "abcd"  # invisible


def test_injection_payloads_print_literally_and_read_nothing(
    fonts: FontSet, style: ParagraphStyle
) -> None:
    story: list[Flowable] = [paragraph(payload, style, fonts) for payload in PAYLOADS]
    story += [
        BidiParagraph(f"<b>Card:</b> {markup(payload, fonts)}", style) for payload in PAYLOADS
    ]
    pdf = _pdf(story)
    text = _text(pdf)
    for payload in PAYLOADS:
        assert text.count(payload) == 2, payload
        assert f"Card: {payload}" in text
    for page in PdfReader(io.BytesIO(pdf)).pages:
        assert "/XObject" not in page["/Resources"]  # no image was loaded
        assert "/Annots" not in page  # and no link made
    assert b"hostname" not in pdf.replace(b"/etc/hostname", b"")


@settings(max_examples=1000, deadline=None)
@given(text=st.text(max_size=120), bold=st.booleans(), composed=st.booleans())
def test_any_text_lays_out_and_draws(text: str, bold: bool, composed: bool) -> None:
    """Layout and drawing (where text is encoded for the fonts); saving, which only writes the
    font subsets and costs most of the time, is covered once below with all of Unicode."""
    fonts = register_fonts()
    style = ParagraphStyle("any", fontName=fonts.bold if bold else fonts.body, fontSize=9)
    canvas = Canvas(io.BytesIO())
    story = (
        [BidiParagraph(f"<b>Card:</b> {markup(text, fonts)}", style)]
        if composed
        else paragraphs(text, style, fonts, 60)
    )
    for flowable in story:
        _, height = flowable.wrap(90, 10_000)
        flowable.drawOn(canvas, 0, 0)
        assert height >= 0


def test_a_sample_of_all_unicode_builds_into_a_readable_pdf(
    fonts: FontSet, style: ParagraphStyle
) -> None:
    every_seventh = "".join(chr(code) for code in range(0, 0x32000, 7))
    emoji = "".join(chr(code) for code in range(0x1F300, 0x1FAFF))
    story = paragraphs(every_seventh + " " + emoji, style, fonts, max_chars=400)
    pages = PdfReader(io.BytesIO(_pdf(story))).pages
    assert len(pages) > 5
    assert "🙂" in "".join(page.extract_text() for page in pages)


def test_every_script_comes_out_of_the_pdf(fonts: FontSet, style: ParagraphStyle) -> None:
    pdf = _pdf([paragraph(sample, style, fonts) for sample in SAMPLES + RTL_SAMPLES])
    text = _text(pdf)
    for sample in SAMPLES:
        assert sample in text
    # pypdf reads visual right-to-left runs back in reading order; Arabic as presentation forms
    normalized = unicodedata.normalize("NFKC", text)
    for sample in RTL_SAMPLES:
        assert sample in normalized


def _drawn(text: str, rtl: bool) -> str:
    order, char_levels = visual_order(text, rtl)
    return "".join(mirrored(text[index], char_levels[index]) for index in order)


def test_lines_are_drawn_in_bidi_order() -> None:
    assert _drawn("He said שלום עולם today", rtl=False) == "He said םלוע םולש today"
    assert _drawn("wrote “שלום עולם” and", rtl=False) == "wrote “םלוע םולש” and"
    assert _drawn("שלום (ok 2024) עולם.", rtl=True) == ".םלוע (ok 2024) םולש"
    assert _drawn("עם 3.5% ו-12", rtl=True) == "12-ו 3.5% םע"  # noqa: RUF001
    assert _drawn("שָׁלוֹם", rtl=True) == "םוֹלשָׁ"  # points stay after their letters
    assert levels("abc שלום 12", rtl=True) == [2, 2, 2, 1, 1, 1, 1, 1, 1, 2, 2]
    assert is_rtl("  (שלום) world") and not is_rtl("Hi שלום")


def test_markup_inside_chorus_words_is_reordered_by_bidi_paragraph(
    fonts: FontSet, style: ParagraphStyle
) -> None:
    assert markup("(שלום)", fonts) == '(<font name="ChorusHebrew">שלום</font>)'  # logical
    said = BidiParagraph("<i>said by</i> " + markup("שלום עולם", fonts), style)
    said.wrap(400, 100)
    frags = visual_lines(said.blPara, said.rtl).lines[0].words
    assert "".join(frag.text for frag in frags) == "said by םלוע םולש"


def test_a_right_to_left_card_is_aligned_right_and_reordered_per_line(
    fonts: FontSet, style: ParagraphStyle
) -> None:
    card = paragraph("אחת שתיים שלוש ארבע חמש", style, fonts)
    assert card.rtl and card.style.alignment == TA_RIGHT
    assert paragraph("Hi שלום", style, fonts).style.alignment == TA_LEFT
    card.wrap(70, 1000)
    assert card.blPara.lines[0][1] == ["אחת", "שתיים"]  # logical order, one font: kind 0
    drawn = visual_lines(card.blPara, rtl=True)
    assert drawn.lines[0][1] == ["םייתש", "תחא"]
    mixed = paragraph("שלום <b> עולם", style, fonts)  # several fonts: frags reordered
    mixed.wrap(400, 100)
    frags = visual_lines(mixed.blPara, rtl=True).lines[0].words
    assert "".join(frag.text for frag in frags).split() == ["םלוע", "<b>", "םולש"]


def test_arabic_letters_take_their_joining_forms() -> None:
    assert shape_arabic("مرحبا") == "\ufee3\ufeae\ufea3\ufe92\ufe8e"
    assert shape_arabic("لا سلام") == "\ufefb \ufeb3\ufefc\ufee1"  # lam-alef ligatures
    assert shape_arabic("Zoë 2024") == "Zoë 2024"


def test_long_words_wrap_inside_the_column(fonts: FontSet, style: ParagraphStyle) -> None:
    for word in ("x" * 400, "共" * 300, "ab🙂" * 100, "مرحبا" * 60):
        card = paragraph(f"see {word} end", style, fonts)
        card.wrap(100, 10_000)
        assert len(card.blPara.lines) > 10
        assert max(card.getActualLineWidths0()) <= 100.01
    table = Table([[paragraph("x" * 400, style, fonts)]], colWidths=[80])
    assert table.wrap(500, 10_000)[0] <= 80.5


def test_chunks_cut_at_sentences_then_spaces_and_lose_nothing() -> None:
    text = "One short sentence. " * 30 + "word " * 300 + "z" * 2500
    pieces = chunks(text, 100)
    assert all(0 < len(piece) <= 100 for piece in pieces)
    assert pieces[0].endswith("sentence.")
    assert "".join("".join(pieces).split()) == "".join(text.split())


def test_paragraphs_keep_blocks_and_line_breaks(fonts: FontSet, style: ParagraphStyle) -> None:
    assert paragraphs("  \n\n ", style, fonts) == []
    flowables = paragraphs("first\nline two\n\n\nsecond", style, fonts)
    assert len(flowables) == 2
    flowables[0].wrap(400, 100)
    assert len(flowables[0].blPara.lines) == 2
    spaced = ParagraphStyle("spaced", parent=style, spaceBefore=6, spaceAfter=6)
    long = paragraphs("word " * 1000, spaced, fonts)
    assert len(long) == 5
    assert long[0].style.spaceAfter == 0 and long[1].style.spaceBefore == 0
    assert long[-1].style.spaceAfter == 6


def test_a_one_megabyte_card_builds_in_linear_time(fonts: FontSet, style: ParagraphStyle) -> None:
    sentence = "We agreed to meet every Monday, to share what we learnt and to ask for help. "
    card = sentence * (1_000_000 // len(sentence) + 1)
    started = time.perf_counter()
    story = paragraphs(card, style, fonts)
    count = len(story)
    pdf = _pdf(story)
    elapsed = time.perf_counter() - started
    assert count >= 1000
    assert elapsed < 10, f"{count} paragraphs took {elapsed:.1f} s"
    assert len(PdfReader(io.BytesIO(pdf)).pages) > 100


PLAIN = [
    "We need more time",
    "Zoë\u2019s  café, 3 \u00d7 4 = 12 — ok?",
    "Привет  мир",
    "a-b_c/d (e) [f] 50%",
]
NOT_PLAIN = ["it's", "Q&A", "<b>", 'a "quote"', "one\ntwo", "tab\there", "no\u00a0break", "🙂"]


def _drawn_ops(flowable: Flowable) -> bytes:
    canvas = Canvas(io.BytesIO(), invariant=True)
    flowable.wrap(120, 1000)
    flowable.drawOn(canvas, 10, 10)
    return canvas.getpdfdata()


def test_a_plain_card_skips_the_parser_and_draws_as_if_parsed(
    fonts: FontSet, style: ParagraphStyle
) -> None:
    for text in PLAIN:
        card = paragraph(text, style, fonts)
        parsed = BidiParagraph(markup(text, fonts), style)
        assert len(card.frags) == 1 and not card.has_rtl and not card.rtl
        assert card.frags[0].__dict__ == parsed.frags[0].__dict__
        assert _drawn_ops(card) == _drawn_ops(parsed)
        assert [type(f) for f in paragraphs(text, style, fonts)] == [BidiParagraph]


def test_text_the_parser_must_see_still_goes_through_markup(
    fonts: FontSet, style: ParagraphStyle
) -> None:
    for text in NOT_PLAIN:
        card = paragraph(text, style, fonts)
        assert _drawn_ops(card) == _drawn_ops(BidiParagraph(markup(text, fonts), style)), text
    assert "it's Q&A <b>" in _text(_pdf([paragraph("it's Q&A <b>", style, fonts)]))
    shouting = ParagraphStyle("shout", parent=style, textTransform="uppercase")
    assert paragraph("quiet words", shouting, fonts).frags[0].text == "QUIET WORDS"


def test_one_hebrew_word_among_latin_gets_its_font_and_order(
    fonts: FontSet, style: ParagraphStyle
) -> None:
    card = paragraph("We said שלום to everyone", style, fonts)
    assert card.has_rtl and not card.rtl
    assert "ChorusHebrew" in {frag.fontName for frag in card.frags}
    card.wrap(400, 100)
    words = visual_lines(card.blPara, rtl=False).lines[0].words
    assert "".join(frag.text for frag in words) == "We said םולש to everyone"
    assert "שלום" in unicodedata.normalize("NFKC", _text(_pdf([card])))


def test_a_paragraph_remembers_its_lines_for_the_last_width(
    fonts: FontSet, style: ParagraphStyle
) -> None:
    text = "a card long enough to need a few lines at the narrow width " * 3
    card = paragraph(text, style, fonts)
    narrow = card.wrap(100, 1000)
    assert card.wrap(100, 5) == narrow  # the height offered does not change the lines
    assert card.wrap(300, 1000) != narrow
    assert card.wrap(0, 1000) == (0, 0x7FFFFFFF)  # no width: nothing laid out, nothing kept
    assert card.wrapOn(None, 100, 1000) == narrow
    fresh = paragraph(text, style, fonts)
    assert fresh.wrap(100, 1000) == narrow and fresh.blPara.lines == card.blPara.lines
