"""The drawn black-and-white stills and portrait cards (listening.demo.tools) and the tool that commits them.

Besides the drawing functions, these tests look at the committed images themselves: no two of them
may be near-copies (the demo once shipped the same drawing under two scenes), and every person's
card shows something of their own.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from PIL import Image

from listening.demo.album import IMAGES_DIR, load_album
from listening.demo.tools.draw import DRAWINGS, PORTRAIT_SIZE, STILL_SIZE, Portrait, Still, main
from listening.demo.tools.portraits import SUBJECTS, draw_portrait
from listening.demo.tools.stills import LOOKS, draw_still

EXPECTED_LOOKS = {
    "phone-call",
    "office-rope",
    "lift-cage",
    "stolen-car",
    "shop-windows",
    "bar",
    "motorway",
    "motel",
    "watchman",
    "stairwell",
    "darkroom",
    "studio",
    "office-phone",
    "carala-office",
    "car-at-kerb",
    "cafe-window",
    "dashboard",
    "motel-table",
    "lift-door",
    "police-car",
    "print-closeup",
}

SMALL = (320, 180)  # keeps the suite quick; composition is resolution-independent


def _grey(im: Image.Image) -> np.ndarray:
    """Pixels as a 2-D float array, asserting the image is black and white."""
    assert im.mode in ("L", "RGB")
    a = np.asarray(im)
    if im.mode == "RGB":
        assert np.array_equal(a[..., 0], a[..., 1]) and np.array_equal(a[..., 1], a[..., 2])
        a = a[..., 0]
    return a.astype(np.float64)


@pytest.fixture(scope="module")
def rendered() -> dict[str, np.ndarray]:
    return {look: _grey(draw_still(look, seed=7, size=SMALL)) for look in LOOKS}


def test_looks_are_exactly_the_documented_set():
    assert isinstance(LOOKS, tuple)
    assert set(LOOKS) == EXPECTED_LOOKS
    assert len(LOOKS) == len(EXPECTED_LOOKS)


@pytest.mark.parametrize("look", sorted(EXPECTED_LOOKS))
def test_default_size_is_1280_by_720(look):
    im = draw_still(look, seed=1)
    assert isinstance(im, Image.Image)
    assert im.size == (1280, 720)
    _grey(im)


@pytest.mark.parametrize("size", [(320, 180), (641, 359), (300, 500), (97, 61)])
@pytest.mark.parametrize("look", sorted(EXPECTED_LOOKS))
def test_renders_at_the_requested_size(look, size):
    im = draw_still(look, seed=3, size=size)
    assert im.size == size
    _grey(im)


@pytest.mark.parametrize("look", sorted(EXPECTED_LOOKS))
def test_same_seed_same_pixels(look, rendered):
    again = _grey(draw_still(look, seed=7, size=SMALL))
    assert np.array_equal(again, rendered[look])


@pytest.mark.parametrize("look", sorted(EXPECTED_LOOKS))
def test_other_seed_other_pixels(look, rendered):
    other = _grey(draw_still(look, seed=8, size=SMALL))
    assert other.shape == rendered[look].shape
    assert np.abs(other - rendered[look]).mean() > 1.0


@pytest.mark.parametrize("look", sorted(EXPECTED_LOOKS))
def test_has_deep_blacks_and_bright_highlights(look, rendered):
    a = rendered[look]
    assert a.std() > 18, f"{look} is too flat (std {a.std():.1f})"
    assert (a < 30).mean() > 0.05, f"{look} has too little deep black"
    assert (a > 200).mean() > 0.0005, f"{look} has no bright highlights"
    # noir: mostly dark, but not a black frame
    assert 8 < a.mean() < 140


def test_looks_differ_from_each_other(rendered):
    for a, b in itertools.combinations(LOOKS, 2):
        diff = np.abs(rendered[a] - rendered[b]).mean()
        assert diff > 12, f"{a} and {b} are too alike (mean abs diff {diff:.1f})"


def test_unknown_look_raises_value_error_naming_known_looks():
    with pytest.raises(ValueError) as exc:
        draw_still("car-chase", seed=1)
    msg = str(exc.value)
    assert "car-chase" in msg
    for look in LOOKS:
        assert look in msg


def test_non_string_look_raises_value_error():
    with pytest.raises(ValueError):
        draw_still(None, seed=1)  # type: ignore[arg-type]


def test_seed_is_keyword_only():
    with pytest.raises(TypeError):
        draw_still("bar", 1)  # type: ignore[misc]


def test_aspect_change_keeps_composition_centred():
    """A 16:9 render and a wider crop of the same look share their middle."""
    wide = _grey(draw_still("studio", seed=5, size=(640, 360)))
    tall = _grey(draw_still("studio", seed=5, size=(360, 360)))
    # the square frame is the centre of the 16:9 one (pan-and-scan), so the mean
    # brightness of the square should match the centre crop roughly
    centre = wide[:, 140:500]
    assert abs(centre.mean() - tall.mean()) < 12


# --- portraits ---------------------------------------------------------------

EXPECTED_SUBJECTS = {"trumpet", "tenor", "piano", "bass", "drums", "director", "actress", "actor", "camera", "writer"}


def test_subjects_are_exactly_the_documented_set():
    assert set(SUBJECTS) == EXPECTED_SUBJECTS and len(SUBJECTS) == len(EXPECTED_SUBJECTS)


@pytest.mark.parametrize("subject", sorted(EXPECTED_SUBJECTS))
def test_portrait_is_a_greyscale_card_with_a_silhouette_and_a_light(subject):
    a = _grey(draw_portrait(subject, seed=1, size=(240, 300)))
    assert a.std() > 10
    assert (a > 150).any()  # the light: a rim, a window, a cymbal, a page
    assert (a < 30).mean() > 0.1  # the silhouette and the dark around it


@pytest.mark.parametrize("size", [(600, 750), (240, 300), (300, 200)])
def test_portrait_renders_at_requested_size(size):
    im = draw_portrait("actress", seed=2, size=size)
    assert im.size == size
    _grey(im)


def test_portrait_is_deterministic_and_varies_with_seed():
    a = _grey(draw_portrait("director", seed=4, size=(240, 300)))
    assert np.array_equal(a, _grey(draw_portrait("director", seed=4, size=(240, 300))))
    assert np.abs(a - _grey(draw_portrait("director", seed=5, size=(240, 300)))).mean() > 1.0


def test_unknown_subject_raises_value_error_naming_known_subjects():
    with pytest.raises(ValueError) as exc:
        draw_portrait("Miles Davis", seed=1)
    assert "Miles Davis" in str(exc.value) and all(subject in str(exc.value) for subject in SUBJECTS)


# --- the drawing tool and the committed images -------------------------------


def test_the_tool_knows_how_to_draw_every_committed_image():
    assert set(DRAWINGS) == {path.name for path in IMAGES_DIR.iterdir() if path.is_file()}
    for drawing in DRAWINGS.values():
        assert isinstance(drawing, Portrait) or drawing.look in LOOKS


# A musician's card shows their instrument; everyone else's shows what they did for the film.
INSTRUMENT_SUBJECT = {"trumpet": "trumpet", "tenor": "tenor", "piano": "piano", "bass": "bass", "drums": "drums"}


def test_each_person_has_a_card_of_their_own_that_fits_them():
    people = load_album().people
    subjects = [DRAWINGS[person.portrait].subject for person in people]
    assert len(set(subjects)) == len(subjects), "two people share a portrait subject"
    for person in people:
        drawing = DRAWINGS[person.portrait]
        assert isinstance(drawing, Portrait)
        if person.kind == "musician":
            assert drawing.subject == INSTRUMENT_SUBJECT[person.voice], person.slug
        else:
            assert drawing.subject not in INSTRUMENT_SUBJECT, f"{person.slug} is drawn as a musician"


def test_each_scene_has_stills_of_different_looks():
    for scene in load_album().scenes:
        looks = [DRAWINGS[still.image].look for still in scene.stills]
        assert len(set(looks)) == len(looks), scene.slug


# --- near-copies --------------------------------------------------------------

# Two pictures are near-copies when their downscaled grey levels correlate this closely. Stills are
# compared on log grey levels, so that one bright lamp or window does not decide the match; portraits
# on plain grey levels. Calibrated on the drawings (four seeds each): one look drawn with two seeds
# correlates at 0.78 or more, two different looks at 0.66 or less; one portrait subject with two
# seeds at 0.96 or more, two subjects at 0.81 or less.
STILL_PROBE, STILL_LIMIT = (16, 9), 0.72
PORTRAIT_PROBE, PORTRAIT_LIMIT = (16, 20), 0.9


def _probe(im: Image.Image, size) -> np.ndarray:
    a = np.asarray(im.convert("L").resize(size, Image.BOX), dtype=np.float64)
    if size == STILL_PROBE:
        a = np.log1p(a)
    return (a - a.mean()) / (a.std() + 1e-9)


def _likeness(a: np.ndarray, b: np.ndarray) -> float:
    return float((a * b).mean())


def _committed(kind):
    probe = STILL_PROBE if kind is Still else PORTRAIT_PROBE
    out = {}
    for name, drawing in DRAWINGS.items():
        if isinstance(drawing, kind):
            with Image.open(IMAGES_DIR / name) as im:
                out[name] = _probe(im, probe)
    return out


@pytest.mark.parametrize(
    ("kind", "limit"), [(Still, STILL_LIMIT), (Portrait, PORTRAIT_LIMIT)], ids=["stills", "portraits"]
)
def test_no_two_committed_pictures_are_near_copies(kind, limit):
    probes = _committed(kind)
    near = [
        (round(_likeness(probes[a], probes[b]), 2), a, b)
        for a, b in itertools.combinations(sorted(probes), 2)
        if _likeness(probes[a], probes[b]) >= limit
    ]
    assert not near, f"near-copies (likeness, a, b): {near}"


def test_the_near_copy_check_catches_one_drawing_under_two_names():
    """What the demo once shipped: the same look with another seed for another scene."""
    for look in ("stairwell", "lift-cage", "office-rope"):
        a, b = (_probe(draw_still(look, seed=seed, size=(320, 180)), STILL_PROBE) for seed in (81, 90))
        assert _likeness(a, b) >= STILL_LIMIT, look
    a, b = (_probe(draw_portrait("trumpet", seed=seed, size=(240, 300)), PORTRAIT_PROBE) for seed in (1, 2))
    assert _likeness(a, b) >= PORTRAIT_LIMIT


@pytest.mark.parametrize("name", sorted(DRAWINGS))
def test_committed_images_are_jpegs_at_the_drawing_size(name):
    with Image.open(IMAGES_DIR / name) as im:
        assert im.format == "JPEG"
        assert im.size == (STILL_SIZE if isinstance(DRAWINGS[name], Still) else PORTRAIT_SIZE)


def test_the_tool_redraws_the_named_images(tmp_path, capsys):
    assert main(["--out", str(tmp_path), "studio.jpg", "portrait-boris-vian.jpg"]) == 0
    assert sorted(path.name for path in tmp_path.iterdir()) == ["portrait-boris-vian.jpg", "studio.jpg"]
    with Image.open(tmp_path / "studio.jpg") as im:
        assert im.size == STILL_SIZE
        _grey(im)
    with Image.open(tmp_path / "portrait-boris-vian.jpg") as im:
        assert im.size == PORTRAIT_SIZE
    assert "studio.jpg" in capsys.readouterr().out


def test_the_tool_refuses_an_unknown_image(tmp_path):
    with pytest.raises(SystemExit):
        main(["--out", str(tmp_path), "still-car-chase-1.jpg"])
    assert not any(tmp_path.iterdir())
