"""The cue editor of a track: compact at hundreds of cues, every save a Wagtail revision, clashes warned about.

Posts go through the real page editor, with the fields read back from the page as a browser would
(tests/admin_forms.py): a cue never opened posts its key alone, an opened one its fields, and a save
that changes nothing must keep every cue exactly as it was either way.
"""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from listening.tracks.forms import CueForm
from listening.tracks.models import Cue, TrackPage
from tests.admin_forms import add_cue, cue_index, edit_data, edit_url, form_values
from tests.factories import CueFactory

pytestmark = pytest.mark.django_db

REFUSED = "could not be saved due to validation errors"


def post(client, page, data):
    return client.post(edit_url(page), data)


def draft_cues(page):
    """The cues of the track's latest revision, as the editor and preview see them, in time order."""
    draft = TrackPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    return sorted(draft.cues.all(), key=lambda cue: (cue.start_ms, cue.slug))


def with_many_cues(track, count, people):
    """`count` more cues on the track's 165 s, one every half second or so, saved and published."""
    step = 160_000 // count
    for index in range(count):
        CueFactory(
            track=track,
            slug=f"many-{index}",
            title=f"Moment {index}",
            start_ms=index * step + 7,  # off the tenth, so a save that rounded a time would show
            layer=["music", "film", "story"][index % 3],
            end_ms=None if index % 3 == 0 else index * step + 7 + step // 2,
            commentary=f"<p>Listen to <b>moment {index}</b>: the trumpet answers.</p>",
            performers=people[: 1 + index % 3],
        )
    track.save_revision().publish()
    return TrackPage.objects.get(pk=track.pk)


@pytest.fixture
def track(guide):
    return guide.track


@pytest.fixture
def long_track(guide):
    Cue.objects.filter(track=guide.track).delete()
    return with_many_cues(guide.track, 300, [guide.trumpeter, guide.saxophonist, guide.bassist])


def test_a_300_cue_track_opens_compact_one_line_per_cue_without_300_editors(admin_client, long_track):
    response = admin_client.get(edit_url(long_track))
    html = response.content.decode()
    assert response.status_code == 200
    assert len(html.encode()) < 1_500_000, len(html.encode())
    lines = re.findall(r'<li class="cue-row[^"]*" data-cue-row', html)
    assert len(lines) == 300
    # Draftail is made for the track's intro and for the template a cue is opened from, never per cue.
    assert html.count('data-w-init-event-value="w-draftail:init"') == 2
    assert html.count("new PageChooser(") < 10  # the players' rows and the templates, not one per cue
    # A line says when, which layer, what, who and where, in time order.
    first = html.index("Moment 0</span>")
    assert first < html.index("Moment 1</span>") < html.index("Moment 299</span>")
    assert "Lena Marsh, Jules Okafor" in html


def test_a_300_cue_page_weighs_less_than_twice_a_7_cue_one(admin_client, guide, long_track):
    """The issue's target for the page's size: what grows with the cues is a line each, nothing more."""
    Cue.objects.filter(track=guide.other_take).delete()
    short = with_many_cues(guide.other_take, 7, [guide.trumpeter])
    sizes = {len(admin_client.get(edit_url(track)).content) for track in (short, long_track)}
    small, large = sorted(sizes)
    assert large < 2 * small, (small, large)


def queries_to(request):
    with CaptureQueriesContext(connection) as queries:
        response = request()
    assert response.status_code in (200, 302), response.status_code
    return len(queries)


