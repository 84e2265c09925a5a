"""One guide among many: a soundtrack's pages show nothing of another soundtrack."""

import re

import pytest

from tests.factories import (
    CueFactory,
    LessonPageFactory,
    PersonPageFactory,
    ScenePageFactory,
    ScenesIndexPageFactory,
    SoundtrackPageFactory,
    TrackCreditFactory,
    TrackPageFactory,
    home_page,
    listening_step,
    people_index,
)

# The guide is one more soundtrack in the site, with text of its own that must stay on its own pages.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("guide")]


def build_soundtrack(word: str, language: str):
    """A soundtrack whose every text carries `word`, so another soundtrack's pages can be searched for it."""
    soundtrack = SoundtrackPageFactory(
        parent=home_page(),
        title=f"{word} Nights",
        slug=f"{word.lower()}-nights",
        subtitle=f"{word} Quartet, 1961",
        original_language=language,
        footer=f"<p>{word} footer: the {word} Quartet, recorded by {word} Studios.</p>",
        intro=f"<p>The {word} story.</p>",
    )
    people = people_index()
    player = PersonPageFactory(parent=people, title=f"{word} Player", slug=f"{word.lower()}-player")
    actor = PersonPageFactory(parent=people, title=f"{word} Actor", slug=f"{word.lower()}-actor", kind="film")
    scenes = ScenesIndexPageFactory(parent=soundtrack)
    scene = ScenePageFactory(parent=scenes, title=f"{word} Street", slug=f"{word.lower()}-street")
    scene.cast.set([actor])
    tracks = []
    for number in (1, 2):
        track = TrackPageFactory(
            parent=soundtrack,
            title=f"{word} Theme {number}",
            slug=f"{word.lower()}-theme-{number}",
            number=number,
            session_piece=f"{word} Theme",
            take=number,
        )
        TrackCreditFactory(track=track, person=player)
        CueFactory(track=track, slug="opening", title=f"{word} opening", start_ms=0, scene=scene, performers=[player])
        CueFactory(track=track, slug="turn", title=f"{word} turn", start_ms=60_000, scene=scene, performers=[player])
        tracks.append(track)
    lesson = LessonPageFactory(
        parent=soundtrack,
        title=f"{word} lesson",
        slug=f"{word.lower()}-lesson",
        steps=[listening_step(tracks[0], "0:00", "1:00", prompt=f"Listen for the {word} turn.")],
    )
    built = {"soundtrack": soundtrack, "scenes": scenes, "scene": scene, "people": [player, actor], "tracks": tracks}
    return {**built, "lesson": lesson}


@pytest.fixture
def two_soundtracks():
    return build_soundtrack("Zanzibar", "fr"), build_soundtrack("Quillon", "pt-BR")


def public_urls(built):
    lesson = built["lesson"].url
    urls = [
        built["soundtrack"].url,
        built["scenes"].url,
        built["scene"].url,
        lesson,
        f"{lesson}embed/",
        f"{lesson}print/",
    ]
    urls += [person.url for person in built["people"]]
    for track in built["tracks"]:
        urls += [track.url, track.cue_url(track.cues.first()), f"{track.url}cues.vtt", f"{track.url}cues.csv"]
    return urls


def test_no_page_of_one_soundtrack_shows_text_or_links_of_another(client, guide, two_soundtracks):
    first, second = two_soundtracks
    guide_words = [guide.soundtrack.title, guide.trumpeter.title, guide.track.title_en, guide.lift.title]
    first_links = {page.url for page in [first["soundtrack"], first["scenes"], first["scene"], *first["tracks"]]}
    for url in public_urls(second):
        for headers in ({}, {"HX-Request": "true", "HX-Boosted": "true"}):
            response = client.get(url, headers=headers)
            assert response.status_code == 200, url
            body = response.content.decode()
            assert "Zanzibar" not in body, f"{url} shows text of another soundtrack"
            for word in guide_words:
                assert word not in body, f"{url} shows “{word}”, of another soundtrack"
            hrefs = set(re.findall(r'href="([^"#?]*)', body))
            assert not hrefs & first_links, f"{url} links to another soundtrack: {hrefs & first_links}"
            assert "Quillon" in body


def test_header_and_footer_come_from_the_soundtrack_the_reader_is_in(client, two_soundtracks):
    first, second = two_soundtracks
    for built, word in ((first, "Zanzibar"), (second, "Quillon")):
        html = client.get(built["tracks"][0].url).content.decode()
        header = html[html.index('<header id="site-header"') : html.index("</header>")]
        assert f'href="{built["soundtrack"].url}"' in header
        assert f'href="{built["scenes"].url}"' in header
        footer = html[html.index('<footer id="site-footer"') : html.index("</footer>")]
        assert f"{word} footer" in footer


def test_titles_are_marked_with_their_soundtracks_language(client, two_soundtracks):
    first, second = two_soundtracks
    french = client.get(first["tracks"][0].url).content.decode()
    portuguese = client.get(second["tracks"][0].url).content.decode()
    assert '<span lang="fr">Zanzibar Theme 1</span>' in french
    assert '<span lang="pt-BR">Quillon Theme 1</span>' in portuguese
    assert 'lang="fr"' not in portuguese
    # Lists that gather tracks of any soundtrack mark each title with its own language.
    player_page = client.get(second["people"][0].url).content.decode()
    assert '<span lang="pt-BR">Quillon Theme 1</span>' in player_page


def test_a_soundtrack_in_english_marks_no_language(client):
    built = build_soundtrack("Wexford", "")
    html = client.get(built["tracks"][0].url).content.decode()
    assert "<span>Wexford Theme 1</span>" in html


def test_home_lists_every_soundtrack(client, two_soundtracks):
    html = client.get(home_page().url).content.decode()
    for built in two_soundtracks:
        assert f'href="{built["soundtrack"].url}"' in html


def test_pages_outside_a_soundtrack_name_none_when_there_are_several(client, two_soundtracks):
    first, second = two_soundtracks
    html = client.get(second["people"][0].url).content.decode()
    header = html[html.index('<header id="site-header"') : html.index("</header>")]
    assert first["soundtrack"].url not in header and second["soundtrack"].url not in header
    assert ">Soundtracks</a>" in header
