"""The `language` template tags: `lang_attr` marks text in another language than the page's."""

import pytest
from django.template import Context, Template

from listening.core.templatetags.language import lang_attr


@pytest.mark.parametrize(
    ("language", "attribute"),
    [
        ("fr", ' lang="fr"'),
        ("pt-BR", ' lang="pt-BR"'),  # the tag as the editor gave it
        ("", ""),
        (None, ""),
        ('fr" onmouseover="alert(1)', ' lang="fr&quot; onmouseover=&quot;alert(1)"'),
        ("<script>", ' lang="&lt;script&gt;"'),
    ],
)
def test_lang_attr(language, attribute):
    assert lang_attr(language) == attribute


@pytest.mark.parametrize(
    ("language", "html"),
    [
        ("fr", '<span lang="fr">Générique</span>'),
        ("", "<span>Générique</span>"),
        ('x"><script>', '<span lang="x&quot;&gt;&lt;script&gt;">Générique</span>'),  # escaped once, not twice
    ],
)
def test_lang_attr_in_a_template(language, html):
    template = Template("{% load language %}<span{{ language|lang_attr }}>{{ title }}</span>")
    assert template.render(Context({"language": language, "title": "Générique"})) == html
