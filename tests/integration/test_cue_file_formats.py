"""Cue files from and for other tools: Audacity labels, podcast chapters, spreadsheets, WebVTT voices.

Each import reads a file written the way the other tool writes it; each export reads back into the
track it came from without changing a thing; public files name only what readers may see.
"""

import csv
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import PageViewRestriction

from listening.tracks.cue_import import NEAR_MS, plan_import, read_file, save_plan
from tests.factories import PersonPageFactory, people_index, publish

pytestmark = pytest.mark.django_db

KINDS = ["vtt", "csv", "audacity", "chapters"]
EXTENSIONS = {"vtt": "vtt", "csv": "csv", "audacity": "txt", "chapters": "json"}


@pytest.fixture
def track(guide):
    return guide.track


def export(client, page, kind):
    response = client.get(reverse(f"tracks_admin:export_cues_{kind}", args=[page.pk]))
    assert response.status_code == 200
    return response.content


def do_import(page, data, name, mode="merge"):
    kind, read = read_file(data if isinstance(data, bytes) else data.encode(), name)
    return plan_import(page, read, mode=mode, kind=kind)


def draft_cues(page):
    page.refresh_from_db()
    return {cue.slug: cue for cue in page.get_latest_revision_as_object().cues.all()}


@pytest.mark.parametrize("kind", KINDS)
def test_every_export_imports_back_unchanged(admin_client, track, kind):
    # Audacity labels and chapters keep no slugs or layers: their cues find their own by start time
    # (two cues start at 0:00, in two layers; their titles tell them apart).
    plan = do_import(track, export(admin_client, track, kind), f"cues.{EXTENSIONS[kind]}")
    assert not plan.problems, plan.problems
    assert plan.counts == {"added": 0, "changed": 0, "removed": 0, "unchanged": track.cues.count()}


def test_admin_export_downloads_name_their_format(admin_client, track):
    for kind, name, content_type in [
        ("audacity", "generique-cues.txt", "text/plain; charset=utf-8"),
        ("chapters", "generique-chapters.json", "application/json+chapters; charset=utf-8"),
    ]:
        response = admin_client.get(reverse(f"tracks_admin:export_cues_{kind}", args=[track.pk]))
        assert response["Content-Disposition"] == f'attachment; filename="{name}"'
        assert response["Content-Type"] == content_type


def test_the_import_page_offers_every_format(admin_client, track):
    html = admin_client.get(reverse("tracks_admin:import_cues", args=[track.pk])).content.decode()
    for kind in KINDS:
        assert reverse(f"tracks_admin:export_cues_{kind}", args=[track.pk]) in html
    assert "Audacity labels (.txt)" in html and "podcast chapters (.json)" in html
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[track.pk])).content.decode()
    assert reverse("tracks_admin:export_cues_chapters", args=[track.pk]) in edit


def test_audacity_labels_retimed_in_audacity_update_their_cues(track):
    # Labels moved by a fraction of a second in Audacity, one renamed, one new, as Audacity saves them.
    labels = (
        "0.000000\t0.000000\tBass alone\r\n"
        "20.400000\t20.400000\tThe trumpet enters\r\n"
        "45.000000\t45.000000\tSaxophone answers\r\n"
        "130.000000\t140.000000\tA new label\r\n"
    )
    plan = do_import(track, labels, "Label Track.txt")
    assert not plan.problems, plan.problems
    assert plan.counts["added"] == 1, [(c.kind, c.cue.slug) for c in plan.changes]
    changed = {c.cue.slug: c.fields for c in plan.changes if c.kind == "changed"}
    assert changed == {"trumpet-enters": ["start", "title"]}  # its slug, and so its permalink, kept
    save_plan(plan, None)
    cues = draft_cues(track)
    assert (cues["trumpet-enters"].start_ms, cues["trumpet-enters"].title) == (20_400, "The trumpet enters")
    assert cues["trumpet-enters"].scene_id is not None  # what labels do not carry stays
    assert (cues["a-new-label"].start_ms, cues["a-new-label"].end_ms) == (130_000, 140_000)


