"""Text for search: accent- and case-folding, and snippets with the matched words marked.

Readers type `echafaud` for `échafaud` and `MICHELOT` for `Michelot`. SQLite's full-text engine
(FTS5's unicode61 tokenizer) already ignores accents; PostgreSQL's text search does not, and its
`unaccent` extension needs a superuser. So every indexed model also indexes a folded copy of its
words (`FoldedSearchText`), and queries are folded the same way before they are searched: the same
results on both engines, with no database extension.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from wagtail.search import index

from .rich_text import plain_text

FOLDED_FIELD = "folded_search_text"


def fold(text: str) -> str:
    """Text without accents and case: `Échafaud` → `echafaud`, `Straße` → `strasse`, `ﬁn` → `fin`."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def query_terms(query: str, *, limit: int = 8) -> list[str]:
    """The folded words of a query, once each, in order: what the engine searches and snippets mark.

    Punctuation (quotes, operators) only separates words here.
    """
    terms = []
    for word in re.findall(r"\w+", fold(query)):
        if word not in terms:
            terms.append(word)
    return terms[:limit]


class FoldedSearchText:
    """Mixin for an indexed model: indexes a folded copy of its searchable words as well.

    Add `index.SearchField(FOLDED_FIELD)` to its `search_fields` (`with_folded_text` does).
    """

    def searchable_text(self, *, title: bool = True) -> str:
        """The plain words of the fields it is searched by, in the order they are declared."""
        parts: list[str] = []
        for field in self.search_fields:
            if not isinstance(field, index.SearchField) or field.field_name == FOLDED_FIELD:
                continue
            if not title and field.field_name == "title":
                continue
            value = field.get_value(self)
            for item in value if isinstance(value, list | tuple) else [value]:
                if item:
                    parts.append(plain_text(str(item)))
        return " ".join(part for part in parts if part)

    def folded_search_text(self) -> str:
        return fold(self.searchable_text())


def with_folded_text(*fields) -> list:
    """A model's search fields, and the folded copy of their words (see FoldedSearchText), also for
    completing the word being typed."""
    return [*fields, index.SearchField(FOLDED_FIELD), index.AutocompleteField(FOLDED_FIELD)]


def _folded_with_origins(text: str) -> tuple[str, list[int]]:
    """The folded text, and for each of its characters the index of the character it came from."""
    folded, origins = [], []
    for position, char in enumerate(text):
        for folded_char in fold(char):
            folded.append(folded_char)
            origins.append(position)
    return "".join(folded), origins


def matched_spans(text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """Where words of `text` begin with one of the (folded) `terms`: whole words, in order, not overlapping."""
    terms = sorted({term for term in terms if term}, key=len, reverse=True)
    if not text or not terms:
        return []
    folded, origins = _folded_with_origins(text)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(term) for term in terms) + ")")
    spans: list[tuple[int, int]] = []
    for match in pattern.finditer(folded):
        start = origins[match.start()]
        end = origins[match.end() - 1] + 1
        while end < len(text) and (text[end].isalnum() or unicodedata.combining(text[end])):
            end += 1  # the whole word: `walk` marks “walks”
        if spans and start < spans[-1][1]:
            continue
        spans.append((start, end))
    return spans


def marked_snippet(text: str, terms: Sequence[str], *, length: int = 220) -> SafeString:
    """About `length` characters of `text` around its first match, escaped, each match in <mark>.

    Without a match, the beginning of the text. Cuts fall between words and show an ellipsis.
    """
    text = " ".join((text or "").split())
    spans = matched_spans(text, terms)
    start = 0
    if spans and len(text) > length and spans[0][1] > length * 2 // 3:
        start = max(0, spans[0][0] - length // 3)
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < spans[0][0] else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
        # A match straddling the cut stays whole.
        end = max([end] + [span_end for span_start, span_end in spans if span_start < end < span_end])
    pieces = ["…"] if start else []
    cursor = start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        pieces.append(escape(text[cursor:span_start]))
        pieces.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        cursor = span_end
    pieces.append(escape(text[cursor:end]))
    if end < len(text):
        pieces.append("…")
    return mark_safe("".join(pieces))  # noqa: S308 - every piece of the text was escaped above


def marked(text: str, terms: Sequence[str]) -> SafeString:
    """The whole of a short text (a title), escaped, with its matched words in <mark>."""
    return marked_snippet(text, terms, length=max(len(text or ""), 1))
