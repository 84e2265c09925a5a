"""Rich text and plain text as they reach readers (see listening.core.rich_text)."""

from django import template
from django.utils.safestring import mark_safe
from wagtail.templatetags.wagtailcore_tags import richtext

from listening.core.rich_text import plain_text, reader_html

register = template.Library()


@register.filter
def reader_richtext(value) -> str:
    """Wagtail's `richtext` (links and embeds expanded), cleaned to what may reach a browser."""
    return mark_safe(reader_html(str(richtext(value))))  # noqa: S308 - nh3 has just cleaned it


@register.filter
def plaintext(value) -> str:
    """Rich text as plain words (escaped by the template like any text)."""
    return plain_text(str(richtext(value)))
