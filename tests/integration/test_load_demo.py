import html
import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from listening.core.timecode import parse_time
from listening.demo.album import IMAGES_DIR, DemoDataError, load_album
from listening.demo.management.commands import load_demo
from listening.lessons.models import LessonPage
from listening.people.models import PersonPage
from listening.scenes.models import ScenePage, SceneStill
from listening.tracks.models import AudioFile, Cue, TrackPage
from tests.audio_samples import tone

pytestmark = pytest.mark.django_db
ALBUM = load_album()


def snapshot(media_root):
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "audio": AudioFile.objects.count(),
        "files": sorted(str(p.relative_to(media_root)) for p in media_root.rglob("*") if p.is_file()),
    }


def test_a_second_load_changes_nothing(session_media_root):
    before = snapshot(session_media_root)
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "already loaded" in out.getvalue()
    assert snapshot(session_media_root) == before


def test_the_album_is_complete_and_in_lp_order():
    tracks = list(TrackPage.objects.live().order_by("path"))
    assert [(t.number, t.title, t.title_en) for t in tracks] == [
        (t.number, t.title_fr, t.title_en) for t in ALBUM.tracks
    ]
    assert [t.side for t in tracks] == ["A"] * 5 + ["B"] * 5
    for track, data in zip(tracks, ALBUM.tracks, strict=True):
        # mutagen's reading of the synthesised MP3 matches the LP length to half a second.
        assert abs(track.audio.duration_ms - parse_time(data.length)) <= 500, track.title
        assert track.audio.format_name == "MP3" and track.audio.mime_type == "audio/mpeg"
        assert track.cues.count() >= 5
    assert Cue.objects.count() >= 60
    assert PersonPage.objects.filter(slug__in=["louis-malle", "jeanne-moreau"]).count() == 2
    assert ScenePage.objects.count() >= 9
    for scene in ScenePage.objects.all():
        assert 2 <= scene.stills.count() <= 4


def test_pictures_are_the_committed_images_not_redrawn():
    stills = SceneStill.objects.select_related("image", "scene").order_by("scene__path", "sort_order")
    by_scene = {scene.slug: scene for scene in ALBUM.scenes}
    for still in stills:
        committed = by_scene[still.scene.slug].stills[still.sort_order].image
        with still.image.file.open("rb") as stored:
            assert stored.read() == (IMAGES_DIR / committed).read_bytes(), committed
    miles = PersonPage.objects.get(slug="miles-davis")
    assert (miles.portrait.width, miles.portrait.height) == (600, 750)
    assert miles.portrait.file.name.endswith("demo-portrait-miles-davis.jpg")


def test_a_mistake_in_the_data_stops_the_load_with_its_sentence(monkeypatch):
    sentence = "listening/demo/data/people.toml, people 1 (miles-davis): “name” is missing."

    def broken_album():
        raise DemoDataError(sentence)

    monkeypatch.setattr(load_demo, "load_album", broken_album)
    with pytest.raises(CommandError, match="“name” is missing"):
        call_command("load_demo", "--reset", stdout=StringIO())
    assert TrackPage.objects.count() == len(ALBUM.tracks)


def test_cues_agree_with_the_credits_and_say_enough():
    for cue in Cue.objects.select_related("track", "scene").prefetch_related("performers"):
        credited = set(cue.track.credits.values_list("person__slug", flat=True))
        assert {p.slug for p in cue.performers.all()} <= credited, (cue.track.title, cue.slug)
        assert cue.scene is not None
        text = re.sub(r"<[^>]+>", " ", cue.commentary)
        assert len(re.findall(r"[.!?](\s|$)", text)) >= 2, (cue.track.title, cue.slug)
    wilen_tracks = set(TrackPage.objects.filter(credits__person__slug="barney-wilen").values_list("number", flat=True))
    assert wilen_tracks == {1, 3, 5, 7, 9}
    vigile = TrackPage.objects.get(number=8)
    assert set(vigile.credits.values_list("person__slug", flat=True)) == {"pierre-michelot", "kenny-clarke"}


def test_local_accounts_only_where_settings_allow(settings):
    User = get_user_model()
    User.objects.filter(username__in=["admin", "editor", "contributor"]).delete()
    settings.LISTENING_LOCAL_DEMO_ACCOUNT = False
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert not User.objects.filter(username__in=["admin", "editor", "contributor"]).exists()
    assert "password" not in out.getvalue()
    settings.LISTENING_LOCAL_DEMO_ACCOUNT = True
    call_command("load_demo", stdout=out)
    assert User.objects.get(username="admin").is_superuser
    editor = User.objects.get(username="editor")
    contributor = User.objects.get(username="contributor")
    assert not editor.is_superuser and not contributor.is_superuser
    assert list(editor.groups.values_list("name", flat=True)) == ["Editors"]
    assert list(contributor.groups.values_list("name", flat=True)) == ["Contributors"]
    # The roles' rights come from the groups (tested in test_roles); here, that they can log in.
    assert editor.has_perm("wagtailadmin.access_admin") and contributor.has_perm("wagtailadmin.access_admin")


