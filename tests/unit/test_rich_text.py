"""Cleaning rich text to the formats an editor may use: what survives, what is dropped."""

import pytest

from listening.core.rich_text import STORY_FEATURES, clean_rich_text, plain_text_lines, without_block_keys


@pytest.mark.parametrize(
    ("html", "cleaned"),
    [
        ("", ""),
        ("   ", ""),
        ("<p>Plain</p>", "<p>Plain</p>"),
        ("Bare text", "<p>Bare text</p>"),
        ("<p><b>bold</b> <i>it</i></p>", "<p><b>bold</b> <i>it</i></p>"),
        ("<p><strong>bold</strong> <em>it</em></p>", "<p><b>bold</b> <i>it</i></p>"),  # as Draftail stores them
        ("<ul><li>a</li><li>b</li></ul>", "<ul><li>a</li><li>b</li></ul>"),
        ("<ol><li>a</li></ol>", "<ol><li>a</li></ol>"),
        ("<blockquote>q</blockquote>", "<blockquote>q</blockquote>"),
        ('<p><a href="https://example.org/">link</a></p>', '<p><a href="https://example.org/">link</a></p>'),
        ("<p>A &amp; B &lt;3</p>", "<p>A &amp; B &lt;3</p>"),
        # Formats outside the features keep their text and lose their markup.
        ("<h2>Heading</h2>", "<p>Heading</p>"),
        ("<p><u>under</u> <code>c</code></p>", "<p>under c</p>"),
        ("<p>a</p><p></p><p>b</p>", "<p>a</p><p>b</p>"),
        # Nothing that runs survives, and code is not kept as text.
        ('<p onclick="steal()">Kind</p>', "<p>Kind</p>"),
        ("<p>Kind<script>alert(1)</script></p>", "<p>Kind</p>"),
        ('<p><a href="javascript:alert(2)">click</a></p>', "<p>click</p>"),
        (
            '<p><a href="https://example.org/" onmouseover="x()">link</a></p>',
            '<p><a href="https://example.org/">link</a></p>',
        ),
        ("<style>p { color: red }</style><p>Styled</p>", "<p>Styled</p>"),
        ('<iframe src="https://evil.example/">inside</iframe><p>After</p>', "<p>After</p>"),
        ('<img src="x" onerror="alert(1)"><p>Image</p>', "<p>Image</p>"),
        ("<svg><text>drawn</text></svg><p>Text</p>", "<p>Text</p>"),
    ],
)
def test_clean_rich_text_keeps_the_story_features_only(html, cleaned):
    assert without_block_keys(clean_rich_text(html)) == cleaned


@pytest.mark.parametrize(
    ("features", "cleaned"),
    [
        (["italic"], "<p>bold <i>it</i> link</p>"),
        (["bold", "link"], '<p><b>bold</b> it <a href="https://example.org/">link</a></p>'),
        (STORY_FEATURES, '<p><b>bold</b> <i>it</i> <a href="https://example.org/">link</a></p>'),
    ],
)
def test_clean_rich_text_keeps_the_features_it_is_given(features, cleaned):
    html = '<p><b>bold</b> <i>it</i> <a href="https://example.org/">link</a></p>'
    assert without_block_keys(clean_rich_text(html, features)) == cleaned


def test_cleaned_text_is_stored_as_draftail_stores_it():
    assert clean_rich_text("<p>x</p>").startswith('<p data-block-key="')


@pytest.mark.parametrize(
    ("html", "bare"),
    [
        ('<p data-block-key="a1b2c">One</p><p data-block-key="zz9">Two</p>', "<p>One</p><p>Two</p>"),
        ('<ul><li data-block-key="k">Item</li></ul>', "<ul><li>Item</li></ul>"),
        ("", ""),
        (None, ""),
    ],
)
def test_without_block_keys(html, bare):
    assert without_block_keys(html) == bare


def test_plain_text_lines_gives_a_line_per_block_without_markup():
    html = (
        '<p data-block-key="a">One <b>bold</b>\nword &amp; more.</p><ul><li>First</li><li>Second</li></ul>'
        "<p></p><blockquote>Quoted<br>next</blockquote><script>alert(1)</script>"
    )
    assert plain_text_lines(html) == ["One bold word & more.", "First", "Second", "Quoted", "next"]
    assert plain_text_lines("") == [] and plain_text_lines(None) == []
