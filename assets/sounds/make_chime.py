"""Writes chime.wav next to this file: three soft ascending bell tones (about 1.6 s).

    python assets/sounds/make_chime.py

Generated here with the standard library so the sound has no licence question.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22050
# C5, E5, G5: the rising "ding-ding-ding" waiting rooms know.
NOTES = ((523.25, 0.0), (659.25, 0.32), (783.99, 0.64))
LENGTH_S = 1.6
PARTIALS = ((1.0, 1.0), (2.0, 0.35), (3.0, 0.12), (4.2, 0.05))


def samples() -> list[float]:
    total = int(RATE * LENGTH_S)
    out = [0.0] * total
    for freq, start in NOTES:
        first = int(start * RATE)
        for i in range(first, total):
            t = (i - first) / RATE
            attack = min(1.0, t / 0.008)
            decay = math.exp(-t * 3.2)
            tone = sum(w * math.sin(2 * math.pi * freq * k * t) for k, w in PARTIALS)
            out[i] += attack * decay * tone
    peak = max(abs(v) for v in out)
    fade = int(0.05 * RATE)
    for i in range(fade):
        out[total - 1 - i] *= i / fade
    return [v / peak * 0.6 for v in out]


def write(path: Path) -> None:
    frames = b"".join(struct.pack("<h", int(v * 32767)) for v in samples())
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)


if __name__ == "__main__":
    write(Path(__file__).resolve().parent / "chime.wav")
