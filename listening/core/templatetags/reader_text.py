"""Rich text and plain text as they reach readers (see listening.core.rich_text)."""

import re

from django import template
from django.utils.safestring import mark_safe
from wagtail.templatetags.wagtailcore_tags import richtext

from listening.core.rich_text import plain_text, reader_html

register = template.Library()

SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


@register.filter
def reader_richtext(value) -> str:
    """Wagtail's `richtext` (links and embeds expanded), cleaned to what may reach a browser."""
    return mark_safe(reader_html(str(richtext(value))))  # noqa: S308 - nh3 has just cleaned it


@register.filter
def plaintext(value) -> str:
    """Rich text as plain words (escaped by the template like any text)."""
    return plain_text(str(richtext(value)))


@register.filter
def first_sentence(text: str, limit: int = 160) -> str:
    """The first sentence of plain text, cut at a word before `limit` characters: a line for a chart."""
    text = " ".join(str(text).split())
    end = next(
        (i + 1 for i, char in enumerate(text) if char in ".!?" and (i + 1 == len(text) or text[i + 1] == " ")),
        len(text),
    )
    sentence = text[:end]
    if len(sentence) > limit:
        sentence = sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return sentence
