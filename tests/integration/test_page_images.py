"""The large pictures at the top of the home page and the story: their size is known before they load
(no layout shift) and a phone is offered a smaller file than a wide screen."""

import re

import pytest

from tests.factories import ImageFactory, publish

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("where", ["home", "story"])
def test_the_top_picture_has_its_size_and_a_phone_sized_source(client, guide, where):
    guide.soundtrack.cover = ImageFactory(title="Cover", file__width=1800, file__height=900)
    publish(guide.soundtrack)
    url = guide.home.url if where == "home" else guide.soundtrack.url
    html = client.get(url).content.decode()
    img = re.search(r'<img class="(?:album-card|hero)-image"[^>]*>', html).group(0)
    width, height = (int(re.search(rf'{name}="(\d+)"', img).group(1)) for name in ("width", "height"))
    assert width == 2 * height
    sources = re.findall(r"(\S+) (\d+)w", re.search(r'srcset="([^"]+)"', img).group(1))
    assert len(sources) == 2 and int(sources[0][1]) < int(sources[1][1])
    assert 'sizes="' in img
    for source, _ in sources:
        assert client.get(source).status_code == 200
