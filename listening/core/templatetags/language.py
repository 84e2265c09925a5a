from django import template
from django.utils.html import format_html

register = template.Library()


@register.filter
def lang_attr(language: str | None) -> str:
    """` lang="fr"` for text in another language than the page's; nothing when there is none to name."""
    return format_html(' lang="{}"', language) if language else ""
