"""schema.org JSON-LD on the public pages, read by a JSON-LD processor (PyLD) and compared with what
the page shows: the album and its tracks, a track's performers and its cues as clips, people."""

import json
import re

import pytest
from pyld import jsonld

from tests.factories import CueFactory, publish

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("guide")]

S = "http://schema.org/"
# schema.org's own context (https://schema.org/docs/jsonldcontext.jsonld) maps every term under the
# `http://schema.org/` vocabulary and marks `url` as an IRI; tests run offline, so it is given here.
SCHEMA_CONTEXT = {"@context": {"@vocab": S, "url": {"@id": f"{S}url", "@type": "@id"}}}


def offline_loader(url, options=None):
    assert url.rstrip("/") == "https://schema.org", f"the page's JSON-LD asked for another context: {url}"
    return {"contextUrl": None, "documentUrl": url, "document": SCHEMA_CONTEXT}


def json_ld_of(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1, f"{len(blocks)} JSON-LD blocks"
    return json.loads(blocks[0])


def expanded(client, url):
    html = client.get(url).content.decode()
    document = json_ld_of(html)
    nodes = jsonld.expand(document, {"documentLoader": offline_loader})
    assert len(nodes) == 1
    return nodes[0], html


def values(node, term):
    return [item.get("@value", item.get("@id")) for item in node.get(S + term, [])]


def value(node, term):
    found = values(node, term)
    assert len(found) == 1, (term, found)
    return found[0]


def test_a_track_is_a_music_recording_with_its_performers_and_cues_as_clips(client, guide):
    node, html = expanded(client, guide.track.url)
    assert node["@type"] == [S + "MusicRecording"]
    assert value(node, "name") == "Générique"
    assert value(node, "url") == f"http://testserver{guide.track.url}"
    assert value(node, "duration") == "PT2M45S"
    album = node[S + "inAlbum"][0]
    assert album["@type"] == [S + "MusicAlbum"] and value(album, "name") == "Nuit de verre"
    # Who plays: the people the page's "Who plays" panel shows, in its order.
    shown_players = re.findall(r'<span class="performer-name">([^<]+)</span>', html)
    performers = node[S + "byArtist"]
    assert [p["@type"] for p in performers] == [[S + "Person"]] * len(performers)
    assert [value(p, "name") for p in performers] == shown_players == ["Lena Marsh", "Jules Okafor", "Tomas Varga"]
    assert value(performers[2], "url") == f"http://testserver{guide.bassist.url}"
    # Each cue on the page is a clip with the page's own start and end.
    shown_cues = re.findall(r'<li data-cue id="cue-([^"]+)"[^>]*data-start="([^"]+)" data-end="([^"]+)"', html)
    clips = node[S + "hasPart"]
    assert len(clips) == len(shown_cues) == 8
    for clip, (slug, start, end) in zip(clips, shown_cues, strict=True):
        assert clip["@type"] == [S + "Clip"]
        assert value(clip, "url") == f"http://testserver{guide.track.url}cues/{slug}/"
        assert float(value(clip, "startOffset")) == float(start)
        assert float(value(clip, "endOffset")) == float(end)
        assert value(clip, "name") == guide.track.cues.get(slug=slug).title
    # A cue's end defaults to the next cue's start, or the track's end.
    by_slug = {value(clip, "url").rstrip("/").rsplit("/", 1)[1]: clip for clip in clips}
    assert value(by_slug["trumpet-enters"], "endOffset") == 45
    assert value(by_slug["why-a-lift"], "endOffset") == 165


def test_a_cue_permalink_carries_the_same_recording(client, guide):
    cue = guide.track.cues.get(slug="the-lift-stops")
    node, _ = expanded(client, guide.track.cue_url(cue))
    assert node["@type"] == [S + "MusicRecording"]
    assert len(node[S + "hasPart"]) == 8


def test_fractional_offsets_stay_exact(client, guide):
    CueFactory(track=guide.track, slug="late", title="Late", start_ms=130_250)
    node, _ = expanded(client, guide.track.url)
    late = next(clip for clip in node[S + "hasPart"] if value(clip, "name") == "Late")
    assert value(late, "startOffset") == 130.25


def test_the_soundtrack_is_a_music_album_with_the_tracks_it_lists(client, guide):
    guide.other_take.unpublish()
    node, html = expanded(client, guide.soundtrack.url)
    assert node["@type"] == [S + "MusicAlbum"]
    assert value(node, "name") == "Nuit de verre"
    tracks = node[S + "track"]
    listed = re.findall(r'<li class="track-row">\s*<a href="([^"]+)"', html)
    assert [value(track, "url") for track in tracks] == [f"http://testserver{url}" for url in listed]
    assert [value(track, "url") for track in tracks] == [f"http://testserver{guide.track.url}"]  # not the draft
    assert value(node, "numTracks") == 1
    assert value(tracks[0], "position") == 1
    assert tracks[0]["@type"] == [S + "MusicRecording"]


def test_a_person_is_a_person(client, guide):
    node, html = expanded(client, guide.bassist.url)
    assert node["@type"] == [S + "Person"]
    assert value(node, "name") == "Tomas Varga"
    assert value(node, "jobTitle") == "Double bass"
    assert value(node, "url") == f"http://testserver{guide.bassist.url}"


def test_hostile_text_cannot_end_the_data_block(client, guide):
    hostile = '</script><script>alert(1)</script><!-- "quoted" & more'
    guide.bassist.title = hostile
    guide.bassist.role = "</SCRIPT >"
    publish(guide.bassist)
    node, html = expanded(client, guide.bassist.url)
    assert value(node, "name") == hostile
    assert value(node, "jobTitle") == "</SCRIPT >"
    assert "<script>alert(1)" not in html and "</SCRIPT >" not in html
    node, html = expanded(client, guide.track.url)
    assert hostile in [value(p, "name") for p in node[S + "byArtist"]]


def test_pages_without_a_schema_type_have_no_block(client, guide):
    html = client.get(guide.lift.url).content.decode()
    assert "application/ld+json" not in html
