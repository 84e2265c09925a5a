"""The demo's synthesised quintet: file format, determinism, voices coming and going as players do, levels."""

import mutagen
import mutagen.mp3
import numpy as np
import pytest
import soundfile as sf

from listening.demo.synth import FADE_OUT_S, SAMPLE_RATE, VOICES, _ride_hit, merge_spans, render_track, synthesize

SR = SAMPLE_RATE


def everyone(duration):
    return [(voice, 0.0, duration) for voice in VOICES]


def rms_db(x) -> float:
    x = np.asarray(x, dtype=np.float64)
    return float(10 * np.log10(np.mean(x**2) + 1e-30))


def band_db(x, lo, hi) -> float:
    """Power (dB) of x between lo and hi Hz."""
    x = np.asarray(x, dtype=np.float64)
    spec = np.abs(np.fft.rfft(x * np.hanning(len(x)))) ** 2 / len(x) ** 2
    f = np.fft.rfftfreq(len(x), 1 / SR)
    return float(10 * np.log10(spec[(f >= lo) & (f < hi)].sum() + 1e-30))


def window(x, start_s, end_s):
    return x[int(start_s * SR) : int(end_s * SR)]


def centroid(x) -> float:
    spec = np.abs(np.fft.rfft(np.asarray(x, dtype=np.float64))) ** 2
    f = np.fft.rfftfreq(len(x), 1 / SR)
    return float((spec * f).sum() / spec.sum())


# --- the file ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("duration", "tempo"), [(8.0, 120), (9.37, 63), (11.5, 196)])
def test_mp3_has_the_requested_length_and_format(tmp_path, duration, tempo):
    path = tmp_path / "track.mp3"
    render_track(path, duration_s=duration, tempo_bpm=tempo, voice_spans=everyone(duration), seed=4)

    info = mutagen.File(path).info
    assert type(mutagen.File(path)).__name__ == "MP3"
    assert info.length == pytest.approx(duration, abs=0.1)
    assert info.sample_rate == 22050
    assert info.channels == 1
    assert info.bitrate == pytest.approx(64000, abs=1000)  # constant bitrate: browsers seek CBR MP3 accurately
    assert info.bitrate_mode == mutagen.mp3.BitrateMode.CBR

    audio, sr = sf.read(path)
    assert sr == SR
    assert audio.ndim == 1
    assert len(audio) / SR == pytest.approx(duration, abs=0.1)
    assert not (path.parent / "track.mp3.part").exists()


def test_accepts_str_paths_and_overwrites(tmp_path):
    path = tmp_path / "t.mp3"
    path.write_bytes(b"stale")
    render_track(str(path), duration_s=3.0, tempo_bpm=100, voice_spans=[("bass", 0, 3)], seed=0)
    assert mutagen.File(path).info.length == pytest.approx(3.0, abs=0.1)


def test_same_arguments_give_identical_bytes_and_another_seed_differs(tmp_path):
    kwargs = {"duration_s": 8.0, "tempo_bpm": 132, "voice_spans": everyone(8.0)}
    a, b, c = tmp_path / "a.mp3", tmp_path / "b.mp3", tmp_path / "c.mp3"
    render_track(a, seed=7, **kwargs)
    render_track(b, seed=7, **kwargs)
    render_track(c, seed=8, **kwargs)
    assert a.read_bytes() == b.read_bytes()
    assert a.read_bytes() != c.read_bytes()


# --- voices and spans -------------------------------------------------------------------------------


def test_a_voice_added_for_a_span_changes_nothing_outside_it():
    """bass alone vs bass + trumpet from 4 s to 8 s: identical before 4 s and once the fade and the room are over."""
    bass = synthesize(duration_s=12.0, tempo_bpm=120, voice_spans=[("bass", 0, 12)], seed=5)
    both = synthesize(duration_s=12.0, tempo_bpm=120, voice_spans=[("bass", 0, 12), ("trumpet", 4, 8)], seed=5)
    trumpet = both.astype(np.float64) - bass

    assert np.max(np.abs(window(trumpet, 0, 4))) < 1e-6  # silent before its span
    assert rms_db(window(trumpet, 4.3, 7.7)) > -30  # clearly there inside it
    gone = 8 + FADE_OUT_S
    assert rms_db(window(trumpet, gone + 0.3, gone + 0.7)) < -55  # the fade, a short room tail, then gone
    assert np.max(np.abs(window(trumpet, gone + 1.05, 12))) < 1e-6


