"""The media types table: what each file is served as, and which audio a file name promises."""

import pytest

from listening.core.media_types import (
    AUDIO_CONTAINERS,
    AUDIO_FORMATS,
    CONTENT_TYPES,
    content_type_for,
    text_content_type,
)


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("a.mp3", "audio/mpeg"),
        ("a.MP3", "audio/mpeg"),
        ("a.ogg", "audio/ogg"),
        ("a.oga", "audio/ogg"),
        ("a.opus", "audio/ogg"),
        ("a.m4a", "audio/mp4"),  # hosts' mime.types say audio/x-m4a; browsers want audio/mp4
        ("a.mp4", "audio/mp4"),
        ("a.aac", "audio/aac"),
        ("a.wav", "audio/wav"),  # not audio/x-wav
        ("a.flac", "audio/flac"),
        ("a.webp", "image/webp"),
        ("a.avif", "image/avif"),
        ("a.jpg", "image/jpeg"),  # from Python's own table
        ("a.png", "image/png"),
        ("a.vtt", "text/vtt"),
        ("a.csv", "text/csv"),
        ("a.json", "application/json"),
        ("folder.mp3/a.webp", "image/webp"),  # only the name's own ending counts
        ("a.tar.gz", "application/octet-stream"),  # announcing gzip would make clients decompress it
        ("no-extension", "application/octet-stream"),
        ("a.unknownext", "application/octet-stream"),
        (".mp3", "application/octet-stream"),  # a hidden file's name, not an extension
    ],
)
def test_content_type_for(name, content_type):
    assert content_type_for(name) == content_type


@pytest.mark.parametrize(
    ("extension", "content_type"), [(".vtt", "text/vtt; charset=utf-8"), (".csv", "text/csv; charset=utf-8")]
)
def test_text_content_type_names_the_charset(extension, content_type):
    assert text_content_type(extension) == content_type


@pytest.mark.parametrize("extension", sorted(AUDIO_CONTAINERS))
def test_an_audio_file_is_served_as_the_format_its_name_promises(extension):
    # An upload is accepted when mutagen finds one of the name's containers; serving must agree.
    assert extension in CONTENT_TYPES
    served = content_type_for(f"a{extension}")
    for container in AUDIO_CONTAINERS[extension]:
        assert container in AUDIO_FORMATS, container
    assert served == AUDIO_FORMATS[AUDIO_CONTAINERS[extension][0]][0]
