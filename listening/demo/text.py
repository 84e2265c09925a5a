"""Turning the demo content's plain paragraphs into the rich text Wagtail stores."""

import re

from django.utils.html import escape

_ITALIC = re.compile(r"\*([^*\n]+)\*")


def inline_html(text: str) -> str:
    """Escape, then `*Title*` → <i>Title</i> (the one piece of markup the content uses)."""
    return _ITALIC.sub(r"<i>\1</i>", escape(text.strip()))


def paragraphs_html(paragraphs) -> str:
    if isinstance(paragraphs, str):
        paragraphs = [paragraphs]
    return "".join(f"<p>{inline_html(p)}</p>" for p in paragraphs if p and p.strip())


def list_html(items) -> str:
    return "<ul>" + "".join(f"<li>{inline_html(item)}</li>" for item in items) + "</ul>" if items else ""
