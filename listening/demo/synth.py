"""Synthesised stand-in audio for the demo album.

The real *Ascenseur pour l'échafaud* recordings are under copyright, so the demo ships a small
jazz quintet played by numpy: a D minor / C7 modal vamp (four bars of each, round and round — the
harmony Pierre Michelot remembered Davis asking for) in swung 4/4.

* ``bass``    — a plucked upright: walking quarters, or a two-feel for ballads, on chord tones.
* ``drums``   — brushes: a swirling sweep, swung taps, a ride cymbal (filtered noise, as a cymbal is),
  a feathered kick and a hi-hat foot on 2 and 4.
* ``piano``   — sparse off-beat comping with rootless Dm7 / C7 voicings in the middle register.
* ``trumpet`` — a Harmon-muted trumpet (thin, nasal, bright) playing slow, lonely D dorian phrases.
* ``tenor``   — a breathier, darker tenor saxophone, lower down, answering the trumpet.

Each voice plays as a musician would inside its ``voice_spans``: it enters on a note (no note that
began before the span is heard), plays no note after the span ends, and what is still ringing at the
end fades out over ``FADE_OUT_S``. So a listener hears the entrances and exits where the guide says
they are, as players coming and going rather than a mixer channel being muted. Everything is derived from
``numpy.random.default_rng`` seeded from ``seed`` (one stream per voice), so the same arguments
always give the same bytes. Notes are synthesised once per pitch and added at their offsets: a
2¾-minute track takes about 0.6 s to synthesise and 0.9 s to encode (libsndfile's LAME) on two cores.
"""

from __future__ import annotations

import math
import numbers
import os
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import soundfile as sf

__all__ = ["SAMPLE_RATE", "VOICES", "merge_spans", "render_track", "synthesize"]

VOICES = ("trumpet", "tenor", "piano", "bass", "drums")

SAMPLE_RATE = 22050
SR = SAMPLE_RATE

#: A voice's entry: a guard against a click (the first note starts at the span, so this is not heard).
FADE_IN_S = 0.02
#: A voice's exit: the notes still ringing when the span ends die away over this long, not cut dead.
FADE_OUT_S = 0.3
#: Peak ceiling before encoding; the MP3 round trip adds a little overshoot, so keep a margin below -1 dBFS.
PEAK_DBFS = -1.5
#: libsndfile maps this compression level to 64 kbit/s constant bitrate for 22.05 kHz mono MPEG-2 layer III.
_MP3_COMPRESSION_LEVEL = 0.6
_WRITE_BLOCK = 1 << 16

MIN_TEMPO, MAX_TEMPO = 20.0, 400.0
MAX_DURATION_S = 3600.0

# Mix levels (linear) for each voice's stem; the stems are built at roughly unit note amplitude.
_GAIN = {"trumpet": 0.24, "tenor": 0.265, "piano": 0.23, "bass": 0.30, "drums": 0.40}
_REVERB_WET = 0.2
_REVERB_SEED = 1957  # one room for every track, independent of the track's seed

# Harmony: bar b is Dm7 when (b // 4) is even, C7 otherwise.
_DM, _C7 = 0, 1
_ROOT_PC = {_DM: 2, _C7: 0}
_CHORD_PCS = {_DM: (2, 5, 9, 0), _C7: (0, 4, 7, 10)}  # D F A C / C E G Bb
_SCALE_PCS = {_DM: (2, 4, 5, 7, 9, 11, 0), _C7: (0, 2, 4, 5, 7, 9, 10)}  # D dorian / C mixolydian
_DORIAN_STEPS = (0, 2, 3, 5, 7, 9, 10)  # D E F G A B C, degree 0 = D4 (MIDI 62)
# Scale degrees (mod 7) a horn may rest a long note on: D F A (+E) over Dm7; E G Bb C (+D) over C7.
_LANDING = {_DM: (0, 2, 4, 1), _C7: (1, 3, 5, 6, 0)}


