import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from listening.people.models import PeopleIndexPage, PersonPage
from listening.scenes.models import ScenePage, ScenesIndexPage
from listening.site.models import HomePage
from listening.tracks.models import SoundtrackPage, TrackPage
from tests.factories import (
    CueFactory,
    PersonPageFactory,
    ScenePageFactory,
    TrackCreditFactory,
    TrackPageFactory,
    publish,
)

pytestmark = pytest.mark.django_db


def get(client, page, query=""):
    response = client.get(page.url + query)
    assert response.status_code == 200, (page.url, response.status_code)
    return response.content.decode()


@pytest.mark.parametrize(
    "model", [HomePage, SoundtrackPage, PeopleIndexPage, PersonPage, ScenesIndexPage, ScenePage, TrackPage]
)
def test_every_kind_of_page_renders(client, guide, model):
    pages = model.objects.live()
    assert pages
    for page in pages:
        html = get(client, page)
        assert "<main" in html and "</html>" in html


def test_track_page_follows_the_player_contract(client, guide):
    track = guide.track
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
    assert f'data-performer="{guide.trumpeter.slug}"' in html


def test_deep_link_marks_the_cue_and_still_on_the_server(client, guide):
    track = guide.track
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
def test_bad_deep_links_still_render_the_track(client, guide, bad):
    track = guide.track
    response = client.get(track.url, {"t": bad})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>" not in html.split("<main", 1)[1]
    assert "data-start-at" not in html


def test_pages_link_both_ways(client, guide):
    trumpeter_html = get(client, guide.trumpeter)
    credited = [track for track in TrackPage.objects.live() if track.credits.filter(person=guide.trumpeter).exists()]
    assert len(credited) == 2
    for track in credited:
        assert track.url in trumpeter_html
    assert "#cue-" in trumpeter_html

    saxophonist_html = get(client, guide.saxophonist)
    assert guide.track.url in saxophonist_html
    assert guide.other_take.url not in saxophonist_html  # no saxophone on the other take

    scene = guide.lift
    scene_html = get(client, scene)
    assert scene.cues.exists()
    for cue in scene.cues.all():
        assert f"#cue-{cue.slug}" in scene_html

    track_html = get(client, guide.track)
    assert guide.other_take.url in track_html  # the other take of the same session piece
    for credit in guide.track.credits.all():
        assert credit.person.url in track_html
    for cue in guide.track.cues.all():
        assert cue.scene.url in track_html


def test_soundtrack_story_has_myth_and_record_and_every_track(client, guide):
    # Two more tracks, added out of LP order: the list follows the record, not the page tree.
    for number in (4, 3):
        publish(TrackPageFactory(parent=guide.soundtrack, number=number))
    html = get(client, guide.soundtrack)
    assert "Myth and record" in html
    for track in TrackPage.objects.live():
        assert track.url in html
    numbers = [int(n) for n in re.findall(r'<span class="track-number">(\d+)</span>', html)]
    assert numbers == [1, 2, 3, 4]


def _render_track_queries(client, track):
    client.get(track.url)  # first render creates renditions; measure a warm page
    with CaptureQueriesContext(connection) as queries:
        response = client.get(track.url)
    assert response.status_code == 200
    return len(queries)


def track_with_cues(guide, count):
    """A published track whose every cue has a performer and a scene; every other cue's scene has a still."""
    player = PersonPageFactory(parent=guide.people)
    scene = ScenePageFactory(parent=guide.scenes)
    track = TrackPageFactory(parent=guide.soundtrack)
    TrackCreditFactory(track=track, person=player)
    step = track.listed_length_ms // count
    # Built in memory and saved with the page, as the editor saves them: sixty rows in one publish.
    track.cues = [
        CueFactory.build(start_ms=index * step, scene=guide.lift if index % 2 else scene, performers=[player])
        for index in range(count)
    ]
    return publish(track)


def test_track_page_query_count_does_not_grow_with_cues(client, guide):
    few, many = track_with_cues(guide, 5), track_with_cues(guide, 60)
    assert _render_track_queries(client, few) == _render_track_queries(client, many)


def test_track_query_count_is_bounded(client, guide):
    assert _render_track_queries(client, guide.track) < 40