def test_trumpet_span_is_audible_in_the_decoded_mp3(tmp_path):
    """In the MP3, the muted trumpet's 1.2–4 kHz band lights up only between 4 s and 8 s."""
    bass_only, with_trumpet = tmp_path / "bass.mp3", tmp_path / "trumpet.mp3"
    render_track(bass_only, duration_s=12.0, tempo_bpm=120, voice_spans=[("bass", 0, 12)], seed=5)
    render_track(with_trumpet, duration_s=12.0, tempo_bpm=120, voice_spans=[("bass", 0, 12), ("trumpet", 4, 8)], seed=5)
    b, _ = sf.read(bass_only)
    t, _ = sf.read(with_trumpet)

    inside = band_db(window(t, 4.5, 7.5), 1200, 4000)
    before = band_db(window(t, 0.5, 3.5), 1200, 4000)
    after = band_db(window(t, 9.0, 11.5), 1200, 4000)
    assert inside > before + 25
    assert inside > after + 25
    # …and the bass-only render has nothing there at any time.
    assert band_db(window(b, 4.5, 7.5), 1200, 4000) < inside - 25
    # The bass itself is audible all along in both.
    for x in (b, t):
        assert rms_db(window(x, 0.5, 3.5)) > -35
        assert rms_db(window(x, 9.0, 11.5)) > -35


@pytest.mark.parametrize("voice", VOICES)
def test_each_voice_sounds_only_inside_its_span(voice):
    audio = synthesize(duration_s=12.0, tempo_bpm=120, voice_spans=[(voice, 3.0, 9.0)], seed=2)
    assert len(audio) == 12 * SR
    assert not np.any(window(audio, 0, 3.0))
    assert rms_db(window(audio, 3.5, 8.5)) > -45
    assert not np.any(window(audio, 9.0 + FADE_OUT_S + 1.05, 12))  # the fade and 1 s of room, then true silence


def test_a_voice_enters_on_a_note_not_half_way_through_one():
    """At 60 bpm the bass plays half notes (0 s, 2 s, 4 s…). Entering at 1.5 s it waits for the note at 2 s:
    the note that began at 0 s is not heard fading in, as a muted mixer channel's would be."""
    audio = synthesize(duration_s=8.0, tempo_bpm=60, voice_spans=[("bass", 1.5, 4.5)], seed=3)
    assert np.max(np.abs(window(audio, 1.5, 1.95))) < 1e-6  # (the room's round-off, no more)
    assert rms_db(window(audio, 2.0, 2.2)) > -25


def test_a_voice_leaves_with_a_short_fade_not_a_cut():
    """The bass note begun at 4 s is still ringing when the span ends at 4.5 s: it dies away over the fade."""
    audio = synthesize(duration_s=8.0, tempo_bpm=60, voice_spans=[("bass", 1.5, 4.5)], seed=3)
    before = rms_db(window(audio, 4.3, 4.5))
    assert rms_db(window(audio, 4.5, 4.6)) > before - 12  # not cut dead at the span's end
    assert rms_db(window(audio, 4.5 + FADE_OUT_S, 4.5 + FADE_OUT_S + 0.2)) < before - 20  # faded


def test_no_note_starts_after_a_voice_leaves():
    """Drums from 2 s to 6 s at 120 bpm: strokes on every beat inside; after 6 s only the fade and the room."""
    audio = synthesize(duration_s=8.0, tempo_bpm=120, voice_spans=[("drums", 2.0, 6.0)], seed=3).astype(np.float64)
    assert not np.any(window(audio, 0, 2.0))
    assert rms_db(window(audio, 2.0, 2.1)) > -35  # a stroke right at the entry
    inside = rms_db(window(audio, 5.0, 6.0))
    for start in (6.3, 6.5, 6.8):  # where the beats after the exit would have fallen, nothing new
        assert rms_db(window(audio, start, start + 0.2)) < inside - 25


