"""`load_demo` after things went wrong: a load killed half-way leaves no files behind once it is run
again, and files missing from the media folder are made again rather than stopping `make run`."""

import io
import os
from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.images import get_image_model

from listening.demo.management.commands import load_demo
from listening.tracks.models import AudioFile, TrackPage
from tests.audio_samples import tone
from tests.factories import SoundtrackPageFactory, TrackPageFactory, home_page

pytestmark = pytest.mark.django_db


def media_files(media_root):
    return sorted(str(p.relative_to(media_root)) for p in media_root.rglob("*") if p.is_file())


@pytest.fixture
def kept_media(session_media_root):
    """The session's media as it was: whatever a test deletes or adds is put back afterwards."""
    before = {path: path.read_bytes() for path in session_media_root.rglob("*") if path.is_file()}
    yield session_media_root
    for path in session_media_root.rglob("*"):
        if path.is_file() and path not in before:
            path.unlink()
    for path, content in before.items():
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)


# The killed load is a forked child. On a database server it would open its own connection and wait
# for ever on the rows this test's transaction holds (the demo album, loaded for the module).
@pytest.mark.sqlite_only(reason="a forked load cannot share the test's transaction on a database server")
def test_a_load_killed_half_way_leaves_nothing_once_run_again(kept_media, monkeypatch):
    before = media_files(kept_media)
    renders = []

    def render_then_die(path, **arguments):
        renders.append(path)
        if len(renders) == 3:
            os._exit(9)  # like kill -9: no exception, no clean-up, the transaction never commits
        path.write_bytes(tone(1.0))

    child = os.fork()
    if child == 0:  # pragma: no cover - the killed load
        try:
            # The SQLite test database is in memory: the forked child has its own copy to write in.
            monkeypatch.setattr(load_demo, "render_demo_audio", render_then_die)
            call_command("load_demo", "--reset", stdout=StringIO())
        finally:
            os._exit(1)
    _, status = os.waitpid(child, 0)
    assert os.WEXITSTATUS(status) == 9
    leftovers = sorted(set(media_files(kept_media)) - set(before))
    assert len(leftovers) > 2 and all(os.path.basename(name).startswith("demo-") for name in leftovers)

    out = StringIO()
    call_command("load_demo", stdout=out)
    assert media_files(kept_media) == before
    assert f"Removed {len(leftovers)} file(s) an interrupted load left behind" in out.getvalue()


def test_only_unreferenced_demo_files_are_removed(kept_media):
    audio_folder = kept_media / "audio"
    (audio_folder / "demo-99-left-over.mp3").write_bytes(b"half")
    (kept_media / "original_images" / "demo-portrait-left-over_Ab3dE5g.jpg").write_bytes(b"half")
    (audio_folder / "an-editors-own.mp3").write_bytes(b"not ours to judge")
    (kept_media / "images").mkdir(exist_ok=True)
    (kept_media / "images" / "demo-studio.fill-10x10.webp").write_bytes(b"renditions are left alone")
    call_command("load_demo", stdout=StringIO())
    assert not (audio_folder / "demo-99-left-over.mp3").exists()
    assert not (kept_media / "original_images" / "demo-portrait-left-over_Ab3dE5g.jpg").exists()
    assert (audio_folder / "an-editors-own.mp3").exists()
    assert (kept_media / "images" / "demo-studio.fill-10x10.webp").exists()
    for audio in AudioFile.objects.all():
        assert audio.file.storage.exists(audio.file.name), audio.file.name
    for image in get_image_model().objects.all():
        assert image.file.storage.exists(image.file.name), image.file.name


def test_one_missing_demo_recording_is_made_again(kept_media, client):
    track = TrackPage.objects.select_related("audio").get(number=3)
    audio, content = track.audio, (kept_media / track.audio.file.name).read_bytes()
    audio.file.storage.delete(audio.file.name)
    assert "The recording of this track is unavailable" in client.get(track.url).content.decode()

    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "Made again 1 demo file(s) missing from the media folder" in out.getvalue()
    assert "already loaded" in out.getvalue()
    restored = AudioFile.objects.get(pk=audio.pk)
    assert restored.file.name == audio.file.name
    assert (kept_media / restored.file.name).read_bytes() == content  # the same synthesis, from the cache
    assert TrackPage.objects.get(pk=track.pk).audio_id == audio.pk
    assert "data-audio-src" in client.get(track.url).content.decode()


def test_a_missing_demo_picture_is_put_back(kept_media):
    image = get_image_model().objects.get(file__endswith="demo-portrait-miles-davis.jpg")
    content = (kept_media / image.file.name).read_bytes()
    image.file.storage.delete(image.file.name)
    call_command("load_demo", stdout=StringIO())
    image.refresh_from_db()
    assert (kept_media / image.file.name).read_bytes() == content


def test_an_editors_track_whose_audio_is_gone_does_not_stop_the_load(kept_media):
    audio = AudioFile(credit="An editor's upload")
    audio.ingest(io.BytesIO(tone(1.0)), "own-take.mp3")
    audio.save()
    TrackPageFactory(parent=SoundtrackPageFactory(parent=home_page()), audio=audio)
    audio.file.storage.delete(audio.file.name)
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "already loaded" in out.getvalue()
    assert not audio.file.storage.exists(audio.file.name)  # not the demo's to make again


def test_a_recording_that_cannot_be_made_again_is_reported_and_the_load_goes_on(kept_media, monkeypatch):
    track = TrackPage.objects.select_related("audio").get(number=5)
    track.audio.file.storage.delete(track.audio.file.name)

    def disk_full(path, **arguments):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(load_demo, "render_demo_audio", disk_full)
    out, err = StringIO(), StringIO()
    call_command("load_demo", stdout=out, stderr=err)
    assert "already loaded" in out.getvalue()
    assert f"Could not make again 1 missing demo file(s): {track.audio.file.name} (No space left on device)" in (
        err.getvalue()
    )
    assert AudioFile.objects.get(pk=track.audio.pk).file.name == track.audio.file.name
