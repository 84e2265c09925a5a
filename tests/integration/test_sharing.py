"""Link previews and search engines: every public page has a description, a canonical URL, Open Graph
and Twitter tags with plain text and an absolute preview image (listening.core.sharing)."""

from html.parser import HTMLParser

import pytest

from tests.factories import ImageFactory, publish

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("guide")]

HOSTILE = 'Tom "Red" <b>O\'Neil</b> & <script>alert(1)</script>'


class HeadReader(HTMLParser):
    """The <head>'s meta tags and canonical link, as a browser or a crawler reads them (entities decoded)."""

    def __init__(self):
        super().__init__()
        self.meta, self.canonical, self.counts = {}, None, {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            key = attrs.get("property") or attrs.get("name")
            self.meta[key] = attrs.get("content")
            self.counts[key] = self.counts.get(key, 0) + 1
        if tag == "link" and attrs.get("rel") == "canonical":
            self.canonical = attrs["href"]


def head_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    reader = HeadReader()
    reader.feed(response.content.decode())
    return reader


def public_pages(guide):
    cue = guide.track.cues.get(slug="the-lift-stops")
    return {
        "home": guide.home.url,
        "soundtrack": guide.soundtrack.url,
        "track": guide.track.url,
        "cue permalink": guide.track.cue_url(cue),
        "person": guide.bassist.url,
        "people index": guide.people.url,
        "scene": guide.lift.url,
        "scenes index": guide.scenes.url,
        "search": "/search/",
    }


@pytest.fixture
def pictured(guide):
    """The guide with a cover and a portrait, so every page has a picture of its own to offer."""
    guide.soundtrack.cover = ImageFactory(title="Cover of the record", file__width=600, file__height=600)
    publish(guide.soundtrack)
    guide.bassist.portrait = ImageFactory(title="Portrait of Tomas Varga", file__width=400, file__height=500)
    publish(guide.bassist)
    return guide.fresh()


def test_every_public_page_has_a_description_and_link_preview(client, pictured):
    for name, url in public_pages(pictured).items():
        head = head_of(client, url)
        meta = head.meta
        for key in ("description", "og:title", "og:description", "og:url", "og:type", "og:image", "twitter:card"):
            assert meta.get(key), f"the {name} page has no {key}"
            assert head.counts[key] == 1, f"the {name} page says {key} twice"
        assert meta["og:description"] == meta["description"] == meta["twitter:description"]
        assert 20 <= len(meta["description"]) <= 161, (name, meta["description"])
        assert "<" not in meta["description"], f"the {name} page's description holds markup"
        assert meta["og:url"] == head.canonical == f"http://testserver{url}", name
        assert meta["og:image"].startswith("http://testserver/media/images/"), (name, meta["og:image"])
        assert meta["twitter:image"] == meta["og:image"]
        assert int(meta["og:image:width"]) > 0 and int(meta["og:image:height"]) > 0
        image = client.get(meta["og:image"].removeprefix("http://testserver"))
        assert image.status_code == 200 and image["Content-Type"] == "image/jpeg", name


def test_each_page_shows_its_own_picture(client, pictured):
    guide = pictured
    cover = guide.soundtrack.cover
    expected = {
        guide.soundtrack.url: cover,
        guide.bassist.url: guide.bassist.portrait,
        guide.lift.url: guide.lift.first_still,
        guide.scenes.url: guide.streets.first_still,  # the first scene's
        guide.track.cue_url(guide.track.cues.get(slug="the-lift-stops")): guide.track.cues.get(
            slug="the-lift-stops"
        ).still,
        # A cue without a still of its own shows its scene's.
        guide.track.cue_url(guide.track.cues.get(slug="last-bars")): guide.lift.first_still,
        guide.people.url: cover,  # nothing of its own: the soundtrack's cover
        "/search/": cover,
    }
    for url, image in expected.items():
        meta = head_of(client, url).meta
        renditions = {r.url for r in image.renditions.all()}
        assert meta["og:image"].removeprefix("http://testserver") in renditions, url
    # A portrait stays a square, a still is wide.
    person = head_of(client, guide.bassist.url).meta
    assert person["og:image:width"] == person["og:image:height"] == "400"  # small originals are not enlarged
    assert person["twitter:card"] == "summary"
    assert person["og:type"] == "profile"
    scene = head_of(client, guide.lift.url).meta
    assert round(int(scene["og:image:width"]) / int(scene["og:image:height"]), 1) == 1.9
    assert scene["twitter:card"] == "summary_large_image"


def test_page_types_say_what_they_are(client, guide):
    assert head_of(client, guide.soundtrack.url).meta["og:type"] == "music.album"
    assert head_of(client, guide.track.url).meta["og:type"] == "music.song"
    assert head_of(client, guide.home.url).meta["og:type"] == "website"


def test_a_cue_permalink_describes_its_cue(client, guide):
    cue = guide.track.cues.get(slug="the-lift-stops")
    meta = head_of(client, guide.track.cue_url(cue)).meta
    assert meta["og:title"] == "The lift stops · Générique"
    assert meta["description"] == "The power is cut between floors. Listen for how the texture changes here."
    track = head_of(client, guide.track.url).meta
    assert track["og:title"] == "Générique"
    assert track["description"].startswith("Générique (Opening Titles), track 1 of Nuit de verre")


def test_an_editors_search_description_wins(client, guide):
    guide.bassist.search_description = "Bassist of the session."
    publish(guide.bassist)
    assert head_of(client, guide.bassist.url).meta["description"] == "Bassist of the session."


def test_hostile_titles_and_text_are_plain_escaped_text(client, guide):
    person = guide.bassist
    person.title = HOSTILE
    person.role = 'Bass "upright" & <i>bowed</i>'
    person.biography = "<p>Plays &lt;script&gt;alert(2)&lt;/script&gt; and <b>bold</b> lines.</p>"
    publish(person)
    html = client.get(person.url).content.decode()
    head = html.split("</head>", 1)[0]
    assert "<script>alert" not in head and "<b>" not in head and "<i>" not in head
    meta = head_of(client, person.url).meta
    assert meta["og:title"] == HOSTILE
    assert meta["twitter:title"] == HOSTILE
    assert (
        meta["description"]
        == (f'{HOSTILE}: Bass "upright" & <i>bowed</i>. Plays <script>alert(2)</script> and bold lines.')[
            : len(meta["description"])
        ]
    )


def test_long_text_is_cut_between_words(client, guide):
    guide.lift.summary = "<p>" + " ".join(["Elevator"] * 60) + "</p>"
    publish(guide.lift)
    description = head_of(client, guide.lift.url).meta["description"]
    assert description.endswith("Elevator…") and len(description) <= 161


def test_htmx_navigation_gets_no_head(client, guide):
    html = client.get(guide.bassist.url, headers={"HX-Request": "true"}).content.decode()
    assert "og:title" not in html