def test_the_ride_cymbal_is_noise_not_a_bell():
    """A cymbal's spectrum is dense and inharmonic, so it is flat across its band; a bell's is a few peaks."""
    stroke = _ride_hit(np.random.default_rng(1))
    assert len(stroke) / SR > 0.8  # a wash that rings on, not a click
    hit = stroke[:8192]
    spec = np.abs(np.fft.rfft(hit * np.hanning(len(hit)))) ** 2
    f = np.fft.rfftfreq(len(hit), 1 / SR)
    band = spec[(f > 3000) & (f < 9000)]
    flatness = np.exp(np.mean(np.log(band + 1e-30))) / np.mean(band)
    assert flatness > 0.3
    assert band.max() / band.mean() < 40  # no single partial rings out


def test_touching_or_overlapping_spans_of_a_voice_merge():
    whole = synthesize(duration_s=10.0, tempo_bpm=90, voice_spans=[("piano", 0, 10), ("bass", 1, 9)], seed=9)
    pieces = synthesize(
        duration_s=10.0,
        tempo_bpm=90,
        voice_spans=[("piano", 0, 5), ("piano", 5, 10), ("bass", 1, 6), ("bass", 4, 9), ("bass", 2, 3)],
        seed=9,
    )
    np.testing.assert_array_equal(whole, pieces)
    assert merge_spans([(5, 10), (0, 5), (12, 13)]) == [(0, 10), (12, 13)]


def test_no_spans_gives_silence(tmp_path):
    assert not np.any(synthesize(duration_s=4.0, tempo_bpm=120, voice_spans=[], seed=1))
    path = tmp_path / "silent.mp3"
    render_track(path, duration_s=4.0, tempo_bpm=120, voice_spans=[], seed=1)
    assert mutagen.File(path).info.length == pytest.approx(4.0, abs=0.1)


def test_voices_have_distinct_registers_and_colours():
    def solo(voice):
        return synthesize(duration_s=10.0, tempo_bpm=110, voice_spans=[(voice, 0, 10)], seed=6)

    trumpet, tenor, bass = centroid(solo("trumpet")), centroid(solo("tenor")), centroid(solo("bass"))
    assert bass < 250
    assert 250 < tenor < 1000
    assert trumpet > 1500  # the Harmon mute's nasal, bright band
    drums = solo("drums")
    assert band_db(drums, 2000, 8000) > band_db(drums, 200, 600)  # brushes are hiss, not thud


# --- levels -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("tempo", [60, 200])
def test_full_band_peaks_below_minus_one_dbfs_and_is_not_quiet(tmp_path, tempo):
    path = tmp_path / "full.mp3"
    render_track(path, duration_s=12.0, tempo_bpm=tempo, voice_spans=everyone(12.0), seed=3)
    decoded, _ = sf.read(path)
    peak_dbfs = 20 * np.log10(np.max(np.abs(decoded)))
    assert peak_dbfs <= -1.0
    assert rms_db(decoded) > -25

    raw = synthesize(duration_s=12.0, tempo_bpm=tempo, voice_spans=everyone(12.0), seed=3)
    assert raw.dtype == np.float32
    assert 20 * np.log10(np.max(np.abs(raw))) <= -1.5 + 1e-4


@pytest.mark.parametrize(
    ("spans", "message"),
    [
        ([("kazoo", 0, 5)], "unknown voice 'kazoo'"),
        ([("Trumpet", 0, 5)], "unknown voice 'Trumpet'"),
        ([("bass", -1, 5)], "lies outside the track"),
        ([("bass", 2, 11)], "lies outside the track"),
        ([("bass", 5, 5)], "must end after it starts"),
        ([("bass", 6, 4)], "must end after it starts"),
        ([("bass", 0)], "must be a (voice, start_s, end_s) tuple"),
        ([("bass", float("nan"), 4)], "must be finite"),
        ("bass", "must be a sequence"),
    ],
)
def test_bad_spans_raise_value_error_and_write_nothing(tmp_path, spans, message):
    path = tmp_path / "bad.mp3"
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        render_track(path, duration_s=10.0, tempo_bpm=120, voice_spans=spans, seed=1)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "kwargs",
    [{"duration_s": 0}, {"duration_s": -3}, {"tempo_bpm": 0}, {"tempo_bpm": float("inf")}, {"seed": 1.5}],
)
def test_bad_duration_tempo_or_seed_raise_value_error(kwargs):
    args = {"duration_s": 10.0, "tempo_bpm": 120, "voice_spans": [("bass", 0, 1)], "seed": 1} | kwargs
    with pytest.raises(ValueError):
        synthesize(**args)