def test_a_failed_reset_keeps_the_album_and_the_media(session_media_root, monkeypatch):
    before = snapshot(session_media_root)
    calls = []

    def failing_render(path, **arguments):
        calls.append(path)
        if len(calls) == 3:
            raise RuntimeError("disk full")
        path.write_bytes(tone(1.0))

    monkeypatch.setattr(load_demo, "render_demo_audio", failing_render)
    with pytest.raises(RuntimeError, match="disk full"):
        call_command("load_demo", "--reset", stdout=StringIO())
    assert snapshot(session_media_root) == before


def test_cues_carry_their_stills_and_sources():
    by_slug = {(track.number, cue.slug): cue for track in ALBUM.tracks for cue in track.cues}
    for cue in Cue.objects.select_related("track", "still", "scene"):
        data = by_slug[(cue.track.specific.number, cue.slug)]
        if data.still:
            assert cue.still is not None and cue.still.file.name.endswith(f"demo-{data.still}"), cue.slug
            assert cue.still.title.startswith("Drawn still: "), cue.slug  # the stage's alternative text
            assert cue.scene.stills.filter(image=cue.still).exists(), cue.slug
        assert cue.source_list == [source.line for source in data.sources], cue.slug
    losin = "Peter Losin, Miles Ahead: A Miles Davis Website, sessionography"
    assert (
        Cue.objects.filter(sources__contains=losin)
        .filter(sources__contains="http://www.plosin.com/milesahead/")
        .exists()
    )


def test_the_story_people_and_scenes_cite_their_sources_with_links():
    from listening.tracks.models import SoundtrackPage

    soundtrack = SoundtrackPage.objects.get(slug=ALBUM.soundtrack.slug)
    assert soundtrack.sources.count("<li>") == len(ALBUM.soundtrack.sources)
    assert '<a href="http://www.plosin.com/milesahead/">' in soundtrack.sources
    for block in soundtrack.story:
        text = str(block.value.get("body") or block.value.get("intro"))
        assert "<p>Sources: " in text, block.value["heading"]
        for myth in block.value.get("myths", []):
            assert "<p>Sources: " in str(myth["record"]), myth["claim"]
    for person in PersonPage.objects.all():
        assert "<p>Sources: " in person.biography, person.slug
    for scene in ScenePage.objects.all():
        assert "<p>Sources: " in scene.summary, scene.slug


def test_each_person_has_a_portrait_of_their_own():
    portraits = []
    for person in PersonPage.objects.select_related("portrait"):
        with person.portrait.file.open("rb") as handle:
            portraits.append(handle.read())
    assert len(set(portraits)) == len(portraits)


def test_the_two_lessons_load_and_every_step_plays_on_its_track(client):
    lessons = list(LessonPage.objects.live().order_by("path"))
    assert [lesson.slug for lesson in lessons] == [lesson.slug for lesson in ALBUM.lessons]
    soundtrack = lessons[0].get_parent()
    page = client.get(soundtrack.url).content.decode()
    for lesson in lessons:
        assert html.escape(lesson.title) in page and lesson.teacher_notes and lesson.sources
        # The blocks' own checks, as the admin runs them: every range reads and fits its track.
        lesson.steps.stream_block.clean(lesson.steps)
        steps = lesson.step_views()
        assert not [step["number"] for step in steps if step.get("unavailable")], lesson.slug
        for step in steps:
            if step["kind"] == "guess":
                assert step["right_answer"] and len(step["choices"]) >= 2, (lesson.slug, step["number"])
    kinds = {step.kind for lesson in ALBUM.lessons for step in lesson.steps}
    assert kinds == {"reading", "listening", "guess"}


def test_a_lesson_missing_from_a_loaded_album_is_added_again():
    LessonPage.objects.get(slug="music-against-the-picture").delete()
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "Added 1 demo lesson" in out.getvalue()
    assert LessonPage.objects.live().filter(slug="music-against-the-picture").exists()


def test_plain_text_of_the_story_shows_no_markup():
    # A myth's claim is plain text: the data's *Title* convention must not reach readers as asterisks.
    from listening.tracks.models import SoundtrackPage

    soundtrack = SoundtrackPage.objects.get(slug=ALBUM.soundtrack.slug)
    claims = [myth["claim"] for block in soundtrack.story for myth in block.value.get("myths", [])]
    assert claims and any("Kind of Blue" in claim for claim in claims)
    assert not [claim for claim in claims if "*" in claim]
