"""Naming the language a text is in, from its language tag."""

from django.utils.translation import get_language_info


def language_name(tag: str) -> str:
    """ "French" for "fr", "Brazilian Portuguese" for "pt-br"; the tag itself when Django does not know it."""
    if not tag:
        return ""
    try:
        return get_language_info(tag.lower())["name"]
    except KeyError:
        return tag