@pytest.mark.parametrize("state", ["published", "draft"])
def test_opening_and_saving_cost_as_many_queries_at_60_cues_as_at_6(admin_client, guide, state):
    """A published page is edited from the database, a draft from its revision: neither may ask per cue."""
    people = [guide.trumpeter, guide.saxophonist, guide.bassist]
    counts = {}
    for count in (6, 60):
        Cue.objects.filter(track=guide.track).delete()
        track = with_many_cues(guide.track, count, people)
        if state == "draft":
            track.title += " (draft)"
            track.save_revision()
        url = edit_url(track)
        queries_to(lambda url=url: admin_client.get(url))  # the first visit fills caches
        opened = queries_to(lambda url=url: admin_client.get(url))
        data = edit_data(admin_client, track)
        saved = queries_to(lambda url=url, data=data: admin_client.post(url, data))
        counts[count] = (opened, saved)
    (open_few, save_few), (open_many, save_many) = counts[6], counts[60]
    assert open_many <= open_few + 2, counts
    assert save_many <= save_few + 2, counts


def test_opening_a_track_makes_no_form_per_cue_yet_lines_hold_what_forms_would(admin_client, guide, monkeypatch):
    """Rows are read from the cues on opening; a form is made only for the template new cues come from."""
    track = with_many_cues(guide.track, 40, [guide.trumpeter, guide.saxophonist])
    made = []
    original = CueForm.__init__
    monkeypatch.setattr(CueForm, "__init__", lambda self, *a, **k: made.append(1) or original(self, *a, **k))
    html = admin_client.get(edit_url(track)).content.decode()
    assert len(made) == 1, len(made)
    cue = Cue.objects.get(track=track, slug="many-4")
    # The closed row is a line naming its cue, its times for the timeline; no values of its fields.
    line = re.search(rf'<li [^>]*data-kept="{cue.pk}"[^>]*>', html)[0]
    assert f'data-start="{cue.start_ms}"' in line and f'data-end="{cue.end_ms}"' in line
    assert "data-cue-packed" not in html
    assert form_values(html)[line_prefix(line) + "-kept"] == str(cue.pk)
    # Opening it fetches what its form would hold; the test reads them as if every cue were opened.
    values = edit_data(admin_client, track)
    made.clear()
    row = next(key.removesuffix("-slug") for key, value in values.items() if value == "many-4")
    assert values[f"{row}-id"] == str(cue.pk)
    assert values[f"{row}-title"] == cue.title
    assert values[f"{row}-layer"] == cue.layer
    assert sorted(values[f"{row}-performers"]) == sorted(str(p.pk) for p in cue.performers.all())
    assert json.loads(values[f"{row}-commentary"])["blocks"][0]["text"] == "Listen to moment 4: the trumpet answers."


def line_prefix(line_html: str) -> str:
    return re.search(r'data-prefix="([^"]+)"', line_html)[1]


@pytest.mark.parametrize("opened", [True, False], ids=["every-cue-opened", "no-cue-opened"])
def test_an_unchanged_save_of_300_cues_is_a_revision_that_keeps_every_cue(admin_client, long_track, opened):
    def kept(cues):
        # Draftail writes block keys into paragraphs on any save, as Wagtail's editor always has.
        text = lambda html: re.sub(r' data-block-key="[^"]*"', "", html)  # noqa: E731
        return {(c.slug, c.start_ms, c.end_ms, c.layer, c.title, text(c.commentary), c.scene_id) for c in cues}

    before = kept(draft_cues(long_track))
    people_before = {c.slug: sorted(p.pk for p in c.performers.all()) for c in draft_cues(long_track)}
    revision = long_track.get_latest_revision().pk
    response = post(admin_client, long_track, edit_data(admin_client, long_track, opened=opened))
    assert response.status_code == 302
    long_track.refresh_from_db()
    assert long_track.get_latest_revision().pk != revision
    after = draft_cues(long_track)
    assert kept(after) == before
    assert {c.slug: sorted(p.pk for p in c.performers.all()) for c in after} == people_before


