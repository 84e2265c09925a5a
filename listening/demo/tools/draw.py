"""Redraw the demo's stills and portrait cards into listening/demo/images/.

    .venv/bin/python -m listening.demo.tools.draw                          # every image
    .venv/bin/python -m listening.demo.tools.draw still-the-motel-1.jpg    # only these

The images are committed and load_demo copies them: drawing all of them takes a while, so a load
never draws. Each file's look (or portrait subject) and seed are fixed below, so a redraw gives the
same picture; change a seed for another take of the same scene, and name a new file in the data
(scenes.toml, people.toml, soundtrack.toml) to use it. tests/unit/test_stills.py fails when two
pictures come out as near-copies of each other.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from listening.demo.album import IMAGES_DIR
from listening.demo.tools.portraits import draw_portrait
from listening.demo.tools.stills import draw_still

STILL_SIZE = (1280, 720)
PORTRAIT_SIZE = (600, 750)
# Enough for grain and halation to survive; the whole set stays a few megabytes.
JPEG_QUALITY = 85


@dataclass(frozen=True)
class Still:
    look: str  # one of stills.LOOKS
    seed: int

    def draw(self) -> Image.Image:
        return draw_still(self.look, seed=self.seed, size=STILL_SIZE)


@dataclass(frozen=True)
class Portrait:
    subject: str  # one of portraits.SUBJECTS: what the card shows the person doing
    seed: int

    def draw(self) -> Image.Image:
        return draw_portrait(self.subject, seed=self.seed, size=PORTRAIT_SIZE)


# File name in IMAGES_DIR → how it is drawn. A scene's stills are different looks (its -1 is the
# one shown when a cue names none); each person has a card of their own.
DRAWINGS: dict[str, Still | Portrait] = {
    "studio.jpg": Still("studio", seed=1957),
    "portrait-miles-davis.jpg": Portrait("trumpet", seed=1),
    "portrait-barney-wilen.jpg": Portrait("tenor", seed=2),
    "portrait-rene-urtreger.jpg": Portrait("piano", seed=3),
    "portrait-pierre-michelot.jpg": Portrait("bass", seed=4),
    "portrait-kenny-clarke.jpg": Portrait("drums", seed=5),
    "portrait-louis-malle.jpg": Portrait("director", seed=6),
    "portrait-jeanne-moreau.jpg": Portrait("actress", seed=7),
    "portrait-maurice-ronet.jpg": Portrait("actor", seed=8),
    "portrait-henri-decae.jpg": Portrait("camera", seed=9),
    "portrait-boris-vian.jpg": Portrait("writer", seed=10),
    "still-opening-phone-call-1.jpg": Still("phone-call", seed=10),
    "still-opening-phone-call-2.jpg": Still("office-phone", seed=11),
    "still-the-murder-1.jpg": Still("office-rope", seed=20),
    "still-the-murder-2.jpg": Still("carala-office", seed=21),
    "still-trapped-in-the-lift-1.jpg": Still("lift-cage", seed=30),
    "still-trapped-in-the-lift-2.jpg": Still("car-at-kerb", seed=31),
    "still-the-stolen-car-1.jpg": Still("stolen-car", seed=40),
    "still-the-stolen-car-2.jpg": Still("cafe-window", seed=41),
    "still-florence-walks-the-night-1.jpg": Still("shop-windows", seed=50),
    "still-florence-walks-the-night-2.jpg": Still("bar", seed=51),
    "still-out-of-paris-1.jpg": Still("motorway", seed=60),
    "still-out-of-paris-2.jpg": Still("dashboard", seed=61),
    "still-the-motel-1.jpg": Still("motel", seed=70),
    "still-the-motel-2.jpg": Still("motel-table", seed=71),
    "still-the-watchmans-rounds-1.jpg": Still("watchman", seed=80),
    "still-the-watchmans-rounds-2.jpg": Still("stairwell", seed=81),
    "still-escape-and-arrest-1.jpg": Still("lift-door", seed=90),
    "still-escape-and-arrest-2.jpg": Still("police-car", seed=91),
    "still-the-darkroom-1.jpg": Still("darkroom", seed=100),
    "still-the-darkroom-2.jpg": Still("print-closeup", seed=101),
}


def write_image(name: str, folder: Path = IMAGES_DIR) -> Path:
    """Draw one image of DRAWINGS and save it as a JPEG in `folder`."""
    path = folder / name
    picture = DRAWINGS[name].draw()
    # RGB, as the loader always stored them: renditions and previews treat every image alike.
    picture.convert("RGB").save(path, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m listening.demo.tools.draw", description=__doc__.split("\n")[0])
    parser.add_argument("names", nargs="*", help="image files to redraw (default: all of them)")
    parser.add_argument("--out", type=Path, default=IMAGES_DIR, help=f"folder to write to (default: {IMAGES_DIR})")
    args = parser.parse_args(argv)
    unknown = [name for name in args.names if name not in DRAWINGS]
    if unknown:
        parser.error(f"no drawing for {', '.join(unknown)}; known: {', '.join(DRAWINGS)}")
    args.out.mkdir(parents=True, exist_ok=True)
    for name in args.names or DRAWINGS:
        path = write_image(name, args.out)
        print(f"{path}  {path.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
