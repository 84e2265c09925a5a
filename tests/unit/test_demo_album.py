"""Reading the demo album's data files: how prose is split, and how a mistake is reported.

A fact-checker edits these files by hand, so each mistake must come back as one sentence that names
the file and the key, not as a traceback from the loader.
"""

import shutil

import pytest

from listening.demo.album import DATA_DIR, IMAGES_DIR, DemoDataError, load_album

GENERIQUE = "tracks/01-generique.toml"


@pytest.fixture
def album_dir(tmp_path):
    """A copy of the data and of the image names, to break one thing at a time."""
    shutil.copytree(DATA_DIR, tmp_path / "data")
    (tmp_path / "images").mkdir()
    for image in IMAGES_DIR.iterdir():
        (tmp_path / "images" / image.name).touch()
    return tmp_path


def edit(album_dir, name, old, new):
    path = album_dir / "data" / name
    text = path.read_text()
    assert old in text, f"{old!r} is not in {name}"
    path.write_text(text.replace(old, new, 1))


def load_error(album_dir) -> str:
    with pytest.raises(DemoDataError) as error:
        load_album(album_dir / "data", album_dir / "images")
    message = str(error.value)
    assert "\n" not in message and message.endswith("."), message
    return message


def test_the_copy_loads_like_the_original(album_dir):
    assert load_album(album_dir / "data", album_dir / "images") == load_album()


def test_a_blank_line_starts_a_paragraph_and_a_line_break_is_a_space(album_dir):
    edit(album_dir, GENERIQUE, "intro = '''\n", "intro = '''\nFirst line\nsame paragraph.\n\n  \nSecond.\n\n")
    intro = load_album(album_dir / "data", album_dir / "images").tracks[0].intro
    assert intro[:2] == ["First line same paragraph.", "Second."]
    assert len(intro) == 4


@pytest.mark.parametrize(
    ("name", "old", "new", "expected"),
    [
        (
            GENERIQUE,
            'title = "Piano, bass and drums set the floor"\n',
            "",
            "cues 1 (rhythm-section): “title” is missing",
        ),
        (GENERIQUE, "take = 3", 'take = "3"', "“take” should be a whole number, not text"),
        (GENERIQUE, 'start = "0:18"', "start = 18", "cues 3 (trumpet-enters): “start” should be text"),
        (GENERIQUE, 'start = "0:18"', 'start = "18 s"', "“start” is “18 s”, which is not a time"),
        (GENERIQUE, 'layer = "film"', 'layer = "picture"', "“layer” is “picture”, which is not one of music"),
        (GENERIQUE, 'end = "0:55"', 'edn = "0:55"', "cues 2 (on-screen-two-voices): “edn” is not a key"),
        (GENERIQUE, 'sources = ["losin", "film"]', 'sources = ["losn"]', "names “losn”, which is not in sources"),
        (GENERIQUE, 'sources = ["losin", "film"]', "sources = []", "cues 1 (rhythm-section): “sources” is empty"),
        (
            GENERIQUE,
            'still = "still-opening-phone-call-2.jpg"',
            'still = "still-the-motel-1.jpg"',
            "cues 3 (trumpet-enters): “still” names “still-the-motel-1.jpg”, which is not in the stills of scene",
        ),
        ("sources.toml", 'author = "Peter Losin"\n', "", "losin: “author” is missing (give an author or a publisher)"),
        ("sources.toml", 'link = "http://www.plosin.com/milesahead/"', 'link = "plosin.com"', "“link” is “plosin.com”"),
        (
            "soundtrack.toml",
            'sources = ["film", "calef-novel", "wp-film"]',
            "",
            "chapters 3 (The film): “sources” is missing",
        ),
        (GENERIQUE, 'performers = ["rene-urtreger",', 'performers = ["rene",', "names “rene”, which is not in people"),
        (GENERIQUE, 'scene = "opening-phone-call"', 'scene = "phone"', "“scene” names “phone”, which is not in scenes"),
        ("people.toml", 'portrait = "portrait-miles-davis.jpg"', 'portrait = "miles.jpg"', "“portrait” names “miles"),
        ("scenes.toml", 'image = "still-the-murder-1.jpg"', "image = 1", "stills 1: “image” should be text"),
        ("soundtrack.toml", 'heading = "The band"', "heading = 7", "“heading” should be text, not a whole number"),
        ("site.toml", "[scenes_index]", "[scene_index]", "“scenes_index” is missing"),
        ("people.toml", "[[people]]", "[[people]", "is not valid TOML"),
    ],
)
def test_a_mistake_is_one_sentence_naming_the_file_and_the_key(album_dir, name, old, new, expected):
    edit(album_dir, name, old, new)
    message = load_error(album_dir)
    assert message.startswith(f"{album_dir / 'data' / name}"), message
    assert expected in message


def test_a_missing_image_is_named(album_dir):
    (album_dir / "images" / "studio.jpg").unlink()
    assert "“cover” names “studio.jpg”, which is not in" in load_error(album_dir)


def test_a_missing_file_is_named(album_dir):
    (album_dir / "data" / "sources.toml").unlink()
    assert load_error(album_dir) == f"{album_dir / 'data' / 'sources.toml'} is missing."


def test_a_source_is_one_line_with_its_link_at_the_end():
    album = load_album()
    losin = album.tracks[0].cues[0].sources[0]
    assert losin.line.startswith("Peter Losin, Miles Ahead: A Miles Davis Website")
    assert losin.line.endswith(" http://www.plosin.com/milesahead/")
    assert "\n" not in losin.line
    vian = next(source for source in album.soundtrack.sources if source.key == "vian")
    assert vian.line == "Boris Vian, Liner notes to Ascenseur pour l'échafaud (Fontana 660.213 MR, 1958)."