def test_quotes_ampersands_and_angle_brackets_in_a_closed_cue_survive_an_unchanged_save(admin_client, track):
    """A closed cue's values sit in a single-quoted attribute: each of these must come back as written."""
    awkward = "l'échafaud & \"Florence\" <Jeanne Moreau> ''"
    cue = track.cues.first()
    cue.title = awkward
    cue.sources = f"{awkward}\nLiner notes"
    cue.commentary = "<p>It's 3 &lt; 4 &amp; “quoted” 'twice'</p>"
    cue.save()
    track.save_revision().publish()
    html = admin_client.get(edit_url(track)).content.decode()
    assert awkward not in html  # escaped, not raw

    response = post(admin_client, track, edit_data(admin_client, track))
    assert response.status_code == 302
    saved = next(c for c in draft_cues(track) if c.slug == cue.slug)
    assert saved.title == awkward
    assert saved.sources == f"{awkward}\nLiner notes"
    assert "It's 3 &lt; 4 &amp; “quoted” 'twice'" in saved.commentary


def test_a_change_to_one_closed_cue_is_saved_as_a_draft_revision_and_published_later(admin_client, long_track):
    data = edit_data(admin_client, long_track)
    index = cue_index(data, "many-150")
    data[f"cues-{index}-title"] = "The bass walks alone"
    assert post(admin_client, long_track, data).status_code == 302
    assert "The bass walks alone" in [c.title for c in draft_cues(long_track)]
    # A draft: readers still see the published cue until the editor publishes.
    assert Cue.objects.get(track=long_track, slug="many-150").title == "Moment 150"
    data = edit_data(admin_client, long_track)
    data["action-publish"] = "action-publish"
    assert post(admin_client, long_track, data).status_code == 302
    assert Cue.objects.get(track=long_track, slug="many-150").title == "The bass walks alone"
    assert Cue.objects.filter(track=long_track).count() == 300


def test_rows_are_numbered_in_time_order_whatever_order_they_were_added(admin_client, track):
    data = edit_data(admin_client, track)
    add_cue(data, start="1:30", end="1:35", title="Late story", layer="story")
    add_cue(data, start="0:05", end="0:07", title="Early story", layer="story")
    assert post(admin_client, track, data).status_code == 302
    html = admin_client.get(edit_url(track)).content.decode()
    # The lines come in time order (the script numbers them so before each save).
    assert html.index("Early story") < html.index("Late story")


def overlap(data):
    """Two story cues of one layer, the first set to end after the second starts."""
    add_cue(data, start="0:30", end="0:40", title="Long look", layer="story")
    return add_cue(data, start="0:35", end="0:38", title="Quick aside", layer="story")


def test_a_same_layer_overlap_is_refused_beside_the_later_cue_until_accepted(admin_client, track):
    revision = track.get_latest_revision().pk
    data = edit_data(admin_client, track)
    later = overlap(data)
    response = post(admin_client, track, data)
    html = response.content.decode()
    assert REFUSED in html
    assert "“Long look” and “Quick aside” (story) overlap from 0:35.0 to 0:38.0." in html
    assert "accept the overlap" in html
    # The row at fault comes back drawn in full, with its message; nothing was saved.
    assert f'id="id_cues-{later}-start_ms"' in html
    track.refresh_from_db()
    assert track.get_latest_revision().pk == revision

    data["accepted_clashes"] = json.dumps(["overlap:story:35000:38000"])
    assert post(admin_client, track, data).status_code == 302
    draft = TrackPage.objects.get(pk=track.pk).get_latest_revision_as_object()
    assert draft.accepted_clashes == ["overlap:story:35000:38000"]
    # Accepted stays accepted on the next save; it is part of the page, and so of its revisions.
    assert post(admin_client, track, edit_data(admin_client, track)).status_code == 302


def test_an_accepted_clash_that_is_gone_is_forgotten(admin_client, track):
    data = edit_data(admin_client, track)
    later = overlap(data)
    data["accepted_clashes"] = json.dumps(["overlap:story:35000:38000", "gap:music:1:2"])
    assert post(admin_client, track, data).status_code == 302
    data = edit_data(admin_client, track)
    index = cue_index(data, "quick-aside")
    assert index is not None and later is not None
    data[f"cues-{index}-start_ms"] = "0:41"
    data[f"cues-{index}-end_ms"] = "0:44"
    assert post(admin_client, track, data).status_code == 302
    assert TrackPage.objects.get(pk=track.pk).get_latest_revision_as_object().accepted_clashes == []