def test_add_and_update_never_adds_a_near_duplicate(track):
    # A spreadsheet kept without the slug column, its times rounded: each row is a cue already there.
    rows = "start;title;layer\n0:19,6;Trumpet enters (muted);music\n1:10,4;The lift stops;film\n"
    plan = do_import(track, rows, "rounded.csv")
    assert not plan.problems, plan.problems
    assert plan.counts["added"] == 0
    assert {c.cue.slug for c in plan.changes if c.kind == "changed"} == {"trumpet-enters", "the-lift-stops"}
    # Of another layer, or further than NEAR_MS away, it is another cue.
    far = f"start,title,layer\n{(20_000 + NEAR_MS + 500) / 1000},Later,music\n0:20,Story at 0:20,story\n"
    plan = do_import(track, far, "far.csv")
    assert plan.counts["added"] == 2 and plan.counts["changed"] == 0


def test_a_slug_the_track_does_not_know_matches_by_time_and_keeps_the_cues_slug(track):
    plan = do_import(track, "slug,start,title,layer\nrenamed,0:20,Trumpet enters,music\n", "cues.csv")
    assert not plan.problems and plan.counts["added"] == 0
    assert "it keeps its slug" in str(plan.warnings[0]) and str(plan.warnings[0]).startswith("Line 2, column A")


def test_podcast_chapters_import_as_a_podcast_host_writes_them(track):
    chapters = {
        "version": "1.2.0",
        "author": "A host",
        "title": "Générique",
        "podcastName": "Listening",
        "chapters": [
            {"startTime": 0, "title": "Bass alone"},
            {"startTime": 130.25, "title": "Coda", "img": "https://example.com/coda.jpg"},
            {"startTime": 150, "endTime": 160, "title": "Credits", "url": "https://example.com/"},
            {"startTime": 161, "toc": False},
        ],
    }
    plan = do_import(track, json.dumps(chapters, indent=2), "episode-chapters.json")
    assert not plan.problems, plan.problems
    assert plan.counts["added"] == 2 and plan.counts["changed"] == 0
    added = {c.cue.slug: (c.cue.start_ms, c.cue.end_ms) for c in plan.changes if c.kind == "added"}
    assert added == {"coda": (130_250, None), "credits": (150_000, 160_000)}
    assert len(plan.warnings) == 2  # the hidden chapter skipped; images and links not imported


def test_webvtt_voice_tags_become_performers_whatever_the_case_and_accents(guide, track):
    wilen = publish(PersonPageFactory(parent=people_index(), title="Barney Wilén", slug="barney-wilen"))
    vtt = (
        "WEBVTT\n\n"
        "bass-alone\n00:00:00.000 --> 00:00:20.000\n<v BARNEY WILEN>Bass alone</v>\n\n"
        "trumpet-enters\n00:00:20.000 --> 00:00:45.000\n<v lena marsh>Trumpet enters\n\n"
        "saxophone-answers\n00:00:45.000 --> 00:01:10.000\n<v Narrator>Saxophone answers</v>\n\n"
        "last-bars\n00:01:40.000 --> 00:01:50.000\n<v Claire Dumont>Last bars</v>\n"
    )
    plan = do_import(track, vtt, "voices.vtt")
    assert not plan.problems, plan.problems
    changed = {c.cue.slug: c.fields for c in plan.changes if c.kind == "changed"}
    # (These cues have no lines after their titles: WebVTT says they have no commentary.)
    assert "performers" in changed["bass-alone"] and "performers" in changed["trumpet-enters"]
    for slug in ("saxophone-answers", "last-bars"):  # no musician named: the performers are kept
        assert "performers" not in changed[slug]
    assert [str(w) for w in plan.warnings] == [
        "Line 11, voice: “Narrator” is not the name of a musician in the guide; not taken as a performer.",
        "Line 15, voice: “Claire Dumont” is not the name of a musician in the guide; not taken as a performer.",
    ]
    save_plan(plan, None)
    cues = draft_cues(track)
    assert [p.pk for p in cues["bass-alone"].performers.all()] == [wilen.pk]
    assert [p.pk for p in cues["trumpet-enters"].performers.all()] == [guide.trumpeter.pk]


