"""Naming a language from its tag, for editors: the track form names the soundtrack's language."""

import pytest

from listening.core.languages import language_name


@pytest.mark.parametrize(
    ("tag", "name"),
    [
        ("fr", "French"),
        ("FR", "French"),  # tags are case-insensitive
        ("en", "English"),
        ("pt-BR", "Brazilian Portuguese"),
        ("pt-br", "Brazilian Portuguese"),
        ("zh-hans", "Simplified Chinese"),
        ("de-AT", "German"),  # a region Django does not name falls back to its language
        ("es-419", "Spanish"),
        ("", ""),
        ("xx", "xx"),  # unknown: the tag itself, never an error
        ("xx-YY", "xx-YY"),
        ("klingon", "klingon"),
    ],
)
def test_language_name(tag, name):
    assert language_name(tag) == name
