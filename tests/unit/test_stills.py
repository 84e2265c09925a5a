"""The drawn black-and-white film stills (listening.demo.tools.stills) and the tool that commits them."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from PIL import Image

from listening.demo.album import IMAGES_DIR, load_album
from listening.demo.tools.draw import DRAWINGS, PORTRAIT_SIZE, STILL_SIZE, Portrait, Still, main
from listening.demo.tools.stills import LOOKS, draw_portrait, draw_still

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


def test_portrait_default_size_and_greyscale():
    im = draw_portrait("Miles Davis", seed=1)
    assert im.size == (600, 750)
    a = _grey(im)
    assert a.std() > 10
    assert (a > 200).any()  # the initials
    assert (a < 30).any()  # the silhouette


@pytest.mark.parametrize("size", [(600, 750), (240, 300), (300, 200)])
def test_portrait_renders_at_requested_size(size):
    im = draw_portrait("Jeanne Moreau", seed=2, size=size)
    assert im.size == size
    _grey(im)


def test_portrait_is_deterministic():
    a = _grey(draw_portrait("Louis Malle", seed=4, size=(240, 300)))
    b = _grey(draw_portrait("Louis Malle", seed=4, size=(240, 300)))
    assert np.array_equal(a, b)


def test_portrait_varies_with_name_and_seed():
    base = _grey(draw_portrait("Louis Malle", seed=4, size=(240, 300)))
    other_seed = _grey(draw_portrait("Louis Malle", seed=5, size=(240, 300)))
    other_name = _grey(draw_portrait("Maurice Ronet", seed=4, size=(240, 300)))
    assert np.abs(base - other_seed).mean() > 1.0
    assert np.abs(base - other_name).mean() > 1.0


@pytest.mark.parametrize(
    "name", ["Miles Davis", "René Urtreger", "Henri Decaë", "Barney", "", "  ", "Éloïse de la Tour"]
)
def test_portrait_handles_odd_names(name):
    im = draw_portrait(name, seed=0, size=(120, 150))
    assert im.size == (120, 150)
    _grey(im)


# --- the drawing tool and the committed images -------------------------------


def test_the_tool_knows_how_to_draw_every_committed_image():
    assert set(DRAWINGS) == {path.name for path in IMAGES_DIR.iterdir() if path.is_file()}
    for drawing in DRAWINGS.values():
        assert isinstance(drawing, Portrait) or drawing.look in LOOKS


def test_portrait_cards_carry_the_initials_of_the_person_they_belong_to():
    for person in load_album().people:
        assert DRAWINGS[person.portrait] == Portrait(person.name, seed=DRAWINGS[person.portrait].seed)


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