def test_webvtt_export_names_performers_in_voice_tags_without_markup(admin_client, track):
    body = export(admin_client, track, "vtt").decode()
    assert "<v Lena Marsh; Tomas Varga><c.music>Trumpet enters</c></v>\nA muted trumpet.\n" in body
    for internal in ("<p", "data-block-key", "</p>"):
        assert internal not in body


def test_csv_names_people_and_scenes_whatever_the_case_and_accents(guide, track):
    rows = "slug\tstart\ttitle\tperformers\tscene\nbass-alone\t0\tBass alone\tTOMAS VARGA; léna marsh\tnight STREETS\n"
    plan = do_import(track, rows, "tabs.tsv")  # as spreadsheets save "tab-separated values"
    assert not plan.problems, plan.problems
    assert [c.fields for c in plan.changes if c.kind == "changed"] == [["performers"]]


def test_public_files_of_every_format(client, track):
    for name, content_type in [
        ("cues.txt", "text/plain; charset=utf-8"),
        ("chapters.json", "application/json+chapters; charset=utf-8"),
    ]:
        response = client.get(track.url + name)
        assert response.status_code == 200 and response["Content-Type"] == content_type
    chapters = json.loads(client.get(track.url + "chapters.json").content)
    assert chapters["version"] == "1.2.0" and len(chapters["chapters"]) == track.cues.count()
    first = chapters["chapters"][0]
    assert first["url"] == f"http://testserver{track.url}cues/{first['title'].lower().replace(' ', '-')}/"
    html = client.get(track.url).content.decode()
    for name in ("cues.vtt", "cues.csv", "cues.txt", "chapters.json"):
        assert f'href="{track.url}{name}"' in html


def test_public_files_name_no_draft_person_or_scene(client, guide, track):
    guide.bassist.unpublish()
    guide.streets.unpublish()
    vtt = client.get(track.url + "cues.vtt").content.decode()
    assert "<v Lena Marsh><c.music>Trumpet enters" in vtt and "; Tomas Varga>" not in vtt
    rows = list(csv.DictReader(io.StringIO(client.get(track.url + "cues.csv").content.decode())))
    assert not any("Tomas Varga" in row["performers"] for row in rows)
    assert {row["scene"] for row in rows} == {"", "Trapped in the lift"}


@pytest.mark.parametrize("name", ["cues.vtt", "cues.csv", "cues.txt", "chapters.json"])
def test_public_files_of_a_restricted_or_draft_track_are_not_served(client, track, name):
    PageViewRestriction.objects.create(page=track, restriction_type=PageViewRestriction.PASSWORD, password="x")
    response = client.get(track.url + name)  # the password form, not the file
    assert b"Bass alone" not in response.content and b"bass-alone" not in response.content
    PageViewRestriction.objects.all().delete()
    track.unpublish()
    assert client.get(track.url + name).status_code == 404


def test_the_lock_message_reads_as_text(admin_client, track, django_user_model):
    other = django_user_model.objects.create_superuser("other-editor", "", "pw", first_name="Ann")
    track.locked, track.locked_by = True, other
    track.save()
    response = admin_client.get(reverse("tracks_admin:import_cues", args=[track.pk]), follow=True)
    html = response.content.decode()
    assert "Cues cannot be imported until it is unlocked" in html
    message = html[html.index("Cues cannot be imported") - 200 : html.index("Cues cannot be imported")]
    assert "&lt;" not in message and "<b>" not in message, message
    assert "Générique" in message or "locked" in message


def test_a_spreadsheet_upload_previews_with_its_warnings(admin_client, track):
    data = "\ufeffstart;end;title;Colour\r\n2:30,5;2:40;Encore;red\r\n".encode()
    response = admin_client.post(
        reverse("tracks_admin:import_cues", args=[track.pk]),
        {"cue_file": SimpleUploadedFile("Feuille 1.csv", data), "mode": "merge"},
    )
    html = response.content.decode()
    assert 'data-change="added"' in html and "Encore" in html and 'name="payload"' in html
    warnings = html.split("data-import-warnings", 1)[1].split("</ul>", 1)[0]
    assert "Line 1, column D (Colour): not a column the guide knows; skipped." in warnings