def test_the_timeline_asks_the_cue_rules_for_clashes(admin_client):
    cues = [
        {"start_ms": 0, "end_ms": 10_000, "layer": "music", "title": "Intro"},
        {"start_ms": 12_000, "end_ms": None, "layer": "music", "title": "Theme"},
        {"start_ms": 5_000, "end_ms": 9_000, "layer": "film", "title": "Door"},
        {"start_ms": 8_000, "end_ms": 9_500, "layer": "film", "title": "Lift"},
        {"start_ms": 20_000, "end_ms": 31_000, "layer": "story", "title": "Late"},
    ]
    response = admin_client.post(
        "/admin/tracks/cues/clashes/",
        json.dumps({"duration_ms": 30_000, "cues": cues}),
        content_type="application/json",
    )
    assert response.status_code == 200
    clashes = response.json()["clashes"]
    assert [(c["kind"], c["layer"], c["start_ms"], c["end_ms"], c["cues"]) for c in clashes] == [
        ("overlap", "film", 8000, 9000, [2, 3]),
        ("gap", "music", 10000, 12000, [0, 1]),
        ("past-end", "story", 20000, 31000, [4]),
    ]
    assert clashes[0]["message"] == "“Door” and “Lift” (film) overlap from 0:08.0 to 0:09.0."
    assert clashes[0]["key"] == "overlap:film:8000:9000"


@pytest.mark.parametrize("body", ["", "not json", '{"cues": 3}', '{"cues": [1]}', '{"nothing": []}'])
def test_the_clash_endpoint_answers_a_bad_post_with_400(admin_client, body):
    response = admin_client.post("/admin/tracks/cues/clashes/", body, content_type="application/json")
    assert response.status_code == 400


def test_the_clash_endpoint_is_for_editors_only(client):
    response = client.post("/admin/tracks/cues/clashes/", "{}", content_type="application/json")
    assert response.status_code in (302, 403)


def test_a_new_track_with_a_title_alone_saves_taking_its_slug_and_number(admin_client, guide):
    soundtrack = guide.soundtrack
    url = f"/admin/pages/add/tracks/trackpage/{soundtrack.pk}/"
    html = admin_client.get(url).content.decode()
    # The title fills in the slug as the editor types (Wagtail's own sync, as on other pages).
    title_input = re.search(r'<input[^>]*name="title"[^>]*>', html)[0]
    assert 'data-controller="w-sync"' in title_input and "#id_slug" in title_input
    data = form_values(html)
    data["title"] = "Une nuit à Paris"
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    created = TrackPage.objects.child_of(soundtrack).get(title="Une nuit à Paris")
    assert created.slug == "une-nuit-à-paris"  # as Wagtail's slug field makes it in the browser
    highest = max(t.number for t in TrackPage.objects.child_of(soundtrack).exclude(pk=created.pk))
    assert created.number == highest + 1
    assert not created.live  # a draft, with a revision
    assert created.get_latest_revision() is not None


def test_a_second_track_with_the_same_title_gets_a_slug_of_its_own(admin_client, guide):
    url = f"/admin/pages/add/tracks/trackpage/{guide.soundtrack.pk}/"
    for _ in range(2):
        data = form_values(admin_client.get(url).content.decode())
        data["title"] = "Reprise"
        assert admin_client.post(url, data).status_code == 302
    slugs = sorted(Page.objects.child_of(guide.soundtrack).filter(title="Reprise").values_list("slug", flat=True))
    assert slugs == ["reprise", "reprise-2"]


