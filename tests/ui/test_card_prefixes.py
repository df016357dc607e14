"""Reading "@Ana Great idea #vision": who said it, which column, and never a lost word."""

from hypothesis import given
from hypothesis import strategies as st

from ui.capture.card_prefixes import Prefix, completion_token, matches, parse_card, resolve

PEOPLE = [(1, "Ana Ribeiro"), (2, "Andrés"), (3, "Bea"), (4, "")]
COLUMNS = [("vision", "What we deeply want to create"), ("reality", "Hard truths about today")]


def test_prefixes_at_the_start_and_the_end_are_taken_out() -> None:
    parsed = parse_card("@ana Great idea #vision")
    assert parsed.body == "Great idea"
    assert parsed.author == Prefix("@", "ana", at_start=True)
    assert parsed.category == Prefix("#", "vision", at_start=False)
    assert parse_card("#vision @ana  Great idea ").body == "Great idea"
    assert parse_card("Great idea #vision @ana").author == Prefix("@", "ana", at_start=False)


def test_prefixes_in_the_middle_and_lone_signs_are_text() -> None:
    for text in ("Mail me @ home", "We are #1 at this", "a@b.org is my mail", "@ # !", "#!?"):
        assert parse_card(text).body == text
        assert parse_card(text).author is None
    assert parse_card("@Ana @Bea hello").body == "@Bea hello"  # one author at most
    assert parse_card("#1 priority", sigils="@").body == "#1 priority"  # a step without columns


def test_resolve_a_name_and_a_column() -> None:
    found = resolve("@ana Great idea #vision", PEOPLE, COLUMNS)
    assert (found.text, found.author_id, found.category, found.problems) == (
        "Great idea",
        1,
        "vision",
        (),
    )
    assert resolve("@andres: yes", PEOPLE, COLUMNS).author_id == 2  # accents and colon ignored
    assert resolve("@Ana_Ribeiro yes", PEOPLE, COLUMNS).author_id == 1
    assert resolve("@ribeiro yes", PEOPLE, COLUMNS).author_id == 1
    assert resolve("Truth #hard", PEOPLE, COLUMNS).category == "reality"  # a label's start
    assert resolve("Truth #REAL", PEOPLE, COLUMNS).category == "reality"


def test_an_exact_name_wins_over_longer_ones() -> None:
    assert matches("ana", [(1, ["Ana"]), (2, ["Anabel"])]) == [1]
    assert matches("an", [(1, ["Ana"]), (2, ["Anabel"])]) == [1, 2]
    assert matches("!", [(1, ["Ana"])]) == []


def test_an_unclear_or_unknown_prefix_stays_in_the_text_with_a_reason() -> None:
    unclear = resolve("@An Great idea", PEOPLE, COLUMNS)
    assert (unclear.text, unclear.author_id) == ("@An Great idea", None)
    assert unclear.problems == (
        "“@An” could be “Ana Ribeiro” or “Andrés”, so it stayed in the text.",
    )
    unknown = resolve("Great idea @Zoe #nowhere", PEOPLE, COLUMNS)
    assert unknown.text == "Great idea #nowhere @Zoe"
    assert (unknown.author_id, unknown.category) == (None, None)
    assert len(unknown.problems) == 2
    assert "#vision #reality" in unknown.problems[1]
    half = resolve("@Bea Great idea #nowhere", PEOPLE, COLUMNS)
    assert (half.text, half.author_id) == ("Great idea #nowhere", 3)
    assert resolve("#vision here", PEOPLE, []).text == "#vision here"  # no columns: just text


def test_a_completed_name_reads_back_as_that_person() -> None:
    for person_id, name in PEOPLE[:3]:
        token = completion_token("@", name)
        assert " " not in token
        assert resolve(f"{token} hello", PEOPLE, COLUMNS).author_id == person_id


plain = st.text(
    alphabet=st.characters(blacklist_characters="@#", blacklist_categories=("Cs",)), max_size=80
)
words = st.lists(
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Zs", "Cc")), min_size=1),
    max_size=8,
)


@given(plain)
def test_text_without_at_or_hash_comes_back_unchanged(text: str) -> None:
    assert parse_card(text).body == text
    assert resolve(text, PEOPLE, COLUMNS).text == text


@given(words, st.sampled_from(["", "@Zed", "@An", "#x", "@An #x"]))
def test_no_word_is_ever_lost(body: list[str], prefixes: str) -> None:
    """Whatever is typed, every word is either in the card or read as its author or column."""
    text = " ".join([prefixes, *body]).strip()
    found = resolve(text, PEOPLE, COLUMNS)
    taken = []
    if found.author_id is not None:
        taken.append("@")
    if found.category is not None:
        taken.append("#")
    kept = found.text.split()
    for word in text.split():
        if word in kept:
            kept.remove(word)
        else:
            assert word[0] in taken, (text, found)
            taken.remove(word[0])
