import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from listening.people.models import PeopleIndexPage, PersonPage
from listening.scenes.models import ScenePage, ScenesIndexPage
from listening.site.models import HomePage
from listening.tracks.models import SoundtrackPage, TrackPage
from tests.builders import add_person, add_scene, add_track, build_site

pytestmark = pytest.mark.django_db


def get(client, page, query=""):
    response = client.get(page.url + query)
    assert response.status_code == 200, (page.url, response.status_code)
    return response.content.decode()


@pytest.mark.parametrize(
    "model", [HomePage, SoundtrackPage, PeopleIndexPage, PersonPage, ScenesIndexPage, ScenePage, TrackPage]
)
def test_every_kind_of_page_renders(client, model):
    for page in model.objects.live():
        html = get(client, page)
        assert "<main" in html and "</html>" in html


def test_track_page_follows_the_player_contract(client):
    track = TrackPage.objects.get(slug="generique")
    html = get(client, track)
    assert html.count("<audio data-player") == 1
    assert re.search(
        r"<h1[^>]*><span lang=\"fr\">Générique</span> <span class=\"title-en\">Opening Titles</span>", html
    )
    cues = re.findall(r'<li data-cue id="cue-([a-z0-9-]+)"[^>]*data-start="([\d.]+)" data-end="([\d.]+)"', html)
    assert len(cues) == track.cues.count() >= 5
    starts = [float(start) for _, start, _ in cues]
    assert starts == sorted(starts)
    for _, start, end in cues:
        assert float(end) > float(start)
    # At 0:00 the opening cue is current, and only cues that sound at 0:00 are.
    current = re.findall(r'id="cue-([a-z0-9-]+)"[^>]*aria-current="true"', html)
    assert current and all(float(s) == 0 for slug, s, _ in cues if slug in current)
    # Of the cues sounding together, the stage shows the one that began last (in list order).
    assert re.search(r'<figure class="stage" data-stage>\s*<img [^>]*data-cue="' + current[-1] + '"', html)
    assert 'data-performer="miles-davis"' in html


def test_deep_link_marks_the_cue_and_still_on_the_server(client):
    track = TrackPage.objects.get(slug="generique")
    spans = sorted(track.cues.filter(layer="music"), key=lambda cue: cue.start_ms)
    target = spans[2]
    moment = (target.start_ms + 500) / 1000
    html = get(client, track, f"?t={moment}")
    current = re.findall(r'id="cue-([a-z0-9-]+)"[^>]*data-start="([\d.]+)"[^>]*aria-current="true"', html)
    assert target.slug in [slug for slug, _ in current]
    # The stage shows the still of the latest-starting cue that sounds now.
    latest = max(current, key=lambda item: float(item[1]))[0]
    stage = html.split("data-stage", 1)[1].split("</figure>", 1)[0]
    assert f'data-cue="{latest}"' in stage
    assert f"#t={moment:g}" in html  # the audio element starts there even without scripts


@pytest.mark.parametrize("bad", ["abc", "-5", "99999", "1:99", "%00", "1,0", "<script>", "9" * 500])
def test_bad_deep_links_still_render_the_track(client, bad):
    track = TrackPage.objects.get(slug="generique")
    response = client.get(track.url, {"t": bad})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>" not in html.split("<main", 1)[1]
    assert "data-start-at" not in html


def test_pages_link_both_ways(client):
    davis = PersonPage.objects.get(slug="miles-davis")
    html = get(client, davis)
    for track in TrackPage.objects.live():
        if track.credits.filter(person=davis).exists():
            assert track.url in html
    assert "#cue-" in html

    wilen = PersonPage.objects.get(slug="barney-wilen")
    wilen_html = get(client, wilen)
    assert TrackPage.objects.get(slug="generique").url in wilen_html
    assert TrackPage.objects.get(number=6).url not in wilen_html  # Dîner au motel: no tenor

    scene = ScenePage.objects.filter(cues__isnull=False).distinct().first()
    scene_html = get(client, scene)
    for cue in scene.cues.all():
        assert f"#cue-{cue.slug}" in scene_html

    generique = TrackPage.objects.get(slug="generique")
    track_html = get(client, generique)
    assert TrackPage.objects.get(number=5).url in track_html  # the other take of the same session piece
    for credit in generique.credits.all():
        assert credit.person.url in track_html
    for cue in generique.cues.all():
        assert cue.scene.url in track_html


def test_soundtrack_story_has_myth_and_record_and_every_track(client):
    soundtrack = SoundtrackPage.objects.get()
    html = get(client, soundtrack)
    assert "Myth and record" in html
    for track in TrackPage.objects.live():
        assert track.url in html
    numbers = [int(n) for n in re.findall(r'<span class="track-number">(\d+)</span>', html)]
    assert numbers == list(range(1, 11))


def _render_track_queries(client, track):
    client.get(track.url)  # first render creates renditions; measure a warm page
    with CaptureQueriesContext(connection) as queries:
        response = client.get(track.url)
    assert response.status_code == 200
    return len(queries)


def test_track_page_query_count_does_not_grow_with_cues(client):
    tree = build_site()
    person = add_person(tree["people"], "Test Player", "test-player")
    scene = add_scene(tree["scenes"], "A scene", "a-scene")
    few = add_track(tree["soundtrack"], slug="few", number=1, cues=5, performers=[person], scene=scene)
    many = add_track(tree["soundtrack"], slug="many", number=2, cues=60, performers=[person], scene=scene)
    assert _render_track_queries(client, few) == _render_track_queries(client, many)


def test_demo_track_query_count_is_bounded(client):
    track = TrackPage.objects.get(slug="generique")
    assert _render_track_queries(client, track) < 40
