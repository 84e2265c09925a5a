"""Real audio files, made on the spot, for ingest tests."""

import functools
import io

import numpy as np
import soundfile


@functools.cache  # a track-length MP3 takes a second to encode; the bytes never change
def tone(seconds=2.0, rate=22050, fmt="MP3"):
    t = np.arange(int(seconds * rate)) / rate
    samples = (0.3 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
    buffer = io.BytesIO()
    soundfile.write(buffer, samples, rate, format=fmt)
    return buffer.getvalue()
