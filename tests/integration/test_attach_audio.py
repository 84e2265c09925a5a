from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from listening.tracks.models import AudioFile, TrackPage
from tests.audio_samples import tone

pytestmark = pytest.mark.django_db


def media_files(media_root):
    return sorted(p.relative_to(media_root) for p in media_root.rglob("*") if p.is_file())


@pytest.fixture
def track(guide):
    return guide.track


def test_attaches_reads_and_publishes(tmp_path, track):
    source = tmp_path / "licensed-generique.mp3"
    source.write_bytes(tone(4.0))
    out = StringIO()
    call_command("attach_audio", track.slug, str(source), "--credit", "Licensed", stdout=out)
    track = TrackPage.objects.get(pk=track.pk)
    assert track.audio.file.name.startswith("audio/licensed-generique")
    assert abs(track.audio.duration_ms - 4000) < 150
    assert track.audio.sample_rate == 22050 and track.audio.channels == 1
    assert len(track.audio.checksum) == 64
    assert track.get_latest_revision().content["audio"] == track.audio.pk
    assert not track.has_unpublished_changes
    assert "Attached" in out.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "sentence"),
    [
        ("empty.mp3", b"", "is empty"),
        ("fake.mp3", b"this is a text file, not audio" * 20, "could not be read as audio"),
        ("wave.mp3", tone(1.0, fmt="WAV"), "holds WAV audio"),
    ],
)
def test_refuses_bad_files_and_changes_nothing(tmp_path, session_media_root, track, name, data, sentence):
    source = tmp_path / name
    source.write_bytes(data)
    before_files = media_files(session_media_root)
    before_audio = AudioFile.objects.count()
    with pytest.raises(CommandError, match=sentence):
        call_command("attach_audio", track.slug, str(source))
    assert media_files(session_media_root) == before_files
    assert AudioFile.objects.count() == before_audio
    assert TrackPage.objects.get(pk=track.pk).audio_id == track.audio_id


def test_refuses_an_oversized_file(tmp_path, settings, track):
    settings.LISTENING_AUDIO_MAX_BYTES = 1000
    source = tmp_path / "big.mp3"
    source.write_bytes(tone(3.0))
    with pytest.raises(CommandError, match="over the limit"):
        call_command("attach_audio", track.slug, str(source))


def test_unknown_track_and_missing_file(tmp_path, track):
    good = tmp_path / "x.mp3"
    good.write_bytes(tone(1.0))
    with pytest.raises(CommandError, match="No track"):
        call_command("attach_audio", "no-such-track", str(good))
    with pytest.raises(CommandError, match="is not a file"):
        call_command("attach_audio", track.slug, str(tmp_path / "missing.mp3"))


def test_command_line_shows_one_sentence_and_no_traceback(tmp_path):
    """Run as a person would: a non-zero exit, the reason on stderr, no traceback."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    source = tmp_path / "fake.mp3"
    source.write_text("not audio at all")
    root = Path(__file__).resolve().parents[2]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "listening.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    subprocess.run([sys.executable, "manage.py", "migrate", "-v", "0"], cwd=root, env=env, check=True)
    result = subprocess.run(
        [sys.executable, "manage.py", "attach_audio", "generique", str(source)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().endswith("could not be read as audio; it may be damaged or not audio at all.")
    assert len(result.stderr.strip().splitlines()) == 1


def test_draft_changes_are_not_published_by_attaching(tmp_path, track):
    draft = track.get_latest_revision_as_object()
    draft.title_en = "Unpublished title"
    draft.save_revision()
    source = tmp_path / "new.mp3"
    source.write_bytes(tone(2.0))
    call_command("attach_audio", track.slug, str(source), stdout=StringIO())
    track.refresh_from_db()
    assert track.title_en == "Opening Titles"  # the live page kept its title
    latest = track.get_latest_revision_as_object()
    assert latest.title_en == "Unpublished title" and latest.audio.file.name.endswith(".mp3")
    assert latest.audio_id != track.audio_id