def test_a_save_over_cues_someone_else_changed_meanwhile_names_them_and_saves_nothing(admin_client, client, track):
    other = get_user_model().objects.create_superuser("camille", "camille@example.com", "pw", first_name="Camille")
    client.force_login(other)
    mine = edit_data(admin_client, track)
    theirs = edit_data(client, track)
    slugs = [theirs[f"cues-{i}-slug"] for i in range(int(theirs["cues-TOTAL_FORMS"]))]
    theirs[f"cues-{cue_index(theirs, slugs[0])}-title"] = "Retitled by Camille"
    add_cue(theirs, start="2:00", end="2:05", title="Added by Camille", layer="story")
    assert post(client, track, theirs).status_code == 302
    saved_by_camille = TrackPage.objects.get(pk=track.pk).get_latest_revision().pk

    mine[f"cues-{cue_index(mine, slugs[1])}-title"] = "Retitled by me"
    response = post(admin_client, track, mine)
    html = re.sub(r"\s+", " ", response.content.decode())
    assert response.status_code == 200
    assert "Camille saved this track while you were editing it" in html
    assert "“Retitled by Camille” (changed)" in html and "“Added by Camille” (added)" in html
    assert TrackPage.objects.get(pk=track.pk).get_latest_revision().pk == saved_by_camille

    # Saving again, knowing, replaces their version with mine.
    again = form_values(response.content.decode())
    assert post(admin_client, track, again).status_code == 302
    assert "Retitled by me" in [cue.title for cue in draft_cues(track)]


def test_saving_twice_alone_is_no_conflict(admin_client, track):
    data = edit_data(admin_client, track)
    add_cue(data, start="2:00", end="2:05", title="Mine", layer="story")
    assert post(admin_client, track, data).status_code == 302
    again = edit_data(admin_client, track)
    again[f"cues-{cue_index(again, 'mine')}-title"] = "Still mine"
    assert post(admin_client, track, again).status_code == 302


def test_an_editors_own_later_revisions_are_no_conflict(admin_client, track):
    """As Wagtail's autosave makes while the editor works: the save that follows is not refused."""
    mine = edit_data(admin_client, track)
    admin_user = get_user_model().objects.get(username="admin")
    draft = TrackPage.objects.get(pk=track.pk).get_latest_revision_as_object()
    cue = list(draft.cues.all())[0]
    cue.title = "Autosaved"
    draft.save_revision(user=admin_user)
    add_cue(mine, start="2:00", end="2:05", title="Mine", layer="story")
    assert post(admin_client, track, mine).status_code == 302


def kept_rows(data) -> dict:
    """{cue key: row prefix} of the rows posted as their cue's key alone."""
    return {value: name.removesuffix("-kept") for name, value in data.items() if name.endswith("-kept")}


def open_row(client, page, data, prefix):
    """Open one closed row as the cue editor does: its values fetched, posted as its fields."""
    values = client.get(f"/admin/tracks/{page.pk}/cues/values/").json()["cues"][data.pop(f"{prefix}-kept")]
    for name, value in values.items():
        data[f"{prefix}-{name}"] = json.dumps(value) if isinstance(value, dict) else value


def test_rows_never_opened_post_their_keys_alone_and_keep_their_cues_beside_opened_added_and_deleted_ones(
    admin_client, long_track
):
    before = {c.slug: (c.start_ms, c.end_ms, c.title, c.layer, c.scene_id) for c in draft_cues(long_track)}
    data = edit_data(admin_client, long_track, opened=False)
    rows = kept_rows(data)
    assert len(rows) == 300
    assert not [name for name in data if re.match(r"cues-\d+-(title|commentary|start_ms)$", name)]
    changed, deleted = (
        Cue.objects.get(track=long_track, slug="many-150"),
        Cue.objects.get(track=long_track, slug="many-7"),
    )
    open_row(admin_client, long_track, data, rows[str(changed.pk)])
    data[f"{rows[str(changed.pk)]}-title"] = "The bass walks alone"
    data[f"{rows[str(deleted.pk)]}-DELETE"] = "on"  # as the script deletes a closed row
    add_cue(data, start="2:40", end="2:41", title="Added at the end", layer="story")

    assert post(admin_client, long_track, data).status_code == 302
    after = {c.slug: (c.start_ms, c.end_ms, c.title, c.layer, c.scene_id) for c in draft_cues(long_track)}
    assert after.pop("many-150")[2] == "The bass walks alone"
    assert after.pop("added-at-the-end")[2] == "Added at the end"
    assert "many-7" not in after
    del before["many-150"], before["many-7"]
    assert after == before


