"""Turning the demo content's plain paragraphs and citations into the rich text Wagtail stores."""

import re

from django.utils.html import escape

_ITALIC = re.compile(r"\*([^*\n]+)\*")


def inline_html(text: str) -> str:
    """Escape, then `*Title*` → <i>Title</i> (the one piece of markup the content uses)."""
    return _ITALIC.sub(r"<i>\1</i>", escape(text.strip()))


def plain_inline(text: str) -> str:
    """`*Title*` → Title, for fields that hold plain text (a myth's claim): no markup shows raw."""
    return _ITALIC.sub(r"\1", text.strip())


def paragraphs_html(paragraphs) -> str:
    if isinstance(paragraphs, str):
        paragraphs = [paragraphs]
    return "".join(f"<p>{inline_html(p)}</p>" for p in paragraphs if p and p.strip())


def source_html(source) -> str:
    """One citation (listening.demo.album.Source): who, *title*, (publisher, year), linked where it can be."""
    title = f"<i>{escape(source.title)}</i>"
    if source.link:
        title = f'<a href="{escape(source.link)}">{title}</a>'
    text = ", ".join(part for part in (escape(source.author), title) if part)
    details = ", ".join(escape(part) for part in (source.publisher, source.year) if part)
    if details:
        text += f" ({details})"
    if source.note:
        text += f"; {inline_html(source.note)}"
    return text


def sources_paragraph_html(sources) -> str:
    """The citations of a chapter, a myth, a person or a scene: one closing paragraph."""
    if not sources:
        return ""
    return "<p>Sources: " + "; ".join(source_html(source) for source in sources) + ".</p>"


def sources_list_html(sources) -> str:
    return "<ul>" + "".join(f"<li>{source_html(source)}</li>" for source in sources) + "</ul>" if sources else ""
