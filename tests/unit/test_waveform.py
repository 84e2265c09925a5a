import io
import json

import pytest

from listening.tracks.waveform import decode_peaks, envelope, is_peaks, samples_per_pixel
from tests.audio_samples import tone


def peaks_of(data: bytes, name: str, seconds: float):
    return decode_peaks(io.BytesIO(data), name, duration_ms=round(seconds * 1000), sample_rate=22050)


def test_mp3_peaks_are_audiowaveform_version_2():
    peaks = peaks_of(tone(3.0), "take.mp3", 3.0)
    assert set(peaks) == {"version", "channels", "sample_rate", "samples_per_pixel", "bits", "length", "data"}
    assert (peaks["version"], peaks["channels"], peaks["bits"], peaks["sample_rate"]) == (2, 1, 8, 22050)
    # One min/max pair per pixel, about 20 pixels a second.
    assert len(peaks["data"]) == 2 * peaks["length"]
    assert abs(peaks["length"] - 3.0 * 22050 / peaks["samples_per_pixel"]) <= 2
    assert is_peaks(json.loads(json.dumps(peaks)))


def test_peaks_follow_the_loudness():
    # The tone is 0.3 of full scale: 8-bit peaks near ±38, never clipped, min below max.
    peaks = peaks_of(tone(2.0, fmt="WAV"), "take.wav", 2.0)
    lows, highs = peaks["data"][0::2], peaks["data"][1::2]
    middle = len(lows) // 2
    assert -45 < lows[middle] < -30 and 30 < highs[middle] < 45
    assert all(low <= high for low, high in zip(lows, highs, strict=True))


@pytest.mark.parametrize("name", ["take.m4a", "take.opus", "take.aac"])
def test_formats_without_a_decoder_have_no_peaks(name):
    assert peaks_of(tone(1.0), name, 1.0) is None


def test_a_file_the_decoder_cannot_read_has_no_peaks():
    assert peaks_of(b"ID3" + bytes(4000), "broken.mp3", 1.0) is None


def test_long_recordings_keep_a_bounded_number_of_pixels():
    assert samples_per_pixel(22050 * 60, 22050) == 1102
    assert 22050 * 3600 * 10 / samples_per_pixel(22050 * 3600 * 10, 22050) <= 20_000


def test_envelope_reduces_to_columns_in_unit_range():
    peaks = {
        "version": 2,
        "channels": 1,
        "sample_rate": 8000,
        "samples_per_pixel": 400,
        "bits": 8,
        "length": 4,
        "data": [-128, 127, -64, 64, 0, 0, -10, 20],
    }
    assert envelope(peaks, 2) == [(-1.0, 127 / 128), (-10 / 128, 20 / 128)]
    assert envelope({"version": 1}, 10) == []
