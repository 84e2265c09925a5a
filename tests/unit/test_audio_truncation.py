"""Audio ingest refuses a file cut short, whose headers still promise the whole recording.

An interrupted copy or upload leaves a file that mutagen reads at its full length; kept, it would
play part of the track and then stop (or stall the player). Every accepted container that can say
so is checked, and whole files of every container still pass.
"""

import io

import mutagen
import pytest
from mutagen.easyid3 import EasyID3

from listening.tracks.audio_ingest import AudioRejected, read_audio_metadata
from tests.audio_containers import cut, encoded, wav_claiming_more

CONTAINERS = ["mp3", "wav", "flac", "ogg", "opus", "m4a"]
CUT_SHORT = "is damaged or incomplete (it may have been cut off while copying or uploading); export it again."


def read(data: bytes, name: str):
    return read_audio_metadata(io.BytesIO(data), name, max_bytes=10_000_000)


@pytest.mark.parametrize("container", CONTAINERS)
def test_a_whole_file_of_every_container_is_accepted(container):
    meta = read(encoded(container, seconds=6.0), f"whole.{container}")
    assert abs(meta.duration_ms - 6000) < 100, meta


@pytest.mark.parametrize("fraction", [0.5, 0.9, 0.99])
@pytest.mark.parametrize("container", CONTAINERS)
def test_a_file_cut_short_is_refused_in_one_sentence(container, fraction):
    with pytest.raises(AudioRejected) as caught:
        read(cut(encoded(container), fraction), f"cut.{container}")
    message = str(caught.value)
    assert "“cut." in message and "\n" not in message
    # Ogg Vorbis cut in half has no length left at all, and says so; the rest say they are cut off.
    assert message.endswith(CUT_SHORT) or message.endswith("has no playable length."), message


def test_an_mp3_cut_in_half_is_refused_though_mutagen_reads_its_full_length():
    half = cut(encoded("mp3", seconds=6.0), 0.5)
    assert abs(mutagen.File(io.BytesIO(half)).info.length - 6.0) < 0.1  # what the header still promises
    with pytest.raises(AudioRejected, match="is damaged or incomplete"):
        read(half, "half.mp3")


def test_a_wav_whose_header_claims_more_samples_than_it_holds_is_refused():
    with pytest.raises(AudioRejected, match="is damaged or incomplete"):
        read(wav_claiming_more(seconds=2.0, extra_seconds=3.0), "claims-five-seconds.wav")


def test_an_mp3_with_a_tag_in_front_is_still_whole(tmp_path):
    path = tmp_path / "tagged.mp3"
    path.write_bytes(encoded("mp3"))
    tags = EasyID3()
    tags["title"] = "Générique"
    tags.save(path)
    with path.open("rb") as handle:
        assert read_audio_metadata(handle, path.name, max_bytes=10_000_000).tags["title"] == "Générique"
