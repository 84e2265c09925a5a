"""The demo album as read from its data files (listening/demo/data/*.toml), checked on the way in.

The files are for people who check facts, not programmers, so a mistake in them is reported in one
sentence naming the file and the key, never as a KeyError deep in the loader. Plain Python only (no
Django), so the content tests run without a database.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from listening.tracks.layers import CueLayer

DEMO_DIR = Path(__file__).resolve().parent
DATA_DIR = DEMO_DIR / "data"
IMAGES_DIR = DEMO_DIR / "images"

LAYERS = tuple(CueLayer.values)
PERSON_KINDS = ("musician", "film", "other")
LESSON_LEVELS = ("introductory", "intermediate", "advanced")
STEP_KINDS = ("reading", "listening", "guess")
GUESS_ASKS = ("who", "what")
SIDES = ("A", "B")
# m:ss or m:ss.d, the form the data files use for lengths and cue times.
_TIME = re.compile(r"\d+:[0-5]\d(\.\d)?")


class DemoDataError(ValueError):
    """A data file is unreadable, lacks a key, has one of the wrong type, or names something missing."""


@dataclass(frozen=True)
class Source:
    """One citation: a title, who wrote or issued it, and a link where there is one."""

    key: str
    title: str
    author: str
    publisher: str
    year: str
    link: str
    note: str

    @property
    def line(self) -> str:
        """The citation on one line of plain text, the link (if any) at its end."""
        text = ", ".join(part for part in (self.author, self.title) if part)
        details = ", ".join(part for part in (self.publisher, self.year) if part)
        if details:
            text += f" ({details})"
        if self.note:
            text += f"; {self.note}"
        return f"{text}. {self.link}" if self.link else f"{text}."


@dataclass(frozen=True)
class Person:
    slug: str
    name: str
    role: str
    kind: str
    voice: str | None
    born: str
    died: str
    nationality: str
    portrait: str
    biography: list[str]
    sources: list[Source]


@dataclass(frozen=True)
class Still:
    image: str
    caption: str


@dataclass(frozen=True)
class Scene:
    slug: str
    number: int
    title: str
    characters: list[str]
    people: list[str]
    summary: list[str]
    stills: list[Still]
    sources: list[Source]


@dataclass(frozen=True)
class Quote:
    text: str
    attribution: str


@dataclass(frozen=True)
class Myth:
    claim: str
    record: list[str]
    sources: list[Source]


@dataclass(frozen=True)
class Chapter:
    heading: str
    paragraphs: list[str]
    quote: Quote | None
    myths: list[Myth]
    sources: list[Source]


@dataclass(frozen=True)
class Soundtrack:
    slug: str
    title: str
    subtitle: str
    original_language: str
    footer: list[str]
    label: str
    catalogue_number: str
    release_format: str
    recorded: str
    studio: str
    cover: str
    sources: list[Source]
    intro: list[str]
    chapters: list[Chapter]


@dataclass(frozen=True)
class Cue:
    slug: str
    start: str
    end: str | None
    title: str
    layer: str
    scene: str
    still: str | None
    performers: list[str]
    commentary: list[str]
    sources: list[Source]


@dataclass(frozen=True)
class Track:
    number: int
    side: str
    slug: str
    title_fr: str
    title_en: str
    length: str
    session_piece: str
    take: int
    take_note: str
    tempo_bpm: int
    personnel: list[str]
    scenes: list[str]
    intro: list[str]
    cues: list[Cue]


@dataclass(frozen=True)
class LessonStep:
    kind: str
    heading: str
    body: list[str]
    track: str
    start: str
    end: str
    prompt: str
    listen_for: list[str]
    question: str
    answer: list[str]
    cue: str
    ask: str
    listen_from: str


@dataclass(frozen=True)
class Lesson:
    slug: str
    title: str
    level: str
    minutes: int
    summary: str
    intro: list[str]
    teacher_notes: list[str]
    sources: list[Source]
    steps: list[LessonStep]


@dataclass(frozen=True)
class IndexPage:
    title: str
    intro: list[str]


@dataclass(frozen=True)
class HomePage:
    title: str
    seo_title: str
    site_name: str
    intro: list[str]


@dataclass(frozen=True)
class Album:
    home: HomePage
    people_index: IndexPage
    scenes_index: IndexPage
    soundtrack: Soundtrack
    people: list[Person]
    scenes: list[Scene]
    tracks: list[Track]
    lessons: list[Lesson]

    def image_files(self) -> set[str]:
        """Every file in IMAGES_DIR that the data names."""
        return {
            self.soundtrack.cover,
            *(person.portrait for person in self.people),
            *(still.image for scene in self.scenes for still in scene.stills),
        }


def load_album(data_dir: Path = DATA_DIR, images_dir: Path = IMAGES_DIR) -> Album:
    """Read and check every data file; DemoDataError names the first problem found."""
    sources = _read_sources(_open(data_dir / "sources.toml"))
    site = _open(data_dir / "site.toml")
    people = [_read_person(table, sources) for table in _open(data_dir / "people.toml").tables("people")]
    scenes = [_read_scene(table, sources) for table in _open(data_dir / "scenes.toml").tables("scenes")]
    soundtrack = _read_soundtrack(_open(data_dir / "soundtrack.toml"), sources)
    track_files = sorted((data_dir / "tracks").glob("*.toml"))
    if not track_files:
        raise DemoDataError(f"{_shown(data_dir / 'tracks')} has no track files (*.toml).")
    tracks = [_read_track(_open(path), sources) for path in track_files]
    lessons_file = _open(data_dir / "lessons.toml")
    lessons = [_read_lesson(table, sources) for table in lessons_file.tables("lessons")]
    lessons_file.finish()
    album = Album(
        home=_read_home(site.table("home")),
        people_index=_read_index(site.table("people_index")),
        scenes_index=_read_index(site.table("scenes_index")),
        soundtrack=soundtrack,
        people=people,
        scenes=scenes,
        tracks=tracks,
        lessons=lessons,
    )
    site.finish()
    _check_references(album, data_dir, images_dir)
    return album


# -- reading one file -------------------------------------------------------------------------------

_MISSING = object()
_KIND_NAMES = {str: "text", int: "a whole number", list: "a list", dict: "a table"}


def _shown(path: Path) -> str:
    """The path as a developer types it: relative to the project when it is inside it."""
    try:
        return str(path.resolve().relative_to(DEMO_DIR.parents[1]))
    except ValueError:
        return str(path)


def _kind_of(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    return next((name for kind, name in _KIND_NAMES.items() if isinstance(value, kind)), type(value).__name__)


class _Table:
    """One TOML table, read key by key; every complaint names the file, the table and the key."""

    def __init__(self, values: dict, file: str, label: str = ""):
        self.values = values
        self.file = file
        self.label = label
        self.read: set[str] = set()

    def fail(self, key: str, problem: str):
        where = f"{self.label}: " if self.label else ""
        raise DemoDataError(f"{self.file}, {where}“{key}” {problem}.")

    def get(self, key: str, kind: type, default: Any = _MISSING) -> Any:
        self.read.add(key)
        if key not in self.values:
            if default is _MISSING:
                self.fail(key, "is missing")
            return default
        value = self.values[key]
        if not isinstance(value, kind) or isinstance(value, bool):
            self.fail(key, f"should be {_KIND_NAMES[kind]}, not {_kind_of(value)}")
        return value

    def text(self, key: str, default: Any = _MISSING) -> str:
        return self.get(key, str, default)

    def number(self, key: str) -> int:
        return self.get(key, int)

    def choice(self, key: str, allowed: tuple[str, ...], default: Any = _MISSING) -> str:
        value = self.text(key, default)
        if value is not default and value not in allowed:
            self.fail(key, f"is “{value}”, which is not one of {', '.join(allowed)}")
        return value

    def time(self, key: str, default: Any = _MISSING) -> str:
        value = self.text(key, default)
        if value is not default and not _TIME.fullmatch(value):
            self.fail(key, f"is “{value}”, which is not a time such as 1:05")
        return value

    def texts(self, key: str) -> list[str]:
        values = self.get(key, list)
        for index, value in enumerate(values, start=1):
            if not isinstance(value, str):
                self.fail(key, f"should hold only text, but item {index} is {_kind_of(value)}")
        return values

    def prose(self, key: str) -> list[str]:
        """Paragraphs: a blank line separates them, a line break inside one is a space."""
        blocks = re.split(r"\n(?:[ \t]*\n)+", self.text(key))
        lines = ([line.strip(" \t") for line in block.split("\n")] for block in blocks)
        paragraphs = [" ".join(line for line in block if line) for block in lines]
        paragraphs = [paragraph for paragraph in paragraphs if paragraph]
        if not paragraphs:
            self.fail(key, "is empty")
        return paragraphs

    def table(self, key: str, optional: bool = False) -> _Table | None:
        values = self.get(key, dict, None if optional else _MISSING)
        return None if values is None else _Table(values, self.file, self._child_label(key))

    def tables(self, key: str) -> list[_Table]:
        tables = []
        for index, values in enumerate(self.get(key, list, []), start=1):
            if not isinstance(values, dict):
                self.fail(key, f"should be a list of tables ([[{key}]]), but item {index} is {_kind_of(values)}")
            name = values.get("slug") or values.get("heading") or values.get("image")
            label = self._child_label(f"{key} {index}" + (f" ({name})" if isinstance(name, str) else ""))
            tables.append(_Table(values, self.file, label))
        return tables

    def _child_label(self, name: str) -> str:
        return f"{self.label}, {name}" if self.label else name

    def finish(self):
        """A key nobody read is a misspelt one: say so rather than silently ignore it."""
        unknown = sorted(set(self.values) - self.read)
        if unknown:
            self.fail(unknown[0], "is not a key this table uses (misspelt?)")


def _open(path: Path) -> _Table:
    try:
        with path.open("rb") as handle:
            return _Table(tomllib.load(handle), _shown(path))
    except FileNotFoundError:
        raise DemoDataError(f"{_shown(path)} is missing.") from None
    except tomllib.TOMLDecodeError as error:
        raise DemoDataError(f"{_shown(path)} is not valid TOML: {error}.") from None


def _read_sources(table: _Table) -> dict[str, Source]:
    sources = {}
    for key in table.values:
        entry = table.table(key)
        source = Source(
            key=key,
            title=entry.text("title"),
            author=entry.text("author", ""),
            publisher=entry.text("publisher", ""),
            year=entry.text("year", ""),
            link=entry.text("link", ""),
            note=entry.text("note", ""),
        )
        if not (source.author or source.publisher):
            entry.fail("author", "is missing (give an author or a publisher)")
        if source.link and not source.link.startswith(("https://", "http://")):
            entry.fail("link", f"is “{source.link}”, which is not a web address")
        entry.finish()
        sources[key] = source
    table.finish()
    return sources


def _source_list(table: _Table, sources: dict[str, Source]) -> list[Source]:
    names = table.texts("sources")
    if not names:
        table.fail("sources", "is empty (cite at least one source)")
    for name in names:
        if name not in sources:
            table.fail("sources", f"names “{name}”, which is not in sources.toml")
    return [sources[name] for name in names]


def _read_home(table: _Table) -> HomePage:
    home = HomePage(
        title=table.text("title"),
        seo_title=table.text("seo_title"),
        site_name=table.text("site_name"),
        intro=table.prose("intro"),
    )
    table.finish()
    return home


def _read_index(table: _Table) -> IndexPage:
    index = IndexPage(title=table.text("title"), intro=table.prose("intro"))
    table.finish()
    return index


def _read_person(table: _Table, sources: dict[str, Source]) -> Person:
    person = Person(
        slug=table.text("slug"),
        name=table.text("name"),
        role=table.text("role"),
        kind=table.choice("kind", PERSON_KINDS),
        voice=table.text("voice", None),
        born=table.text("born"),
        died=table.text("died"),
        nationality=table.text("nationality"),
        portrait=table.text("portrait"),
        biography=table.prose("biography"),
        sources=_source_list(table, sources),
    )
    table.finish()
    return person


def _read_scene(table: _Table, sources: dict[str, Source]) -> Scene:
    stills = []
    for still_table in table.tables("stills"):
        stills.append(Still(image=still_table.text("image"), caption=still_table.text("caption")))
        still_table.finish()
    scene = Scene(
        slug=table.text("slug"),
        number=table.number("number"),
        title=table.text("title"),
        characters=table.texts("characters"),
        people=table.texts("people"),
        summary=table.prose("summary"),
        stills=stills,
        sources=_source_list(table, sources),
    )
    table.finish()
    return scene


def _read_chapter(table: _Table, sources: dict[str, Source]) -> Chapter:
    quote_table = table.table("quote", optional=True)
    quote = None
    if quote_table is not None:
        quote = Quote(text=quote_table.text("text"), attribution=quote_table.text("attribution"))
        quote_table.finish()
    myths = []
    for myth_table in table.tables("myths"):
        myths.append(
            Myth(
                claim=myth_table.text("claim"),
                record=myth_table.prose("record"),
                sources=_source_list(myth_table, sources),
            )
        )
        myth_table.finish()
    chapter = Chapter(
        heading=table.text("heading"),
        paragraphs=table.prose("paragraphs"),
        quote=quote,
        myths=myths,
        sources=_source_list(table, sources),
    )
    table.finish()
    return chapter


def _read_soundtrack(table: _Table, sources: dict[str, str]) -> Soundtrack:
    soundtrack = Soundtrack(
        slug=table.text("slug"),
        title=table.text("title"),
        subtitle=table.text("subtitle"),
        original_language=table.text("original_language"),
        footer=table.prose("footer"),
        label=table.text("label"),
        catalogue_number=table.text("catalogue_number"),
        release_format=table.text("release_format"),
        recorded=table.text("recorded"),
        studio=table.text("studio"),
        cover=table.text("cover"),
        sources=_source_list(table, sources),
        intro=table.prose("intro"),
        chapters=[_read_chapter(chapter, sources) for chapter in table.tables("chapters")],
    )
    table.finish()
    return soundtrack


def _read_cue(table: _Table, sources: dict[str, str]) -> Cue:
    cue = Cue(
        slug=table.text("slug"),
        start=table.time("start"),
        end=table.time("end", None),
        title=table.text("title"),
        layer=table.choice("layer", LAYERS),
        scene=table.text("scene"),
        still=table.text("still", None),
        performers=table.texts("performers"),
        commentary=table.prose("commentary"),
        sources=_source_list(table, sources),
    )
    table.finish()
    return cue


def _read_track(table: _Table, sources: dict[str, str]) -> Track:
    track = Track(
        number=table.number("number"),
        side=table.choice("side", SIDES),
        slug=table.text("slug"),
        title_fr=table.text("title_fr"),
        title_en=table.text("title_en"),
        length=table.time("length"),
        session_piece=table.text("session_piece"),
        take=table.number("take"),
        take_note=table.text("take_note"),
        tempo_bpm=table.number("tempo_bpm"),
        personnel=table.texts("personnel"),
        scenes=table.texts("scenes"),
        intro=table.prose("intro"),
        cues=[_read_cue(cue, sources) for cue in table.tables("cues")],
    )
    table.finish()
    return track


# -- references between files ---------------------------------------------------------------------


def _read_step(table: _Table) -> LessonStep:
    kind = table.choice("kind", STEP_KINDS)
    reading, listening, guess = kind == "reading", kind == "listening", kind == "guess"
    step = LessonStep(
        kind=kind,
        heading=table.text("heading", "") if reading else "",
        body=table.prose("body") if reading else [],
        track="" if reading else table.text("track"),
        start=table.time("start") if listening else "",
        end=table.time("end") if listening else "",
        prompt="" if reading else table.text("prompt", ""),
        listen_for=table.texts("listen_for") if listening else [],
        question=table.text("question", "") if listening else "",
        answer=table.prose("answer") if listening and "answer" in table.values else [],
        cue=table.text("cue") if guess else "",
        ask=table.choice("ask", GUESS_ASKS) if guess else "",
        listen_from=table.time("listen_from", "") if guess else "",
    )
    if listening and not step.prompt:
        table.fail("prompt", "is missing (say what the students listen for)")
    table.finish()
    return step


def _read_lesson(table: _Table, sources: dict[str, Source]) -> Lesson:
    lesson = Lesson(
        slug=table.text("slug"),
        title=table.text("title"),
        level=table.choice("level", LESSON_LEVELS),
        minutes=table.number("minutes"),
        summary=table.text("summary"),
        intro=table.prose("intro"),
        teacher_notes=table.prose("teacher_notes"),
        sources=_source_list(table, sources),
        steps=[_read_step(step) for step in table.tables("steps")],
    )
    if not lesson.steps:
        table.fail("steps", "is empty (a lesson needs at least one step)")
    table.finish()
    return lesson


def _check_references(album: Album, data_dir: Path, images_dir: Path) -> None:
    """Slugs and image names must point at something, or the loader would fail halfway."""
    people = {person.slug for person in album.people}
    scenes = {scene.slug for scene in album.scenes}
    scene_stills = {scene.slug: scene.stills for scene in album.scenes}

    def check(file: str, label: str, key: str, names, known: set[str], known_where: str):
        for name in [names] if isinstance(names, str) else names:
            if name not in known:
                where = f"{label}: " if label else ""
                raise DemoDataError(f"{file}, {where}“{key}” names “{name}”, which is not in {known_where}.")

    images = {path.name for path in images_dir.glob("*") if path.is_file()}
    image_folder = f"{_shown(images_dir)}/"
    soundtrack_file = _shown(data_dir / "soundtrack.toml")
    check(soundtrack_file, "", "cover", album.soundtrack.cover, images, image_folder)
    people_file = _shown(data_dir / "people.toml")
    for number, person in enumerate(album.people, start=1):
        check(people_file, f"people {number} ({person.slug})", "portrait", person.portrait, images, image_folder)
    scenes_file = _shown(data_dir / "scenes.toml")
    for number, scene in enumerate(album.scenes, start=1):
        label = f"scenes {number} ({scene.slug})"
        check(scenes_file, label, "people", scene.people, people, "people.toml")
        for still in scene.stills:
            check(scenes_file, label, "image", still.image, images, image_folder)
    for path, track in zip(sorted((data_dir / "tracks").glob("*.toml")), album.tracks, strict=True):
        track_file = _shown(path)
        check(track_file, "", "personnel", track.personnel, people, "people.toml")
        check(track_file, "", "scenes", track.scenes, scenes, "scenes.toml")
        for number, cue in enumerate(track.cues, start=1):
            label = f"cues {number} ({cue.slug})"
            check(track_file, label, "scene", cue.scene, scenes, "scenes.toml")
            if cue.still is not None:
                stills = {still.image for still in scene_stills[cue.scene]}
                check(track_file, label, "still", cue.still, stills, f"the stills of scene “{cue.scene}”")
            check(track_file, label, "performers", cue.performers, people, "people.toml")
    cues_of = {track.slug: {cue.slug for cue in track.cues} for track in album.tracks}
    lessons_file = _shown(data_dir / "lessons.toml")
    for number, lesson in enumerate(album.lessons, start=1):
        for step_number, step in enumerate(lesson.steps, start=1):
            if step.kind == "reading":
                continue
            label = f"lessons {number} ({lesson.slug}), steps {step_number}"
            check(lessons_file, label, "track", step.track, set(cues_of), "the tracks/ folder")
            if step.kind == "guess":
                check(lessons_file, label, "cue", step.cue, cues_of[step.track], f"the cues of track “{step.track}”")
