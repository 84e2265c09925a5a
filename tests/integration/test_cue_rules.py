"""The rules a track save obeys, through the real page editor: messages beside the field, nothing saved."""

import json
import re

import pytest
from wagtail.models import Revision

from listening.tracks.models import Cue
from tests.admin_forms import add_cue, cue_index, edit_data, edit_url

pytestmark = pytest.mark.django_db

REFUSED = "The page could not be saved due to validation errors"


@pytest.fixture
def track(guide):
    """165 s of audio; music cues start at 0:00, 0:20, 0:45, 1:15 and 1:40 (see tests.factories.Guide)."""
    return guide.track


def latest_revision_id(page):
    page.refresh_from_db()
    return page.get_latest_revision().pk


def fresh(page):
    page.refresh_from_db()
    return page


def post(client, page, data):
    return client.post(edit_url(page), data)


def errors_of(response):
    html = response.content.decode()
    return [re.sub(r"\s+", " ", m).strip() for m in re.findall(r'class="error-message"[^>]*>(.*?)</', html, re.S)]


def field_errors(html, index, field):
    """The text of the error block Wagtail renders beside one field of one cue row."""
    marker = f'id="panel-child-content-child-cues-{index}-child-panel-child-{field}-errors">'
    if marker not in html:
        return ""
    return re.sub(r"<[^>]+>|\s+", " ", html.split(marker, 1)[1].split("</div>", 1)[0])


def test_an_unchanged_save_makes_a_revision(admin_client, track):
    before = latest_revision_id(track)
    response = post(admin_client, track, edit_data(admin_client, track))
    assert response.status_code == 302, errors_of(response)
    assert latest_revision_id(track) != before


