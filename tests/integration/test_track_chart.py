"""The chart under the player and the track page's other reader-facing parts, as the server renders them."""

import re
from html import unescape

import pytest

from listening.tracks.chart import MIN_SHARE, build_chart
from listening.tracks.timeline import cue_spans

pytestmark = pytest.mark.django_db


@pytest.fixture
def html(client, guide):
    return client.get(guide.track.url).content.decode()


def chart_of(html):
    return html.split('<figure class="chart"', 1)[1].split("</figure>", 1)[0]


def test_the_chart_draws_the_waveform_from_the_stored_peaks(html):
    chart = chart_of(html)
    path = re.search(r'<svg class="chart-wave"[^>]*><path d="(M[^"]+Z)"', chart)
    assert path, "no waveform path"
    # The tone is steady: the envelope's points sit well away from the middle line (y = 20).
    ys = [float(point.split(",")[1]) for point in re.findall(r"[\d.]+,[\d.]+", path.group(1))]
    assert min(ys) < 16 and max(ys) > 24


def test_the_chart_has_a_lane_per_layer_scenes_and_musicians(html, guide):
    chart = chart_of(html)
    for label in ("Music", "Film", "Story", "Scenes"):
        assert f">{label}</span>" in chart
    # Every cue is a mark that seeks (a ?t= link without scripts), named by its time and title.
    marks = re.findall(r'<a class="chart-mark chart-mark--(\w+)" href="\?t=([\d.]+)#cue-([\w-]+)"', chart)
    assert {slug for _, _, slug in marks} == {cue.slug for cue in guide.track.cues.all()}
    assert ("music", "20", "trumpet-enters") in marks
    assert '0:20–0:45: </span><span class="chart-mark-title">Trumpet enters' in chart
    # Scenes: one bar for each run of the same scene.
    assert re.findall(r'data-scene-mark="([\w-]+)"', chart) == ["night-streets", "trapped-in-the-lift"]
    # A lane per musician, in credit order, with when they play as text.
    lanes = re.findall(r'chart-row--performer" data-performer="([\w-]+)"', chart)
    assert lanes == ["lena-marsh", "jules-okafor", "tomas-varga"]
    assert "Jules Okafor plays 0:45–1:15, 1:40–2:45." in unescape(chart)


def test_performers_playing_at_the_moment_are_marked_in_the_chart(client, guide):
    chart = chart_of(client.get(guide.track.url + "?t=50").content.decode())
    active = re.findall(r'data-performer="([\w-]+)" data-active', chart)
    assert sorted(active) == ["jules-okafor", "lena-marsh", "tomas-varga"]
    assert 'data-mark-for="saxophone-answers" data-active' in chart
    assert re.search(r'data-playhead style="transform: translateX\(30\.303%\)"', chart)


def test_a_deep_link_range_is_drawn_on_the_chart(client, guide):
    html = client.get(guide.track.url + "?t=1:23,1:30").content.decode()
    chart = chart_of(html)
    assert re.search(r'data-chart-selection style="left: 50\.303%; width: 4\.242%"', chart)
    assert "This link plays 1:23–1:30." in chart


def test_marks_that_would_overlap_go_on_rows_of_their_own(guide):
    cues = list(guide.track.cues.all())
    # Two music cues a second apart: closer than a mark's width, so on two rows.
    cues[0].start_ms, cues[2].start_ms = 0, 1000
    chart = build_chart(cue_spans(cues, 165_000), 165_000)
    music = next(lane for lane in chart["lanes"] if lane.key == "music")
    rows = {bar.slug: bar.row for bar in music.bars}
    assert rows["bass-alone"] != rows["trumpet-enters"]
    assert music.rows >= 2
    # Bars far enough apart share the first row.
    assert rows["last-bars"] == 0 and MIN_SHARE * 165_000 < 100_000 - 75_000


def test_no_chart_without_cues(client, guide):
    guide.track.cues.all().delete()
    assert "data-chart" not in client.get(guide.track.url).content.decode()


def test_previous_and_next_track_links(client, guide):
    first = client.get(guide.track.url).content.decode()
    assert re.search(r'<a href="/nuit-de-verre/generique-take-2/" rel="next" data-next-track>', first)
    assert 'rel="prev"' not in first
    assert f'data-next-url="{guide.other_take.url}"' in first
    assert "Play the next track when this one ends" in first
    second = client.get(guide.other_take.url).content.decode()
    assert re.search(r'<a href="/nuit-de-verre/generique/" rel="prev" data-previous-track>', second)
    assert 'rel="next"' not in second and "data-continuous" not in second


def test_audio_details_are_for_editors_not_readers(client, guide, admin_user):
    assert "kb/s" not in client.get(guide.track.url).content.decode()
    client.force_login(admin_user)
    assert "kb/s" in client.get(guide.track.url).content.decode()


def test_the_stage_names_the_cue_sounding_now(client, guide):
    html = client.get(guide.track.url + "?t=50").content.decode()
    assert '<p class="stage-cue" data-stage-cue aria-hidden="true">Saxophone answers</p>' in html