def test_a_cue_only_in_a_draft_is_named_by_its_slug_and_kept(admin_client, track):
    data = edit_data(admin_client, track)
    add_cue(data, start="2:00", end="2:05", title="Only in the draft", layer="story")
    assert post(admin_client, track, data).status_code == 302
    html = admin_client.get(edit_url(track)).content.decode()
    assert 'data-kept="new:only-in-the-draft"' in html

    data = edit_data(admin_client, track, opened=False)
    assert "new:only-in-the-draft" in kept_rows(data)
    add_cue(data, start="2:10", end="2:12", title="Second draft cue", layer="story")
    assert post(admin_client, track, data).status_code == 302
    titles = [cue.title for cue in draft_cues(track)]
    assert titles.count("Only in the draft") == 1 and "Second draft cue" in titles


def test_a_cue_someone_else_changed_is_kept_as_they_left_it_when_this_editor_never_opened_it(
    admin_client, client, track
):
    """A row never opened is "leave this cue alone": it takes the other editor's version, not an old copy."""
    other = get_user_model().objects.create_superuser("camille", "camille@example.com", "pw", first_name="Camille")
    client.force_login(other)
    mine = edit_data(admin_client, track, opened=False)
    theirs = edit_data(client, track)
    slug = theirs["cues-0-slug"]
    theirs["cues-0-title"] = "Retitled by Camille"
    assert post(client, track, theirs).status_code == 302

    add_cue(mine, start="2:00", end="2:05", title="Mine", layer="story")
    refused = post(admin_client, track, mine)  # refused once, naming what Camille changed
    assert refused.status_code == 200 and "“Retitled by Camille” (changed)" in refused.content.decode()
    assert post(admin_client, track, form_values(refused.content.decode())).status_code == 302
    titles = {cue.slug: cue.title for cue in draft_cues(track)}
    assert titles[slug] == "Retitled by Camille" and "Mine" in titles.values()


@pytest.mark.parametrize("key", ["nonsense", "999999", "new:", "new:no-such-cue", "", "1 OR 1=1"])
def test_a_row_naming_no_cue_changes_nothing_and_is_no_error(admin_client, track, key):
    before = sorted((c.slug, c.title) for c in draft_cues(track))
    data = edit_data(admin_client, track, opened=False)
    data["cues-0-kept"] = key
    response = post(admin_client, track, data)
    assert response.status_code == 302, response.status_code
    after = sorted((c.slug, c.title) for c in draft_cues(track))
    # The row named nothing to keep; the cue that was in that place is still there, unchanged.
    assert after == before


def test_the_same_cue_named_by_two_rows_is_still_one_cue(admin_client, track):
    data = edit_data(admin_client, track, opened=False)
    data["cues-1-kept"] = data["cues-0-kept"]
    response = post(admin_client, track, data)
    assert response.status_code in (200, 302)
    slugs = [cue.slug for cue in draft_cues(track)]
    assert len(slugs) == len(set(slugs))


def test_a_closed_cues_values_are_for_its_editors_only(client, admin_client, track, guide):
    url = f"/admin/tracks/{track.pk}/cues/values/"
    answer = admin_client.get(url)
    assert answer.status_code == 200 and "no-store" in answer["Cache-Control"]
    assert {str(cue.pk) for cue in track.cues.all()} == set(answer.json()["cues"])
    assert client.get(url).status_code in (302, 403)  # not logged in: to the login page
    reader = get_user_model().objects.create_user("reader", "reader@example.com", "pw")
    reader.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(reader)
    assert client.get(url).status_code == 403
    assert admin_client.get(f"/admin/tracks/{guide.soundtrack.pk}/cues/values/").status_code == 404
    assert admin_client.get("/admin/tracks/99999999/cues/values/").status_code == 404