@pytest.mark.parametrize(
    ("start", "end", "field", "message"),
    [
        ("0:30", "0:20", "end_ms", "The end must come after the start."),
        ("0:30", "0:30", "end_ms", "The end must come after the start."),
        ("2:40", "3:10", "end_ms", "The end, 3:10.0, is after the audio ends at 2:45.0."),
        ("2:50", "", "start_ms", "This cue starts at 2:50.0, but the audio ends at 2:45.0."),
        ("1:7x", "", "start_ms", "is not a time"),
        ("0:20", "soon", "end_ms", "is not a time"),
        ("0:00", "", "start_ms", "of the same layer also starts at 0:00.0"),
    ],
)
def test_a_bad_cue_is_refused_beside_its_field_and_nothing_is_saved(admin_client, track, start, end, field, message):
    revision = latest_revision_id(track)
    cues_before = list(Cue.objects.filter(track=track).values_list("slug", "start_ms", "end_ms"))
    data = edit_data(admin_client, track)
    index = add_cue(data, start=start, end=end, title="Bad cue")
    response = post(admin_client, track, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert REFUSED in html
    assert any(message in error for error in errors_of(response)), errors_of(response)
    # The message sits in the bad row, beside the field it concerns.
    assert message in field_errors(html, index, field)
    assert latest_revision_id(track) == revision
    assert list(Cue.objects.filter(track=track).values_list("slug", "start_ms", "end_ms")) == cues_before


def test_a_duplicate_slug_is_refused(admin_client, track):
    data = edit_data(admin_client, track)
    taken = data["cues-0-slug"]
    add_cue(data, start="1:00", title="Another", slug=taken)
    response = post(admin_client, track, data)
    assert response.status_code == 200
    assert any(f"already uses the slug “{taken}”" in error for error in errors_of(response)), errors_of(response)


def test_the_same_start_is_fine_in_another_layer(admin_client, track):
    data = edit_data(admin_client, track)
    add_cue(data, start="0:00", layer="story", title="Meanwhile in the story", slug="meanwhile")
    response = post(admin_client, track, data)
    assert response.status_code == 302, errors_of(response)
    draft = fresh(track).get_latest_revision_as_object()
    assert any(cue.slug == "meanwhile" and cue.start_ms == 0 for cue in draft.cues.all())


def test_times_in_any_form_are_read_and_shown_back_as_minutes(admin_client, track):
    data = edit_data(admin_client, track)
    add_cue(data, start="1m23.5s", end="0:01:30", title="Read in any form", slug="any-form")
    assert post(admin_client, track, data).status_code == 302
    draft = fresh(track).get_latest_revision_as_object()
    cue = next(cue for cue in draft.cues.all() if cue.slug == "any-form")
    assert (cue.start_ms, cue.end_ms) == (83_500, 90_000)
    again = edit_data(admin_client, track)
    index = cue_index(again, "any-form")
    assert again[f"cues-{index}-start_ms"] == "1:23.5"
    assert again[f"cues-{index}-end_ms"] == "1:30.0"


def test_saving_keeps_milliseconds_it_did_not_type(admin_client, track):
    """An imported 1:23.456 is shown exactly, so saving the page does not round it to 1:23.5."""
    data = edit_data(admin_client, track)
    add_cue(data, start="83.456", title="Exact", slug="exact")
    assert post(admin_client, track, data).status_code == 302
    again = edit_data(admin_client, track)
    assert again[f"cues-{cue_index(again, 'exact')}-start_ms"] == "1:23.456"
    assert post(admin_client, track, again).status_code == 302
    draft = fresh(track).get_latest_revision_as_object()
    assert next(cue.start_ms for cue in draft.cues.all() if cue.slug == "exact") == 83_456


def test_an_empty_end_runs_to_the_next_cue(admin_client, track):
    data = edit_data(admin_client, track)
    add_cue(data, start="2:44", end="", title="Last word", slug="last-word", layer="story")
    assert post(admin_client, track, data).status_code == 302


HOSTILE_HTML = (
    '<p onclick="steal()">Kind <b>words</b><script>alert("x")</script></p>'
    '<img src="x" onerror="alert(1)"><a href="javascript:alert(2)">click</a>'
    '<a href="https://example.org/" onmouseover="alert(3)">fine link</a><iframe src="https://evil.example/"></iframe>'
)


def assert_harmless(html):
    lowered = html.lower()
    for bad in ("<script", "onclick", "onerror", "onmouseover", "javascript:", "<iframe", "<img", "alert("):
        assert bad not in lowered, bad


@pytest.mark.parametrize("as_json", [True, False], ids=["draftail-json", "raw-html-post"])
def test_hostile_commentary_is_cleaned_before_it_is_saved(admin_client, track, as_json):
    data = edit_data(admin_client, track)
    index = add_cue(data, start="1:01", title="Hostile", slug="hostile")
    if as_json:
        from wagtail.test.utils.form_data import rich_text

        value = json.loads(rich_text("<p>Kind <b>words</b></p>"))
        value["entityMap"] = {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": "javascript:alert(2)"}}}
        value["blocks"][0]["entityRanges"] = [{"offset": 0, "length": 4, "key": 0}]
        value["blocks"].append(
            {
                "key": "zzzzz",
                "type": "script",
                "text": "alert(1)",
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [],
            }
        )
        data[f"cues-{index}-commentary"] = json.dumps(value)
    else:
        data[f"cues-{index}-commentary"] = HOSTILE_HTML
    response = post(admin_client, track, data)
    assert response.status_code == 302, errors_of(response)
    draft = fresh(track).get_latest_revision_as_object()
    commentary = next(cue.commentary for cue in draft.cues.all() if cue.slug == "hostile")
    assert "<b>words</b>" in commentary
    assert_harmless(commentary)
    # Published, the page carries none of it either.
    fresh(track).get_latest_revision().publish()
    public = admin_client.get(track.url).content.decode()
    assert 'id="cue-hostile"' in public
    assert_harmless(public.split('id="cue-hostile"', 1)[1].split("</li>", 1)[0])


def test_a_deleted_scene_or_still_is_reported_not_crashed_on(admin_client, track):
    data = edit_data(admin_client, track)
    data["cues-0-scene"] = "987654"
    data["cues-1-still"] = "987654"
    response = post(admin_client, track, data)
    assert response.status_code == 200
    errors = errors_of(response)
    assert any("The scene chosen here no longer exists" in error for error in errors), errors
    assert any("The still chosen here no longer exists" in error for error in errors), errors


def test_a_draft_whose_scene_was_deleted_still_opens_and_previews(admin_client, guide, track):
    scene = guide.lift
    data = edit_data(admin_client, track)
    index = add_cue(data, start="1:02", title="In the lift", slug="in-the-lift")
    data[f"cues-{index}-scene"] = str(scene.pk)
    assert post(admin_client, track, data).status_code == 302
    scene.delete()
    assert admin_client.get(edit_url(track)).status_code == 200
    preview = admin_client.get(f"/admin/pages/{track.pk}/edit/preview/")
    assert preview.status_code == 200
    # Saving again reports nothing odd: the deleted scene is simply gone from the row.
    again = edit_data(admin_client, track)
    assert again[f"cues-{cue_index(again, 'in-the-lift')}-scene"] == ""


def test_a_rejected_save_leaves_the_last_good_revision_intact(admin_client, track):
    good = edit_data(admin_client, track)
    add_cue(good, start="1:05", title="Good cue", slug="good-cue")
    assert post(admin_client, track, good).status_code == 302
    last_good = fresh(track).get_latest_revision()
    count = Revision.objects.for_instance(track).count()

    bad = edit_data(admin_client, track)
    bad[f"cues-{cue_index(bad, 'good-cue')}-end_ms"] = "0:10"  # before its start
    bad["title_en"] = "Changed while broken"
    assert post(admin_client, track, bad).status_code == 200
    assert Revision.objects.for_instance(track).count() == count
    assert fresh(track).get_latest_revision().pk == last_good.pk
    draft = fresh(track).get_latest_revision_as_object()
    assert draft.title_en != "Changed while broken"
    assert any(cue.slug == "good-cue" and cue.end_ms is None for cue in draft.cues.all())
