"""Clashes between cues (cue_rules.find_clashes) and the packed rows of the cue editor (forms.unpack_cue_rows)."""

import json
from types import SimpleNamespace

from django.http import QueryDict

from listening.tracks.cue_rules import GAP, OVERLAP, PAST_THE_END, find_clashes
from listening.tracks.forms import unpack_cue_rows


def cue(start, end=None, layer="music", title="A cue"):
    return SimpleNamespace(start_ms=start, end_ms=end, layer=layer, title=title)


def kinds(clashes):
    return [(clash.kind, clash.layer, clash.start_ms, clash.end_ms, clash.indexes) for clash in clashes]


def test_cues_that_run_to_the_next_one_never_clash():
    assert find_clashes([cue(0), cue(5000), cue(9000), cue(2000, layer="film")], 20_000) == []


def test_an_overlap_within_a_layer_is_found_whoever_reaches_furthest():
    cues = [cue(0, 30_000, layer="film"), cue(10_000, 12_000, layer="film"), cue(20_000, 25_000, layer="film")]
    assert kinds(find_clashes(cues, 60_000)) == [
        (OVERLAP, "film", 10_000, 12_000, (0, 1)),
        (OVERLAP, "film", 20_000, 25_000, (0, 2)),
    ]


def test_layers_do_not_clash_with_each_other():
    assert find_clashes([cue(0, 10_000, layer="film"), cue(5000, 8000, layer="story")], 60_000) == []


def test_silence_between_music_cues_and_before_the_end_is_a_gap():
    cues = [cue(0, 10_000, title="Intro"), cue(12_000, 20_000, title="Theme")]
    clashes = find_clashes(cues, 30_000)
    assert kinds(clashes) == [(GAP, "music", 10_000, 12_000, (0, 1)), (GAP, "music", 20_000, 30_000, (1,))]
    assert clashes[0].message == "No music cue from 0:10.0 to 0:12.0, between “Intro” and “Theme”."


def test_a_cue_past_the_end_is_a_clash_too():
    clashes = find_clashes([cue(0), cue(25_000, 40_000, layer="story", title="Late")], 30_000)
    assert kinds(clashes) == [(PAST_THE_END, "story", 25_000, 40_000, (1,))]


def test_a_cue_without_a_start_is_left_out():
    assert find_clashes([cue(None, 5000, layer="film"), cue(1000, 2000, layer="film")], 10_000) == []


def test_a_clash_keeps_its_key_until_it_moves():
    first = find_clashes([cue(0, 9000, layer="film"), cue(5000, 6000, layer="film")], 60_000)[0]
    again = find_clashes([cue(0, 9000, layer="film", title="Renamed"), cue(5000, 6000, layer="film")], 60_000)[0]
    moved = find_clashes([cue(0, 9000, layer="film"), cue(5100, 6000, layer="film")], 60_000)[0]
    assert first.key == again.key == "overlap:film:5000:6000"
    assert moved.key != first.key


def test_packed_rows_are_spread_out_as_if_each_field_had_its_own_input():
    contentstate = {"blocks": [], "entityMap": {}}
    packed = {"title": "Theme", "start_ms": "0:12.0", "performers": ["5", "6"], "commentary": contentstate}
    data = QueryDict(mutable=True)
    data["cues-0-packed"] = json.dumps(packed)
    data["cues-0-start_ms"] = "0:13.0"  # posted on its own: it wins over the packed copy
    data["title"] = "The track"
    spread = unpack_cue_rows(data)
    assert spread["cues-0-title"] == "Theme"
    assert spread["cues-0-start_ms"] == "0:13.0"
    assert spread.getlist("cues-0-performers") == ["5", "6"]
    assert json.loads(spread["cues-0-commentary"]) == contentstate
    assert spread["title"] == "The track"
    assert "cues-0-title" not in data  # the posted data itself is left alone


def test_a_packed_row_cannot_set_other_fields_and_bad_json_is_ignored():
    data = QueryDict(mutable=True)
    data["cues-0-packed"] = json.dumps({"title": "Theme", "track": "99", "csrfmiddlewaretoken": "x"})
    data["cues-1-packed"] = "{not json"
    spread = unpack_cue_rows(data)
    assert spread["cues-0-title"] == "Theme"
    assert "cues-0-track" not in spread and "cues-0-csrfmiddlewaretoken" not in spread
    assert not [key for key in spread if key.startswith("cues-1-") and key != "cues-1-packed"]