def _chord_of_bar(bar: int) -> int:
    return _DM if (bar // 4) % 2 == 0 else _C7


def _chord_at(pos: float) -> int:
    return _chord_of_bar(math.floor(pos / 4 + 1e-9))


def _hz(midi: float) -> float:
    return 440.0 * 2.0 ** ((midi - 69) / 12)


# --------------------------------------------------------------------------------------------------
# Validation and spans
# --------------------------------------------------------------------------------------------------


def merge_spans(spans: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    """Sort (start, end) spans and merge the ones that overlap or touch."""
    merged: list[list[float]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1] + 1e-9:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def _finite(value, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValueError(f"{name} must be a number, got {value!r}")
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"{name} must be finite, got {value!r}")
    return value


def _validate(duration_s, tempo_bpm, voice_spans, seed) -> tuple[float, float, dict[str, list], int]:
    duration = _finite(duration_s, "duration_s")
    if not 0 < duration <= MAX_DURATION_S:
        raise ValueError(f"duration_s must be in (0, {MAX_DURATION_S:g}] seconds, got {duration:g}")
    tempo = _finite(tempo_bpm, "tempo_bpm")
    if not MIN_TEMPO <= tempo <= MAX_TEMPO:
        raise ValueError(f"tempo_bpm must be between {MIN_TEMPO:g} and {MAX_TEMPO:g}, got {tempo:g}")
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral):
        raise ValueError(f"seed must be an integer, got {seed!r}")
    if isinstance(voice_spans, str | bytes):
        raise ValueError("voice_spans must be a sequence of (voice, start_s, end_s) tuples")
    per_voice: dict[str, list[tuple[float, float]]] = {v: [] for v in VOICES}
    tolerance = 1e-6
    for span in voice_spans:
        try:
            voice, start, end = span
        except (TypeError, ValueError):
            raise ValueError(f"each voice span must be a (voice, start_s, end_s) tuple, got {span!r}") from None
        if not isinstance(voice, str) or voice not in per_voice:
            raise ValueError(f"unknown voice {voice!r} in span {span!r}; expected one of {', '.join(VOICES)}")
        start = _finite(start, f"start of {voice} span")
        end = _finite(end, f"end of {voice} span")
        if start < -tolerance or end > duration + tolerance:
            raise ValueError(f"{voice} span {start:g}–{end:g} s lies outside the track (0–{duration:g} s)")
        if end <= start:
            raise ValueError(f"{voice} span {start:g}–{end:g} s must end after it starts")
        per_voice[voice].append((max(0.0, start), min(duration, end)))
    return duration, tempo, {v: merge_spans(s) for v, s in per_voice.items()}, int(seed) % (1 << 64)


def _envelope(spans: list[tuple[float, float]], n: int) -> np.ndarray:
    """0 before each span, a click guard at its start, 1 through it, then a raised-cosine fade after its
    end: what a player leaves ringing dies away instead of stopping dead."""
    env = np.zeros(n, dtype=np.float32)
    in_n, out_n = int(round(FADE_IN_S * SR)), int(round(FADE_OUT_S * SR))
    for start, end in spans:
        i0, i1 = int(round(start * SR)), min(n, int(round(end * SR)))
        if i1 <= i0:
            continue
        shape = np.ones(i1 - i0 + out_n, dtype=np.float32)
        f = min(in_n, (i1 - i0) // 2)
        if f > 0:
            shape[:f] = 0.5 - 0.5 * np.cos(np.pi * (np.arange(f) + 0.5) / f)
        shape[i1 - i0 :] = 0.5 + 0.5 * np.cos(np.pi * (np.arange(out_n) + 0.5) / out_n)
        stop = min(n, i0 + len(shape))
        env[i0:stop] = np.maximum(env[i0:stop], shape[: stop - i0])
    return env


def _starts_in(spans: list[tuple[float, float]], t: float) -> bool:
    """Whether a note beginning at t belongs to a span: players start notes only inside their spans."""
    return any(s - 1e-6 <= t < e for s, e in spans)


# --------------------------------------------------------------------------------------------------
# Time grid (swung eighths)
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Grid:
    tempo: float

    @property
    def beat(self) -> float:
        return 60.0 / self.tempo

    @property
    def swing(self) -> float:
        # Triplet swing at ballad and medium tempos, flattening towards even eighths when fast.
        return float(np.clip(2 / 3 - max(0.0, self.tempo - 140) / 60 * 0.09, 0.56, 2 / 3))

    @property
    def unit(self) -> float:
        # Horn phrasing "thinks" in half time at fast tempos so the lines stay slow and spacious.
        return 2.0 if self.tempo >= 150 else 1.0

    def time(self, pos: float) -> float:
        """Seconds at a position in beats; eighth-note off-beats are swung, other points interpolated."""
        whole = math.floor(pos + 1e-9)
        frac = pos - whole
        sw = self.swing
        g = frac * 2 * sw if frac <= 0.5 else sw + (frac - 0.5) * 2 * (1 - sw)
        return (whole + g) * self.beat

    def ceil_half(self, seconds: float) -> float:
        """The first half-beat position that sounds at or after `seconds`."""
        pos = math.ceil(seconds / self.beat * 2 - 1e-6) / 2
        while self.time(pos) < seconds - 1e-6:
            pos += 0.5
        return pos


# --------------------------------------------------------------------------------------------------
# Signal helpers
# --------------------------------------------------------------------------------------------------


def _band(x: np.ndarray, lo: float | None, hi: float | None, order: int = 2) -> np.ndarray:
    """Butterworth-shaped band-pass by FFT mask (zero phase); fine for noise and short templates."""
    spec = np.fft.rfft(x)
    f = np.fft.rfftfreq(len(x), 1 / SR)
    f[0] = 1e-3
    mask = np.ones_like(f)
    if lo:
        mask /= np.sqrt(1 + (lo / f) ** (2 * order))
    if hi:
        mask /= np.sqrt(1 + (f / hi) ** (2 * order))
    return np.fft.irfft(spec * mask, len(x))


def _smooth_noise(rng: np.random.Generator, n: int, step_s: float, depth: float) -> np.ndarray:
    """1 + slow random wobble (linear interpolation of random points every `step_s`)."""
    k = int(n / (step_s * SR)) + 2
    pts = rng.uniform(-depth, depth, k)
    return 1 + np.interp(np.arange(n) / (step_s * SR), np.arange(k), pts)


def _add(buf: np.ndarray, start: int, wave: np.ndarray) -> None:
    """buf[start:start+len(wave)] += wave, clipped to the buffer."""
    n = len(buf)
    if start >= n or start + len(wave) <= 0:
        return
    lo = max(0, -start)
    hi = min(len(wave), n - start)
    buf[start + lo : start + hi] += wave[lo:hi]


def _release_env(hold: int, release: int, attack: int) -> np.ndarray:
    env = np.ones(hold + release, dtype=np.float64)
    attack = max(1, min(attack, hold))
    env[:attack] = 0.5 - 0.5 * np.cos(np.pi * np.arange(attack) / attack)
    if release:
        env[hold:] = 0.5 + 0.5 * np.cos(np.pi * (np.arange(release) + 1) / release)
    return env


_TABLE = 2048


def _wavetable(amps: np.ndarray) -> np.ndarray:
    """One period of sum(a_k sin(k x + phi_k)) with Schroeder phases (low crest factor), RMS 1/sqrt2."""
    k = np.arange(1, len(amps) + 1)
    phi = np.pi * k * (k - 1) / len(amps)
    x = 2 * np.pi * np.arange(_TABLE) / _TABLE
    table = np.sin(np.outer(x, k) + phi) @ amps
    table *= (1 / math.sqrt(2)) / np.sqrt(np.mean(table**2))
    return np.append(table, table[0])


def _read_table(table: np.ndarray, cycles: np.ndarray) -> np.ndarray:
    idx = (cycles % 1.0) * _TABLE
    i = idx.astype(np.int64)
    frac = idx - i
    return table[i] + frac * (table[i + 1] - table[i])


# --------------------------------------------------------------------------------------------------
# Horns: phrase planning
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _HornStyle:
    lo: int  # register, in D dorian degrees (0 = D4)
    hi: int
    home: int
    durs: tuple[float, ...]
    dur_w: tuple[float, ...]
    finals: tuple[float, ...]
    n_notes: tuple[int, int]
    rests_alone: tuple[float, ...]


_TRUMPET = _HornStyle(
    lo=0,
    hi=10,
    home=4,  # D4 … F5, centred on A4
    durs=(0.5, 1.0, 1.5, 2.0, 3.0, 4.0),
    dur_w=(0.12, 0.22, 0.18, 0.22, 0.14, 0.12),
    finals=(2.0, 3.0, 4.0),
    n_notes=(2, 5),
    rests_alone=(1.5, 2.0, 2.5, 3.0, 4.0),
)
_TENOR = _HornStyle(
    lo=-8,
    hi=2,
    home=-3,  # C3 … F4, centred on A3
    durs=(0.5, 1.0, 1.5, 2.0, 3.0),
    dur_w=(0.3, 0.3, 0.16, 0.14, 0.1),
    finals=(1.5, 2.0, 3.0),
    n_notes=(3, 7),
    rests_alone=(1.5, 2.0, 3.0, 4.0),
)


@dataclass
class _Note:
    start: float  # beats
    end: float  # beats
    midi: int
    vel: float


def _deg_to_midi(deg: int, chord: int) -> int:
    octave, step = divmod(deg, 7)
    midi = 62 + 12 * octave + _DORIAN_STEPS[step]
    if chord == _C7 and step == 5:
        midi -= 1  # B natural → B flat over C7 (C mixolydian)
    return midi


def _snap_to_landing(deg: int, chord: int, lo: int, hi: int, rng: np.random.Generator) -> int:
    cands = [d for d in range(lo, hi + 1) if d % 7 in _LANDING[chord]]
    best = min(abs(d - deg) for d in cands)
    near = [d for d in cands if abs(d - deg) == best]
    return near[int(rng.integers(len(near)))]


def _reflect(deg: int, lo: int, hi: int) -> int:
    while deg < lo or deg > hi:
        deg = 2 * lo - deg if deg < lo else 2 * hi - deg
    return deg


class _Phraser:
    """Generates horn phrases: a rhythm of mostly long notes, stepwise pitches, long notes on chord tones."""

    _STEPS = np.array([-4, -3, -2, -1, 0, 1, 2, 3, 4])
    _STEP_W = np.array([0.03, 0.07, 0.2, 0.27, 0.04, 0.2, 0.12, 0.05, 0.02])

    def __init__(self, style: _HornStyle, rng: np.random.Generator, unit: float):
        self.style, self.rng, self.unit = style, rng, unit
        self.deg = style.home
        self.last_rhythm: list[tuple[float, bool]] | None = None

    def _rhythm(self) -> list[tuple[float, bool]]:
        st, rng = self.style, self.rng
        if self.last_rhythm and rng.random() < 0.35:
            return self.last_rhythm  # repeat the rhythm with new pitches: a sequence, a motif
        n = int(rng.integers(st.n_notes[0], st.n_notes[1] + 1))
        p = np.array(st.dur_w) / sum(st.dur_w)
        rhythm = [(float(d) * self.unit, False) for d in rng.choice(st.durs, size=n, p=p)]
        if n > 2 and rng.random() < 0.25:
            rhythm.insert(int(rng.integers(1, n)), (float(rng.choice((0.5, 1.0))) * self.unit, True))
        rhythm.append((float(rng.choice(st.finals)) * self.unit, False))
        self.last_rhythm = rhythm
        return rhythm

    def phrase(self, start: float, limit: float) -> tuple[list[_Note], float]:
        st, rng = self.style, self.rng
        rhythm = self._rhythm()
        notes: list[_Note] = []
        pos = start
        base_vel = rng.uniform(0.78, 0.95)
        deg = _reflect(self.deg + int(rng.choice((-2, -1, 0, 1, 2, 3))), st.lo, st.hi)
        for i, (dur, is_rest) in enumerate(rhythm):
            if pos >= limit - 0.25:
                break
            end = min(pos + dur, limit)
            if not is_rest:
                if notes:
                    deg = _reflect(deg + int(rng.choice(self._STEPS, p=self._STEP_W)), st.lo, st.hi)
                chord = _chord_at(pos)
                if end - pos >= 2 * self.unit or i == len(rhythm) - 1:
                    deg = _snap_to_landing(deg, chord, st.lo, st.hi, rng)
                vel = base_vel * (1 - 0.12 * i / len(rhythm)) * rng.uniform(0.92, 1.05)
                notes.append(_Note(pos, end, _deg_to_midi(deg, chord), float(vel)))
            pos = end
        self.deg = deg
        return notes, pos


def _beats_spans(spans: list[tuple[float, float]], grid: _Grid) -> list[tuple[float, float]]:
    return [(grid.ceil_half(s), e / grid.beat) for s, e in spans]


def _active(spans_beats: list[tuple[float, float]], a: float, b: float) -> bool:
    return any(s < b and a < e for s, e in spans_beats)


def _next_phrase_start(ph_end: float, rest: float, end: float, grid: _Grid) -> float:
    """After a rest; but a horn should not fall silent well before its span ends (the exit must be
    heard where the guide puts it), so a rest that would run out the span becomes a last, short
    phrase that plays into the exit fade."""
    pos = math.ceil((ph_end + rest) * 2) / 2
    if pos >= end - 0.5 and end - ph_end > grid.unit:
        pos = max(math.ceil((ph_end + 0.5) * 2) / 2, math.floor((end - 3 * grid.unit) * 2) / 2)
    return pos


def _plan_trumpet(rng, grid: _Grid, spans: list[tuple[float, float]], tenor_spans) -> tuple[list[_Note], list]:
    phraser = _Phraser(_TRUMPET, rng, grid.unit)
    tenor_b = [(s / grid.beat, e / grid.beat) for s, e in tenor_spans]
    notes: list[_Note] = []
    phrases: list[tuple[float, float]] = []
    for start, end in _beats_spans(spans, grid):
        pos = start
        while pos < end - 0.5:
            ph, ph_end = phraser.phrase(pos, end + 0.5)
            notes += ph
            if ph:
                phrases.append((ph[0].start, min(ph[-1].end, end)))
            rest = float(rng.choice(_TRUMPET.rests_alone)) * math.sqrt(grid.unit)
            if _active(tenor_b, ph_end, ph_end + 8 * grid.unit):
                rest += float(rng.choice((4.0, 5.0, 6.0, 7.0))) * grid.unit  # leave room for the answer
            pos = _next_phrase_start(ph_end, rest, end, grid)
    return notes, phrases


def _plan_tenor(rng, grid: _Grid, spans, trumpet_phrases: list[tuple[float, float]]) -> list[_Note]:
    """Tenor phrases fill the trumpet's rests; entering under a trumpet phrase it plays soft guide tones."""
    phraser = _Phraser(_TENOR, rng, grid.unit)
    notes: list[_Note] = []
    pad_prev = 53
    for start, end in _beats_spans(spans, grid):
        pos, first = start, True
        while pos < end - 0.5:
            playing = [p for p in trumpet_phrases if p[0] <= pos + 0.5 and pos < p[1]]
            if playing:
                t_end = max(p[1] for p in playing)
                if first:  # background: one guide tone per bar under the trumpet
                    stop = min(t_end, end + 0.5)
                    while pos < stop - 0.25:
                        bar_end = (math.floor(pos / 4 + 1e-9) + 1) * 4
                        chord = _chord_at(pos)
                        choices = (53, 60) if chord == _DM else (52, 58)
                        pad_prev = min(choices, key=lambda m: (abs(m - pad_prev), m))
                        notes.append(_Note(pos, min(bar_end, stop), pad_prev, 0.55))
                        pos = min(bar_end, stop)
                pos = math.ceil((t_end + float(rng.choice((0.5, 1.0, 1.5)))) * 2) / 2
                first = False
                continue
            upcoming = [p[0] for p in trumpet_phrases if p[0] > pos]
            nxt = min(upcoming) if upcoming else math.inf
            limit = min(nxt + 0.5, end + 0.5)
            if limit - pos < 1.5 * grid.unit and nxt < end:
                pos = nxt  # not enough room before the trumpet comes back: wait for it
                first = False
                continue
            ph, ph_end = phraser.phrase(pos, limit)
            notes += ph
            rest = float(rng.choice(_TENOR.rests_alone)) * math.sqrt(grid.unit)
            pos = _next_phrase_start(ph_end, rest, end, grid)
            first = False
    return notes


# --------------------------------------------------------------------------------------------------
# Horns: sound
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _HornSound:
    attack: float
    release: float
    gap: float
    vib_rate: float
    vib_depth: float
    vib_delay: float
    scoop: float
    breath: float
    breath_attack: float


_TRUMPET_SOUND = _HornSound(
    attack=0.022,
    release=0.07,
    gap=0.05,
    vib_rate=5.3,
    vib_depth=0.0035,
    vib_delay=0.35,
    scoop=0.012,
    breath=0.025,
    breath_attack=2.5,
)
_TENOR_SOUND = _HornSound(
    attack=0.045,
    release=0.1,
    gap=0.025,
    vib_rate=5.0,
    vib_depth=0.005,
    vib_delay=0.25,
    scoop=0.02,
    breath=0.11,
    breath_attack=1.2,
)


def _harmon_amps(f0: float) -> tuple[np.ndarray, np.ndarray]:
    """Harmon-muted trumpet: thin bottom, strong nasal resonance near 1.8 kHz, bright but band-limited."""
    k = np.arange(1, int(0.45 * SR / f0) + 1)
    f = k * f0
    hp = (f / 700) ** 2 / (1 + (f / 700) ** 2)
    res = 1 + 3.5 * np.exp(-0.5 * (np.log2(f / 1800) / 0.45) ** 2) + 0.8 * np.exp(-0.5 * (np.log2(f / 4200) / 0.3) ** 2)
    lp = 1 / (1 + (f / 5000) ** 4)
    amps = k**-0.6 * hp * res * lp
    bright = amps * (1 + 1.2 * np.clip((f - 1500) / 3000, 0, 1))
    return amps, bright


def _tenor_amps(f0: float) -> tuple[np.ndarray, np.ndarray]:
    """Tenor sax: full fundamental, warm formant near 500 Hz and a softer one near 1.4 kHz, dark top."""
    k = np.arange(1, int(0.45 * SR / f0) + 1)
    f = k * f0
    res = 1 + 1.4 * np.exp(-0.5 * (np.log2(f / 500) / 0.6) ** 2) + 0.6 * np.exp(-0.5 * (np.log2(f / 1400) / 0.4) ** 2)
    lp = 1 / (1 + (f / 2200) ** 4)
    amps = k**-1.1 * res * lp
    bright = amps * (1 + 0.8 * np.clip((f - 800) / 2000, 0, 1))
    return amps, bright


def _horn_tone(midi: int, n: int, snd: _HornSound, amps_fn, rng: np.random.Generator) -> np.ndarray:
    """One long note at `midi`: wavetable oscillator with onset scoop, delayed vibrato, shimmer, breath."""
    f0 = _hz(midi)
    amps, bright = amps_fn(f0)
    tab, tab_bright = _wavetable(amps), _wavetable(bright)
    t = np.arange(n) / SR
    vib_env = np.clip((t - snd.vib_delay) / 0.6, 0, 1)
    freq = f0 * (
        1
        + snd.vib_depth * vib_env * np.sin(2 * np.pi * snd.vib_rate * t + rng.uniform(0, 2 * np.pi))
        - snd.scoop * np.exp(-t / 0.05)
    )
    cycles = np.cumsum(freq) / SR
    y = _read_table(tab, cycles)
    y += np.exp(-t / 0.06) * (_read_table(tab_bright, cycles) - y)
    y *= _smooth_noise(rng, n, 0.045, 0.04)
    breath = _band(rng.standard_normal(n), 900, 4500)
    breath *= snd.breath / (np.std(breath) + 1e-12) * (1 + snd.breath_attack * np.exp(-t / 0.08))
    return y + breath


def _render_horn(n: int, notes: list[_Note], grid: _Grid, snd: _HornSound, amps_fn, rng, spans) -> np.ndarray:
    buf = np.zeros(n, dtype=np.float32)
    events = []
    for note in notes:
        t0, t1 = grid.time(note.start), grid.time(note.end)
        dur = t1 - t0
        sound = max(0.05, dur - min(snd.gap, 0.2 * dur))
        if _starts_in(spans, t0):
            events.append((t0, sound, note.midi, note.vel))
    need: dict[int, int] = {}
    for _, sound, midi, _ in events:
        need[midi] = max(need.get(midi, 0), int((sound + snd.release) * SR) + 1)
    tones = {m: _horn_tone(m, need[m], snd, amps_fn, rng) for m in sorted(need)}
    for t0, sound, midi, vel in events:
        hold, rel = int(sound * SR), int(snd.release * SR)
        env = _release_env(hold, rel, int(snd.attack * SR))
        if sound > 0.8:  # long notes swell a little and relax
            env[:hold] *= 0.84 + 0.16 * np.sin(np.pi * np.arange(hold) / hold)
        late = rng.uniform(0.0, 0.015)  # horns sit a touch behind the beat
        _add(buf, int(round((t0 + late) * SR)), (tones[midi][: hold + rel] * env * vel).astype(np.float32))
    return buf


# --------------------------------------------------------------------------------------------------
# Bass
# --------------------------------------------------------------------------------------------------

_BASS_LO, _BASS_HI = 28, 50  # E1 … D3


def _nearest(pc: int, ref: int, lo: int = _BASS_LO, hi: int = _BASS_HI) -> int:
    cands = [m for m in range(lo, hi + 1) if m % 12 == pc]
    return min(cands, key=lambda m: (abs(m - ref), m))


def _scale_walk(start: int, direction: int, steps: int, chord: int) -> int:
    """Move `steps` scale steps from `start` in `direction` within the chord's scale."""
    m = start
    for _ in range(steps):
        m += direction
        while m % 12 not in _SCALE_PCS[chord]:
            m += direction
    return m


def _chord_step(start: int, direction: int, chord: int) -> int:
    m = start + direction
    while m % 12 not in _CHORD_PCS[chord]:
        m += direction
    return m


def _plan_bass(rng, grid: _Grid, n_bars: int) -> list[tuple[float, float, int, float]]:
    """(start_beat, end_beat, midi, velocity): walking quarters, or a two-feel below 92 bpm."""
    notes = []
    prev = 38
    two_feel = grid.tempo < 92
    for bar in range(n_bars):
        chord, nxt_chord = _chord_of_bar(bar), _chord_of_bar(bar + 1)
        root = _nearest(_ROOT_PC[chord], prev, 31, 45)
        if rng.random() < 0.1:
            root = _nearest(_CHORD_PCS[chord][1], root, 31, 45)  # now and then start on the third
        target = _nearest(_ROOT_PC[nxt_chord], root + int(rng.choice((-5, 0, 5))), 31, 45)
        direction = int(np.sign(target - root)) or int(rng.choice((-1, 1)))
        if root + 7 > _BASS_HI:
            direction = -1
        elif root - 7 < _BASS_LO:
            direction = 1
        approach = target - direction if rng.random() < 0.6 else target + direction
        if approach % 12 == root % 12 and approach != target:
            approach = target + direction
        b0 = bar * 4
        if two_feel:
            fifth = _nearest((_ROOT_PC[chord] + 7) % 12, root + 4 * direction)
            if rng.random() < 0.35:
                notes += [(b0, b0 + 2, root, 1.0), (b0 + 2, b0 + 3, fifth, 0.85), (b0 + 3, b0 + 4, approach, 0.8)]
            else:
                third_or_fifth = fifth if rng.random() < 0.7 else _nearest(_CHORD_PCS[chord][1], root + 3)
                notes += [(b0, b0 + 2, root, 1.0), (b0 + 2, b0 + 4, third_or_fifth, 0.85)]
        else:
            if rng.random() < 0.5:  # arpeggio: the next chord tones up (F, A from D) or down (C, A from D)
                m2 = _chord_step(root, direction, chord)
                m3 = _chord_step(m2, direction, chord)
            else:  # scale walk
                m2 = _scale_walk(root, direction, 1, chord)
                m3 = _scale_walk(m2, direction, int(rng.integers(1, 3)), chord)
            if m3 == approach:
                m3 = _scale_walk(m2, direction, 1, chord)
            vel = rng.uniform(0.85, 1.0, 4)
            line = (root, m2, m3, approach)
            notes += [(b0 + i, b0 + i + 1, m, v) for i, (m, v) in enumerate(zip(line, vel, strict=True))]
        prev = notes[-1][2]
    return [(s, e, int(np.clip(m, _BASS_LO, _BASS_HI)), float(v)) for s, e, m, v in notes]


def _bass_tone(midi: int, n: int, rng: np.random.Generator) -> np.ndarray:
    """Plucked upright: decaying harmonics (upper ones die first), a pitch settle and a finger thump."""
    f0 = _hz(midi)
    t = np.arange(n) / SR
    cycles = np.cumsum(f0 * (1 + 0.006 * np.exp(-t / 0.03))) / SR
    ph = 2 * np.pi * cycles
    y = np.zeros(n)
    pluck = 0.22
    for k in range(1, 13):
        if k * f0 > 2800:
            break
        a = abs(math.sin(k * math.pi * pluck)) / k**1.2
        if k == 2:
            a *= 1.4  # the upright's strong second harmonic keeps it audible on small speakers
        tau = 1.1 * (55 / f0) ** 0.3 / (1 + 0.55 * (k - 1))
        y += a * np.sin(k * ph) * np.exp(-t / tau)
    y /= np.max(np.abs(y[: int(0.1 * SR)])) + 1e-12
    m = min(n, int(0.03 * SR))
    thump = _band(rng.standard_normal(m), 80, 700) * np.exp(-np.arange(m) / (0.006 * SR))
    y[:m] += 0.5 * thump / (np.max(np.abs(thump)) + 1e-12)
    return y


def _render_bass(n, grid: _Grid, n_bars, rng, spans) -> np.ndarray:
    buf = np.zeros(n, dtype=np.float32)
    release = int(0.04 * SR)
    events = []
    for s, e, midi, vel in _plan_bass(rng, grid, n_bars):
        t0, t1 = grid.time(s), grid.time(e)
        if _starts_in(spans, t0):
            events.append((t0, t1 - t0, midi, vel))
    need: dict[int, int] = {}
    for _, dur, midi, _ in events:
        need[midi] = max(need.get(midi, 0), int(dur * SR) + 1)
    tones = {m: _bass_tone(m, need[m], rng) for m in sorted(need)}
    for t0, dur, midi, vel in events:
        hold = max(1, int(dur * SR) - release)
        env = _release_env(hold, release, int(0.004 * SR))
        wave = tones[midi][: hold + release] * env * vel
        _add(buf, int(round((t0 + rng.normal(0, 0.004)) * SR)), wave.astype(np.float32))
    return buf


# --------------------------------------------------------------------------------------------------
# Piano
# --------------------------------------------------------------------------------------------------

_VOICINGS = {
    _DM: ((53, 57, 60, 64), (48, 52, 53, 57), (52, 57, 62, 67), (57, 60, 64, 65)),  # F A C E / C E F A / E A D G
    _C7: ((52, 58, 62, 67), (46, 50, 52, 57), (52, 57, 58, 62), (58, 62, 64, 69)),  # E Bb D G / Bb D E A / ...
}
# (position in bar, length) in beats; mostly off-beats, sometimes an anticipation of the next bar.
_COMP = (
    ((1.5, 1.0),),
    ((0.5, 0.5), (2.5, 1.0)),
    ((3.5, 1.5),),
    ((1.0, 0.5), (2.5, 1.5)),
    ((2.5, 2.0),),
    (),
    ((0.0, 1.5),),
    ((0.0, 1.0), (1.5, 1.0)),
)
_COMP_W = np.array([0.18, 0.14, 0.12, 0.1, 0.14, 0.14, 0.08, 0.1])
_COMP_W_FAST = np.array([0.16, 0.02, 0.16, 0.02, 0.2, 0.3, 0.12, 0.02])


def _piano_tone(midi: int, n: int, rng: np.random.Generator) -> np.ndarray:
    """Struck string: slightly stretched partials with two-stage decay and a little chorus between strings."""
    f0 = _hz(midi)
    t = np.arange(n) / SR
    y = np.zeros(n)
    tau0 = 1.8 * (261.6 / f0) ** 0.5
    # Partial k decays with tau0 / (1 + 0.35 (k-1)) (slow stage) and 0.12 of that (fast stage); both
    # envelopes, and cos(k x) for the beating between the strings, are stepped by multiplication.
    slow, fast = np.exp(-t / tau0), np.exp(-t / (0.12 * tau0))
    slow_step, fast_step = np.exp(-0.35 * t / tau0), np.exp(-0.35 * t / (0.12 * tau0))
    cos1 = np.cos(2 * np.pi * f0 * 0.0007 * t)
    cos_prev, cos_k = np.ones(n), cos1
    for k in range(1, 15):
        fk = k * f0 * math.sqrt(1 + 0.0004 * k * k)
        if fk > 6000:
            break
        if k > 1:
            slow, fast = slow * slow_step, fast * fast_step
            cos_prev, cos_k = cos_k, 2 * cos1 * cos_k - cos_prev
        a = abs(math.sin(k * math.pi / 7.3)) / k**1.1 + 0.05 / k
        env = (0.55 * fast + 0.45 * slow) * (0.75 + 0.25 * cos_k)
        y += a * np.sin(2 * np.pi * fk * t + rng.uniform(0, 2 * np.pi)) * env
    att = int(0.003 * SR)
    y[:att] *= np.linspace(0, 1, att, endpoint=False)
    m = min(n, int(0.015 * SR))
    y[:m] += 0.15 * _band(rng.standard_normal(m), 200, 2500) * np.exp(-np.arange(m) / (0.003 * SR))
    return y / (np.max(np.abs(y)) + 1e-12)


def _closest_voicing(chord: int, prev: tuple[int, ...]) -> tuple[int, ...]:
    return min(_VOICINGS[chord], key=lambda v: sum(abs(a - b) for a, b in zip(v, prev, strict=True)))


def _render_piano(n, grid: _Grid, n_bars, rng, spans) -> np.ndarray:
    buf = np.zeros(n, dtype=np.float32)
    w = _COMP_W_FAST if grid.tempo >= 160 else _COMP_W
    stretch = 1.6 if grid.tempo < 80 else 1.0
    release = int(0.12 * SR)
    plan = []  # (start beat, length in beats, voicing, velocity)
    prev = _VOICINGS[_DM][0]
    for bar in range(n_bars):
        for pos, length in _COMP[int(rng.choice(len(_COMP), p=w / w.sum()))]:
            start = bar * 4 + pos
            chord = _chord_at(start + 0.5)  # a hit on the "and" of 4 anticipates the next bar
            options = _VOICINGS[chord]
            costs = np.array([sum(abs(a - b) for a, b in zip(v, prev, strict=True)) for v in options], float)
            p = np.exp(-costs / 4)
            prev = options[int(rng.choice(len(options), p=p / p.sum()))]
            plan.append((start, length * stretch, prev, float(rng.uniform(0.55, 0.85))))
    # Comping is sparse, so make sure the piano is heard coming in: a chord right at each entrance.
    for span_start, _ in spans:
        first = grid.ceil_half(span_start)
        if not any(first <= s < first + 1.5 for s, *_ in plan):
            before = [v for s, _, v, _ in plan if s < first]
            voicing = _closest_voicing(_chord_at(first + 0.5), before[-1] if before else _VOICINGS[_DM][0])
            plan.append((first, 1.5 * stretch, voicing, 0.75))
    hits = []
    for start, length, voicing, vel in sorted(plan):
        t0 = grid.time(start)
        dur = min(grid.time(start + length) - t0, 2.5)
        if _starts_in(spans, t0):
            hits.append((t0, dur, voicing, vel))
    need: dict[int, int] = {}
    for _, dur, voicing, _ in hits:
        for m in voicing:
            need[m] = max(need.get(m, 0), int(dur * SR) + release + 1)
    tones = {m: _piano_tone(m, need[m], rng) for m in sorted(need)}
    for t0, dur, voicing, vel in hits:
        hold = int(dur * SR)
        env = _release_env(hold, release, 1)
        roll = rng.uniform(0.004, 0.014)
        for i, m in enumerate(voicing):
            v = vel * (1.1 if i == len(voicing) - 1 else 1.0)  # top note sings a little
            _add(buf, int(round((t0 + i * roll) * SR)), (tones[m][: hold + release] * env * v).astype(np.float32))
    return buf


# --------------------------------------------------------------------------------------------------
# Drums (brushes)
# --------------------------------------------------------------------------------------------------


def _render_drums(n, grid: _Grid, n_bars, rng, spans) -> np.ndarray:
    buf = np.zeros(n, dtype=np.float32)
    beat = grid.beat
    # Sweep: one bar of soft filtered noise swelling towards 2 and 4, four variants to avoid a loop.
    bar_n = int(round(4 * beat * SR))
    tb = np.arange(bar_n) / SR / beat
    sweep_env = 0.35 + 0.65 * np.sin(np.pi * (tb + 0.15) / 2) ** 4
    sweeps = []
    for _ in range(4):
        x = _band(rng.standard_normal(bar_n), 500, 3500, 1)
        sweeps.append(x / (np.std(x) + 1e-12) * sweep_env * 0.12)

    # Brush tap (the swung pattern on the snare), ride cymbal, feathered kick, hi-hat foot.
    def burst(length, lo, hi, tau, order=2):
        m = int(length * SR)
        x = _band(rng.standard_normal(m), lo, hi, order) * np.exp(-np.arange(m) / (tau * SR))
        x[: int(0.002 * SR)] *= np.linspace(0, 1, int(0.002 * SR), endpoint=False)
        return x / (np.max(np.abs(x)) + 1e-12)

    taps = [burst(0.12, 1200, 7000, 0.025) for _ in range(3)]
    rides = [_ride_hit(rng) for _ in range(4)]
    m = int(0.25 * SR)
    tk = np.arange(m) / SR
    kick = np.sin(2 * np.pi * np.cumsum(48 + 35 * np.exp(-tk / 0.02)) / SR) * np.exp(-tk / 0.09)
    kick[: int(0.003 * SR)] *= np.linspace(0, 1, int(0.003 * SR), endpoint=False)
    chick = burst(0.05, 5000, 10000, 0.012)

    def hit(t, wave, level):
        if _starts_in(spans, t):  # a drummer comes in on a stroke, not half-way through one
            _add(buf, int(round(t * SR)), (wave * level).astype(np.float32))

    sweep_buf = np.zeros(n, dtype=np.float32)
    ride_pos = (0.0, 1.0, 1.5, 2.0, 3.0, 3.5)  # ding, ding-da ding, ding-da (swung)
    for bar in range(n_bars):
        b0 = bar * 4
        t_bar = grid.time(b0)
        if not any(s < t_bar + 4 * beat and t_bar < e for s, e in spans):
            continue
        _add(sweep_buf, int(round(t_bar * SR)), sweeps[bar % 4].astype(np.float32))
        for pos in ride_pos:
            t = grid.time(b0 + pos) + rng.normal(0, 0.003)
            accent = 1.0 if pos in (1.0, 3.0) else 0.7 if pos % 1 == 0 else 0.5
            hit(t, taps[int(rng.integers(3))], 0.5 * accent * rng.uniform(0.85, 1.1))
            hit(t, rides[int(rng.integers(4))], 0.16 * accent * rng.uniform(0.9, 1.05))
        for pos, level in ((0.0, 0.4), (2.0, 0.22)):
            hit(grid.time(b0 + pos), kick, level)
        for pos in (1.0, 3.0):
            hit(grid.time(b0 + pos), chick, 0.18)
    # The brush's sweep is a texture, not a stroke: it starts to move at the entry over a short swell.
    swell = np.ones(n, dtype=np.float32)
    swell_n = int(0.15 * SR)
    for start, _end in spans:
        i0 = int(round(start * SR))
        k = min(swell_n, n - i0)
        if k > 0:
            swell[i0 : i0 + k] = np.minimum(swell[i0 : i0 + k], np.linspace(0, 1, k, endpoint=False))
    buf += sweep_buf * swell
    return buf


def _ride_hit(rng: np.random.Generator) -> np.ndarray:
    """One stroke on a ride cymbal: band-limited noise, as a cymbal's dense inharmonic spectrum is, with
    a bright stick click, a quick fall and a long, slowly darkening wash. No tuned partials: not a bell."""
    m = int(1.2 * SR)
    t = np.arange(m) / SR
    wash = _band(rng.standard_normal(m), 3000, 9500, 2)
    wash *= 0.35 * np.exp(-t / 0.9) + 0.65 * np.exp(-t / 0.12)
    dark = _band(rng.standard_normal(m), 1800, 5000, 1) * 0.35 * np.exp(-t / 0.5)  # the lower hum of the metal
    click = _band(rng.standard_normal(m), 5000, 10500, 2) * np.exp(-t / 0.006)
    shimmer = _smooth_noise(rng, m, 0.06, 0.25)  # the plate's wobble
    x = (wash + dark) * shimmer + 1.4 * click
    x[: int(0.001 * SR)] *= np.linspace(0, 1, int(0.001 * SR), endpoint=False)
    return x / (np.max(np.abs(x)) + 1e-12)


# --------------------------------------------------------------------------------------------------
# Mix, room, limiter, encoding
# --------------------------------------------------------------------------------------------------


def _reverb_ir() -> np.ndarray:
    rng = np.random.default_rng(_REVERB_SEED)
    n = int(1.0 * SR)
    t = np.arange(n) / SR
    ir = _band(rng.standard_normal(n), 150, 4500) * np.exp(-6.91 * t / 0.85)
    ir[: int(0.012 * SR)] = 0.0  # pre-delay
    return ir / np.sqrt(np.sum(ir**2))


def _convolve(x: np.ndarray, h: np.ndarray) -> np.ndarray:
    """Overlap-add FFT convolution, truncated to len(x)."""
    nfft = 1 << 17
    step = nfft - len(h) + 1
    spec_h = np.fft.rfft(h, nfft)
    y = np.zeros(len(x) + nfft, dtype=np.float64)
    for i in range(0, len(x), step):
        seg = x[i : i + step]
        y[i : i + nfft] += np.fft.irfft(np.fft.rfft(seg, nfft) * spec_h, nfft)
    return y[: len(x)]


def _limit(x: np.ndarray, ceiling: float) -> np.ndarray:
    """Block-wise gain reduction so |x| <= ceiling, smooth (interpolated) and never late."""
    block = 256
    nb = -(-len(x) // block)
    padded = np.zeros(nb * block, dtype=np.float64)
    padded[: len(x)] = np.abs(x)
    peaks = padded.reshape(nb, block).max(axis=1)
    if peaks.max() <= ceiling:
        return x
    g = np.minimum(1.0, ceiling / np.maximum(peaks, 1e-12))
    g = np.minimum(g, np.minimum(np.r_[g[1:], 1.0], np.r_[1.0, g[:-1]]))  # look one block either side
    centres = (np.arange(nb) + 0.5) * block
    gain = np.interp(np.arange(len(x)), centres, g)
    y = x * gain
    return np.clip(y, -ceiling, ceiling)


def synthesize(
    *, duration_s: float, tempo_bpm: float, voice_spans: Sequence[tuple[str, float, float]], seed: int
) -> np.ndarray:
    """The track as float32 mono samples at SAMPLE_RATE (exactly round(duration_s * SAMPLE_RATE) of them)."""
    duration, tempo, spans, seed = _validate(duration_s, tempo_bpm, voice_spans, seed)
    n = int(round(duration * SR))
    grid = _Grid(tempo)
    n_bars = int(duration / (4 * grid.beat)) + 2
    rngs = {v: np.random.default_rng([seed, i]) for i, v in enumerate(VOICES)}
    mix = np.zeros(n, dtype=np.float64)

    trumpet_notes, trumpet_phrases = _plan_trumpet(rngs["trumpet"], grid, spans["trumpet"], spans["tenor"])
    tenor_notes = _plan_tenor(rngs["tenor"], grid, spans["tenor"], trumpet_phrases)
    renderers = {
        "trumpet": lambda: _render_horn(
            n, trumpet_notes, grid, _TRUMPET_SOUND, _harmon_amps, rngs["trumpet"], spans["trumpet"]
        ),
        "tenor": lambda: _render_horn(n, tenor_notes, grid, _TENOR_SOUND, _tenor_amps, rngs["tenor"], spans["tenor"]),
        "piano": lambda: _render_piano(n, grid, n_bars, rngs["piano"], spans["piano"]),
        "bass": lambda: _render_bass(n, grid, n_bars, rngs["bass"], spans["bass"]),
        "drums": lambda: _render_drums(n, grid, n_bars, rngs["drums"], spans["drums"]),
    }
    for voice in VOICES:
        if not spans[voice]:
            continue
        stem = renderers[voice]()
        stem *= _envelope(spans[voice], n)
        mix += _GAIN[voice] * stem

    if np.any(mix):
        ir = _reverb_ir()
        mix += _REVERB_WET * _convolve(mix, ir)
        # Outside every span (plus the room's tail) the track is exactly silent, not FFT round-off.
        audible = np.zeros(n, dtype=bool)
        for voice_spans_ in spans.values():
            for start, end in voice_spans_:
                audible[int(round(start * SR)) : int(round((end + FADE_OUT_S) * SR)) + len(ir)] = True
        mix[~audible] = 0.0
        tail = min(n, int(0.05 * SR))  # the room's tail is cut at the end of the file: fade it
        mix[n - tail :] *= np.linspace(1, 0, tail)
        mix = _limit(mix, 10 ** (PEAK_DBFS / 20))
    return mix.astype(np.float32)


def render_track(
    path: str | os.PathLike,
    *,
    duration_s: float,
    tempo_bpm: float,
    voice_spans: Sequence[tuple[str, float, float]],
    seed: int,
) -> None:
    """Write a deterministic MP3 of exactly duration_s (±0.1 s as mutagen reads it) to path.

    Mono, 22 050 Hz, 64 kbit/s constant bitrate. ``voice_spans`` are ``(voice, start_s, end_s)``;
    a voice sounds only inside its (merged) spans. Raises ValueError for an unknown voice, a span
    outside ``[0, duration_s]``, or an out-of-range duration or tempo. The file is written next to
    ``path`` under a temporary name and moved into place, so a failed render leaves no half file.
    """
    audio = synthesize(duration_s=duration_s, tempo_bpm=tempo_bpm, voice_spans=voice_spans, seed=seed)
    path = os.fspath(path)
    tmp = f"{path}.part"
    try:
        with sf.SoundFile(
            tmp,
            "w",
            samplerate=SR,
            channels=1,
            format="MP3",
            subtype="MPEG_LAYER_III",
            compression_level=_MP3_COMPRESSION_LEVEL,
            bitrate_mode="CONSTANT",
        ) as out:
            for i in range(0, len(audio), _WRITE_BLOCK):
                out.write(audio[i : i + _WRITE_BLOCK])
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
