import pytest

from listening.core.search_text import fold, marked, marked_snippet, matched_spans, query_terms


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Ascenseur pour l'échafaud", "ascenseur pour l'echafaud"),
        ("ÉCHAFAUD", "echafaud"),
        ("Straße", "strasse"),
        ("ﬁnale", "finale"),
        ("Zoë Nuñez", "zoe nunez"),
        ("e\u0301chafaud", "echafaud"),  # already decomposed
        ("", ""),
    ],
)
def test_fold_drops_accents_and_case(text, folded):
    assert fold(text) == folded


def test_query_terms_are_folded_words_once_each():
    assert query_terms('"Échafaud" <b>MILES</b> echafaud (') == ["echafaud", "b", "miles"]
    assert query_terms("   ") == []


def test_matched_spans_are_whole_words_in_the_original_text():
    text = "L’échafaud, les échafauds; Miles walks"
    spans = matched_spans(text, ["echafaud", "walk"])
    assert [text[a:b] for a, b in spans] == ["échafaud", "échafauds", "walks"]


def test_matched_spans_survive_characters_that_fold_to_several():
    text = "ﬁn de la Straße, strasse"
    assert [text[a:b] for a, b in matched_spans(text, ["strasse"])] == ["Straße", "strasse"]
    assert [text[a:b] for a, b in matched_spans(text, ["fin"])] == ["ﬁn"]


def test_a_term_inside_a_word_is_not_a_match():
    assert matched_spans("trumpeter", ["pet"]) == []


def test_snippets_escape_everything_but_their_marks():
    snippet = marked_snippet('<script>alert("x")</script> & Varga </mark>', ["varga", "mark"])
    assert snippet == (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; <mark>Varga</mark> &lt;/<mark>mark</mark>&gt;"
    )


def test_a_long_text_is_cut_around_its_first_match_between_words():
    text = " ".join(f"word{n}" for n in range(200)) + " needle " + " ".join(f"tail{n}" for n in range(200))
    snippet = marked_snippet(text, ["needle"], length=100)
    assert snippet.startswith("…") and snippet.endswith("…")
    assert "<mark>needle</mark>" in snippet
    assert len(snippet) < 140
    assert " word" in snippet and " tail" in snippet  # whole words either side
    inner = snippet.strip("…")
    assert all(piece.startswith(("word", "tail", "<mark>")) for piece in inner.split())


def test_without_a_match_a_snippet_is_the_beginning():
    assert marked_snippet("One two three four", ["zzz"], length=9) == "One two…"


def test_marked_keeps_the_whole_title():
    assert marked("Lena Marsh", ["marsh"]) == "Lena <mark>Marsh</mark>"
    assert marked("", ["x"]) == ""
