"""Rich text the guide keeps: the formats editors may use, and cleaning to them."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from html import escape, unescape

import nh3
from bs4 import BeautifulSoup

logger = logging.getLogger(__name__)

# Rich text in commentary, biographies and stories: formatting and links, nothing that runs.
STORY_FEATURES = ["bold", "italic", "link", "ol", "ul", "blockquote"]

# Elements whose content is code or embedded media rather than text to keep.
CONTENT_FREE_ELEMENTS = ["script", "style", "template", "iframe", "object", "embed", "svg", "math", "noscript"]
BLOCK_KEY = re.compile(r' data-block-key="[^"]*"')
EMPTY_BLOCK = re.compile(r'<p data-block-key="[^"]*"></p>')


def clean_rich_text(html: str, features: Sequence[str] = STORY_FEATURES) -> str:
    """Rich text reduced to the formats the editor allows, as Draftail itself would store it.

    The HTML goes through Wagtail's contentstate converter both ways: elements and attributes outside
    `features` (scripts, event handlers, styles, javascript: links) do not survive.
    """
    if not html or not html.strip():
        return ""
    # Wagtail's converter loads page models when imported, so it cannot be imported while apps load.
    from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

    # The converter keeps the text of elements it drops; a script's or style's text is not commentary.
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(CONTENT_FREE_ELEMENTS):
        element.decompose()
    converter = ContentstateConverter(features=list(features))
    cleaned = str(soup)
    try:
        # Twice: the first pass can leave what the second drops (a link whose href was refused).
        for _ in range(2):
            cleaned = converter.to_database_format(converter.from_database_format(cleaned))
    except Exception:  # noqa: BLE001 - the converter asserts on markup it cannot nest; keep the words
        logger.warning("Rich text the editor's converter could not read was kept as plain paragraphs.")
        return plain_paragraphs(soup.get_text("\n"))
    return EMPTY_BLOCK.sub("", cleaned)


def plain_paragraphs(text: str) -> str:
    """Text as rich text: a paragraph per line, escaped, with no formatting at all."""
    return "".join(f"<p>{escape(line.strip())}</p>" for line in text.splitlines() if line.strip())


def without_block_keys(html: str) -> str:
    """Rich text with Draftail's block keys taken out: for comparing and for export to other tools."""
    return BLOCK_KEY.sub("", html or "")


# What rendered rich text may hold: the formats STORY_FEATURES produce, and links.
READER_TAGS = {"p", "br", "b", "strong", "i", "em", "a", "ul", "ol", "li", "blockquote", "h2", "h3", "h4"}
READER_ATTRIBUTES = {"a": {"href"}}
READER_URL_SCHEMES = {"http", "https", "mailto"}
BLOCK_BOUNDARY = re.compile(r"</?(?:p|br|li|ul|ol|blockquote|h[1-6]|div)\b", re.IGNORECASE)


def reader_html(html: str) -> str:
    """Rich text as it may reach a reader's browser: only harmless elements, attributes and link schemes.

    Saving cleans commentary already (clean_rich_text); this cleans it again as it is shown, so text
    that reached the database by another road (a shell, a migration, a fixture) cannot run either.
    """
    return nh3.clean(html or "", tags=READER_TAGS, attributes=READER_ATTRIBUTES, url_schemes=READER_URL_SCHEMES)


def plain_text(html: str) -> str:
    """Rich text as plain words, for meta descriptions and link previews: no markup, no script's text."""
    spaced = BLOCK_BOUNDARY.sub(r" \g<0>", html or "")  # so "…bass.</p><p>A link" keeps its space
    text = nh3.clean(spaced, tags=set(), clean_content_tags={"script", "style", "template", "noscript"})
    return " ".join(unescape(text).split())


_LINE_MARK = "\ue000"  # a private-use character: no text holds it, so it can mark where blocks begin


def plain_text_lines(html: str) -> list[str]:
    """Rich text as plain words, a line per paragraph, list item or line break: for cue files in
    formats without markup (WebVTT cue text, the CSV's plain-text column)."""
    marked = BLOCK_BOUNDARY.sub(lambda match: _LINE_MARK + match[0], html or "")
    text = unescape(nh3.clean(marked, tags=set(), clean_content_tags={"script", "style", "template", "noscript"}))
    return [" ".join(line.split()) for line in text.split(_LINE_MARK) if line.strip()]
