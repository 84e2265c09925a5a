import io

import pytest

from listening.tracks.audio_ingest import AudioRejected, read_audio_metadata
from tests.audio_samples import tone


def read(data: bytes, name: str, **kwargs):
    return read_audio_metadata(io.BytesIO(data), name, max_bytes=kwargs.get("max_bytes", 10_000_000))


def test_reads_an_mp3():
    meta = read(tone(3.0), "take-3.mp3")
    assert meta.format_name == "MP3"
    assert meta.mime_type == "audio/mpeg"
    assert abs(meta.duration_ms - 3000) < 150
    assert meta.sample_rate == 22050
    assert meta.channels == 1
    assert meta.bitrate and meta.bitrate > 8000
    assert len(meta.checksum) == 64


def test_reads_a_wav():
    meta = read(tone(1.5, fmt="WAV"), "take.WAV")
    assert meta.format_name == "WAV"
    assert abs(meta.duration_ms - 1500) <= 1


def test_checksum_depends_on_content():
    assert read(tone(1.0), "a.mp3").checksum != read(tone(1.2), "a.mp3").checksum


@pytest.mark.parametrize(
    ("data", "name", "reason"),
    [
        (b"", "empty.mp3", "is empty"),
        (b"<html>not audio</html>" * 50, "page.mp3", "could not be read as audio"),
        (bytes(range(256)) * 40, "noise.flac", "could not be read as audio"),
        (None, "wave-in-disguise.mp3", "is named .mp3 but holds WAV audio"),
        (b"RIFF", "notes.txt", "not a kind of audio file we accept"),
        (b"ID3", "no-extension", "not a kind of audio file we accept"),
    ],
)
def test_refuses_with_one_clear_sentence(data, name, reason):
    if data is None:
        data = tone(1.0, fmt="WAV")
    with pytest.raises(AudioRejected) as caught:
        read(data, name)
    message = str(caught.value)
    assert reason in message
    assert message.count(".") >= 1 and "\n" not in message
    assert "Traceback" not in message


def test_refuses_a_file_over_the_limit():
    data = tone(2.0)
    with pytest.raises(AudioRejected, match="over the limit"):
        read(data, "big.mp3", max_bytes=len(data) - 1)


def test_refuses_a_truncated_header_only_file():
    data = tone(2.0)[:40]
    with pytest.raises(AudioRejected):
        read(data, "cut.mp3")


def test_reads_tags(tmp_path):
    from mutagen.easyid3 import EasyID3

    path = tmp_path / "tagged.mp3"
    path.write_bytes(tone(1.0))
    tags = EasyID3()
    tags["title"] = "Générique"
    tags["artist"] = "Miles Davis"
    tags.save(path)
    with path.open("rb") as handle:
        meta = read_audio_metadata(handle, path.name, max_bytes=10_000_000)
    assert meta.tags["title"] == "Générique"
    assert meta.tags["artist"] == "Miles Davis"
