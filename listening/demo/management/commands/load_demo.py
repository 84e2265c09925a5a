"""Load the demo album: pages from the data files, the committed stills, synthesised audio. Safe to run again."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import tempfile
import time
from functools import partial
from pathlib import Path, PurePosixPath
from types import SimpleNamespace

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import models, transaction
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Site
from wagtail.rich_text import RichText

from listening.core.timecode import parse_time
from listening.demo import synth
from listening.demo.album import IMAGES_DIR, DemoDataError, load_album
from listening.demo.text import paragraphs_html, plain_inline, sources_list_html, sources_paragraph_html
from listening.lessons.models import LessonPage
from listening.people.models import PeopleIndexPage, PersonPage
from listening.scenes.models import ScenePage, ScenesIndexPage, SceneStill
from listening.site.local_accounts import LOCAL_ACCOUNT, LOCAL_ROLE_ACCOUNTS
from listening.site.models import HomePage
from listening.tracks.models import AudioFile, Cue, SoundtrackPage, TrackCredit, TrackPage
from listening.tracks.timeline import cue_spans

COLLECTION_NAME = "Demo album"
AUDIO_CREDIT = "Synthesised demo audio (not the 1957 recording); replace with licensed media."
# Every file the demo writes is named so; storage may add "_" and seven characters before the extension.
DEMO_PREFIX = "demo-"
STORED_DEMO_IMAGE = re.compile(
    rf"^{re.escape(DEMO_PREFIX)}(?P<stem>.+?)(?:_[A-Za-z0-9]{{7}})?(?P<suffix>\.[A-Za-z0-9]+)$"
)


def lesson_step(step, tracks) -> tuple[str, dict]:
    """A lesson step of the data files as the lesson's StreamField takes it."""
    if step.kind == "reading":
        return ("reading", {"heading": step.heading, "body": RichText(paragraphs_html(step.body))})
    track = tracks[step.track]
    if step.kind == "guess":
        return (
            "guess",
            {"track": track, "cue": step.cue, "kind": step.ask, "listen_from": step.listen_from, "prompt": step.prompt},
        )
    return (
        "listening",
        {
            "track": track,
            "start": step.start,
            "end": step.end,
            "prompt": step.prompt,
            "listen_for": step.listen_for,
            "question": step.question,
            "answer": RichText(paragraphs_html(step.answer)),
        },
    )


class Command(BaseCommand):
    help = "Load the demo album (Ascenseur pour l'échafaud). Does nothing if it is already loaded."

    def add_arguments(self, parser):
        parser.add_argument("--reset", action="store_true", help="Remove the demo album and load it again.")

    def handle(self, *args, reset=False, verbosity=1, **options):
        self.verbosity = verbosity
        self.started = time.monotonic()
        try:
            self.album = load_album()
        except DemoDataError as error:
            raise CommandError(str(error)) from None
        # Names in media storage (a local folder or object storage alike), removed if the load fails.
        self.written_files: list[str] = []
        self.remove_orphaned_demo_files()
        try:
            # One transaction: a failed --reset keeps the album that was there.
            with transaction.atomic():
                if reset:
                    self.remove_demo()
                if self.demo_is_loaded():
                    self.restore_missing_media()
                    self.add_missing_lessons()
                    self.say("The demo album is already loaded; nothing to do (use --reset to rebuild it).")
                else:
                    self.load()
                    self.say(f"Demo album loaded in {time.monotonic() - self.started:.1f} s.", style=self.style.SUCCESS)
        except BaseException:
            # The database rolled back; take the media we wrote with it so nothing is half-loaded.
            for name in self.written_files:
                default_storage.delete(name)
            raise
        self.ensure_local_account()

    # -- progress -------------------------------------------------------------------------------

    def say(self, message, style=None):
        if self.verbosity > 0:
            self.stdout.write(style(message) if style else message)

    def warn(self, message):
        self.stderr.write(self.style.WARNING(message))

    def step(self, message):
        self.say(f"  [{time.monotonic() - self.started:5.1f} s] {message}")

    # -- state ----------------------------------------------------------------------------------

    def demo_is_loaded(self) -> bool:
        # Its pages, that is: files missing from the media folder are made again by restore_missing_media.
        soundtrack = self.demo_soundtrack()
        return soundtrack is not None and TrackPage.objects.child_of(soundtrack).count() == len(self.album.tracks)

    def demo_soundtrack(self):
        return SoundtrackPage.objects.filter(slug=self.album.soundtrack.slug).first()

    def remove_orphaned_demo_files(self):
        """Remove files the demo wrote that no database row points at.

        A load killed outright (no chance to run the clean-up in handle) leaves its files behind while
        its transaction rolls back. Only the folders the demo writes to are swept, and only names it
        gives: renditions, made by page views at any moment, are left alone.
        """
        referenced = stored_file_names()
        removed = []
        for folder in demo_upload_folders():
            try:
                names = default_storage.listdir(folder)[1]
            except FileNotFoundError:  # a local folder not made yet
                names = []
            for filename in sorted(name for name in names if name.startswith(DEMO_PREFIX)):
                name = f"{folder}/{filename}"
                if name in referenced:
                    continue
                try:
                    default_storage.delete(name)
                except OSError as error:
                    self.warn(f"Could not remove {name}, left by an interrupted load: {error.strerror or error}.")
                else:
                    removed.append(filename)
        if removed:
            self.say(f"Removed {len(removed)} file(s) an interrupted load left behind: {named(removed)}.")

    def restore_missing_media(self):
        """Make again the demo's audio and images whose files are gone from the media folder.

        A wiped or partly restored media folder must not stop `make run`: what cannot be made again
        (the folder cannot be written, say) is reported and left, and its pages show it as missing.
        What an editor uploaded in place of the demo's is theirs: the dashboard lists it when it is gone.
        """
        restored, failed = [], []
        by_slug = {track.slug: track for track in self.album.tracks}
        tracks = TrackPage.objects.child_of(self.demo_soundtrack()).select_related("audio")
        for track in tracks:
            audio, data = track.audio, by_slug.get(track.slug)
            if audio is None or data is None or audio.credit != AUDIO_CREDIT or audio.file_is_stored:
                continue
            try:
                self.render_audio_into(audio, data)
            except OSError as error:
                failed.append(f"{audio.file.name} ({error.strerror or error})")
                continue
            audio.save()
            restored.append(audio.file.name)
        collection = Collection.objects.filter(name=COLLECTION_NAME).first()
        for image in get_image_model().objects.filter(collection=collection) if collection else []:
            try:
                if self.restore_image_file(image):
                    restored.append(image.file.name)
            except OSError as error:
                failed.append(f"{image.file.name} ({error.strerror or error})")
        if restored:
            self.say(f"Made again {len(restored)} demo file(s) missing from the media folder: {named(restored)}.")
        if failed:
            self.warn(f"Could not make again {len(failed)} missing demo file(s): {named(failed)}.")

    def restore_image_file(self, image) -> bool:
        if image.file.storage.exists(image.file.name):
            return False
        match = STORED_DEMO_IMAGE.match(PurePosixPath(image.file.name).name)
        committed = IMAGES_DIR / f"{match['stem']}{match['suffix']}" if match else None
        if committed is None or not committed.is_file():
            return False
        with committed.open("rb") as handle:
            image.file.save(f"{DEMO_PREFIX}{committed.name}", File(handle), save=False)
        self.written_files.append(image.file.name)
        image.save()
        # Its sizes went with it; Wagtail makes them again from the restored file.
        image.renditions.all().delete()
        return True

    def remove_demo(self):
        self.say("Removing the demo album…")
        for home in HomePage.objects.all():
            for site in Site.objects.filter(root_page=home):
                site.root_page = Page.get_first_root_node()
                site.save()
            home.delete()
        for audio in AudioFile.objects.filter(credit=AUDIO_CREDIT):
            # Files go only once the removal is committed (Wagtail does the same for images).
            transaction.on_commit(partial(audio.file.storage.delete, audio.file.name))
            if audio.peaks:
                transaction.on_commit(partial(audio.peaks.storage.delete, audio.peaks.name))
            audio.delete()
        collection = Collection.objects.filter(name=COLLECTION_NAME).first()
        if collection:
            for image in get_image_model().objects.filter(collection=collection):
                image.delete()
            collection.delete()

    # -- loading --------------------------------------------------------------------------------

    def load(self):
        self.say("Loading the demo album: Ascenseur pour l'échafaud (Miles Davis, 1957)")
        self.collection = self.get_collection()
        home = self.make_home()
        people = self.make_people(home)
        soundtrack = self.make_soundtrack(home)
        scenes = self.make_scenes(soundtrack, people)
        tracks = self.make_tracks(soundtrack, people, scenes)
        self.make_lessons(soundtrack, tracks)

    def get_collection(self):
        existing = Collection.objects.filter(name=COLLECTION_NAME).first()
        return existing or Collection.get_first_root_node().add_child(name=COLLECTION_NAME)

    def save_image(self, name: str, title: str):
        """Upload one of the committed images (listening/demo/images/) as a Wagtail image."""
        filename = f"demo-{name}"
        image = get_image_model()(title=title, collection=self.collection)
        with (IMAGES_DIR / name).open("rb") as handle:
            image.file.save(filename, File(handle, name=filename), save=False)
        self.written_files.append(image.file.name)
        image._set_image_file_metadata()
        image.save()
        return image

    def publish(self, parent, page):
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page

    def make_home(self):
        root = Page.get_first_root_node()
        # Wagtail's own "Welcome" page has nothing to say once the guide is home (and holds its slug).
        for welcome in root.get_children().filter(content_type__model="page", content_type__app_label="wagtailcore"):
            if welcome.is_leaf():
                welcome.delete()
        data = self.album.home
        home = self.publish(
            root,
            HomePage(title=data.title, slug="home", seo_title=data.seo_title, intro=paragraphs_html(data.intro)),
        )
        site = Site.objects.filter(is_default_site=True).first() or Site(hostname="localhost", is_default_site=True)
        site.root_page = home
        site.site_name = data.site_name
        site.save()
        self.step("home page")
        return home

    def make_people(self, home):
        index = self.publish(
            home,
            PeopleIndexPage(
                title=self.album.people_index.title,
                slug="people",
                intro=paragraphs_html(self.album.people_index.intro),
            ),
        )
        people = {}
        for person in self.album.people:
            portrait = self.save_image(person.portrait, f"Portrait card: {person.name}")
            people[person.slug] = self.publish(
                index,
                PersonPage(
                    title=person.name,
                    slug=person.slug,
                    role=person.role,
                    kind=person.kind,
                    born=person.born,
                    died=person.died,
                    nationality=person.nationality,
                    portrait=portrait,
                    biography=paragraphs_html(person.biography) + sources_paragraph_html(person.sources),
                ),
            )
        self.step(f"{len(people)} people")
        return people

    def make_soundtrack(self, home):
        data = self.album.soundtrack
        cover = self.save_image(data.cover, "The session (drawn)")
        story = []
        for chapter in data.chapters:
            if chapter.myths:
                story.append(
                    (
                        "myths",
                        {
                            "heading": chapter.heading,
                            "intro": RichText(
                                paragraphs_html(chapter.paragraphs) + sources_paragraph_html(chapter.sources)
                            ),
                            "myths": [
                                {
                                    "claim": plain_inline(myth.claim),
                                    "record": RichText(
                                        paragraphs_html(myth.record) + sources_paragraph_html(myth.sources)
                                    ),
                                }
                                for myth in chapter.myths
                            ],
                        },
                    )
                )
            else:
                quote = chapter.quote
                story.append(
                    (
                        "chapter",
                        {
                            "heading": chapter.heading,
                            "body": RichText(
                                paragraphs_html(chapter.paragraphs) + sources_paragraph_html(chapter.sources)
                            ),
                            "quote": {
                                "text": quote.text if quote else "",
                                "attribution": quote.attribution if quote else "",
                            },
                        },
                    )
                )
        soundtrack = self.publish(
            home,
            SoundtrackPage(
                title=data.title,
                slug=data.slug,
                subtitle=data.subtitle,
                original_language=data.original_language,
                footer=paragraphs_html(data.footer),
                label=data.label,
                catalogue_number=data.catalogue_number,
                release_format=data.release_format,
                recorded=data.recorded,
                studio=data.studio,
                cover=cover,
                intro=paragraphs_html(data.intro),
                story=story,
                sources=sources_list_html(data.sources),
            ),
        )
        self.step("soundtrack and its story")
        return soundtrack

    def make_scenes(self, soundtrack, people):
        index = self.publish(
            soundtrack,
            ScenesIndexPage(
                title=self.album.scenes_index.title,
                slug="scenes",
                intro=paragraphs_html(self.album.scenes_index.intro),
            ),
        )
        scenes = {}
        # File name → its Wagtail image, for the cues that name a still of their scene.
        self.stills = {}
        for scene in self.album.scenes:
            page = ScenePage(
                title=scene.title,
                slug=scene.slug,
                number=scene.number,
                summary=paragraphs_html(scene.summary) + sources_paragraph_html(scene.sources),
                characters=", ".join(scene.characters),
            )
            for order, still in enumerate(scene.stills):
                # The title is the still's alternative text on the stage: say what the drawing shows.
                image = self.save_image(still.image, f"Drawn still: {still.caption}")
                self.stills[still.image] = image
                page.stills.add(SceneStill(image=image, caption=still.caption, sort_order=order))
            page.cast = [people[slug] for slug in scene.people]
            scenes[scene.slug] = self.publish(index, page)
        self.step(f"{len(scenes)} scenes and their stills")
        return scenes

    def make_tracks(self, soundtrack, people, scenes):
        """The tracks, with their credits, cues and audio; returned by slug."""
        made = {}
        roles = {person.slug: person.role for person in self.album.people}
        for data in self.album.tracks:
            length_ms = parse_time(data.length)
            page = TrackPage(
                title=data.title_fr,
                slug=data.slug,
                title_en=data.title_en,
                number=data.number,
                side=data.side,
                session_piece=data.session_piece,
                take=data.take,
                take_note=data.take_note,
                listed_length_ms=length_ms,
                intro=paragraphs_html(data.intro),
            )
            for order, slug in enumerate(data.personnel):
                page.credits.add(TrackCredit(person=people[slug], role=roles[slug], sort_order=order))
            cues = []
            for order, cue in enumerate(data.cues):
                row = Cue(
                    slug=cue.slug,
                    start_ms=parse_time(cue.start),
                    end_ms=parse_time(cue.end) if cue.end else None,
                    title=cue.title,
                    commentary=paragraphs_html(cue.commentary),
                    layer=cue.layer,
                    scene=scenes[cue.scene],
                    still=self.stills[cue.still] if cue.still else None,
                    sources="\n".join(source.line for source in cue.sources),
                    sort_order=order,
                )
                row.performers = [people[slug] for slug in cue.performers]
                cues.append(row)
            page.cues = cues
            page.audio = self.make_audio(data)
            made[data.slug] = self.publish(soundtrack, page)
            self.step(f"track {data.number:2d}  {data.title_fr} ({data.length}, {len(cues)} cues)")
        return made

    def add_missing_lessons(self):
        """Lessons came after the album: a database loaded before them gets them without a reset."""
        soundtrack = self.demo_soundtrack()
        present = set(LessonPage.objects.child_of(soundtrack).values_list("slug", flat=True))
        missing = [lesson for lesson in self.album.lessons if lesson.slug not in present]
        if missing:
            tracks = {track.slug: track for track in TrackPage.objects.child_of(soundtrack).specific()}
            self.make_lessons(soundtrack, tracks, missing)
            self.say(f"Added {len(missing)} demo lesson(s) missing from the loaded album.")

    def make_lessons(self, soundtrack, tracks, lessons=None):
        """The lessons, under the soundtrack; each step checked by its block, as the editor would be."""
        for data in self.album.lessons if lessons is None else lessons:
            page = LessonPage(
                title=data.title,
                slug=data.slug,
                level=data.level,
                duration_minutes=data.minutes,
                search_description=data.summary,
                intro=paragraphs_html(data.intro),
                teacher_notes=paragraphs_html(data.teacher_notes),
                sources=sources_list_html(data.sources),
                steps=[lesson_step(step, tracks) for step in data.steps],
            )
            page.steps.stream_block.clean(page.steps)  # raises on a step its track cannot play
            self.publish(soundtrack, page)
            self.step(f"lesson     {data.title} ({len(data.steps)} steps)")

    def make_audio(self, data):
        audio = AudioFile(title=f"{data.title_fr} (demo audio)", credit=AUDIO_CREDIT)
        self.render_audio_into(audio, data)
        audio.save()
        return audio

    def render_audio_into(self, audio, data):
        """Synthesise a track's audio from its data and keep it as `audio`'s file (the record is not saved)."""
        filename = f"{DEMO_PREFIX}{data.number:02d}-{data.slug}.mp3"
        length_ms = parse_time(data.length)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / filename
            render_demo_audio(
                path,
                duration_s=length_ms / 1000,
                tempo_bpm=data.tempo_bpm,
                voice_spans=self.voice_spans(data, length_ms),
                seed=data.number,
            )
            with path.open("rb") as handle:
                # The same reading an upload gets: the demo proves mutagen understands what we ship.
                audio.ingest(handle, filename)  # and its waveform peaks, beside it
        self.written_files.append(audio.file.name)
        if audio.peaks:
            self.written_files.append(audio.peaks.name)

    def voice_spans(self, data, length_ms):
        """(voice, start s, end s) for each musician a music cue of the track names: what its audio plays."""
        voices = {person.slug: person.voice for person in self.album.people}
        cues = [
            SimpleNamespace(
                pk=None,
                sort_order=order,
                start_ms=parse_time(cue.start),
                end_ms=parse_time(cue.end) if cue.end else None,
                layer=cue.layer,
                performers=cue.performers,
            )
            for order, cue in enumerate(data.cues)
        ]
        return [
            (voices[slug], span.start_ms / 1000, span.end_ms / 1000)
            for span in cue_spans(cues, length_ms)
            if span.cue.layer == Cue.Layer.MUSIC
            for slug in span.cue.performers
            if voices.get(slug)
        ]

    # -- local account --------------------------------------------------------------------------

    def ensure_local_account(self):
        if not settings.LISTENING_LOCAL_DEMO_ACCOUNT:
            return
        username, password = LOCAL_ACCOUNT
        User = get_user_model()
        if not User.objects.filter(username=username).exists():
            User.objects.create_superuser(username=username, email="", password=password)
        for role_name, group_name in LOCAL_ROLE_ACCOUNTS.items():
            group = Group.objects.filter(name=group_name).first()
            if group and not User.objects.filter(username=role_name).exists():
                user = User.objects.create_user(username=role_name, email="", password=password)
                user.groups.add(group)
        self.say(f"Admin (this machine only): http://127.0.0.1:8000/admin/  user “{username}”, password “{password}”.")
        self.say("To try the roles, log in as “editor” or “contributor”, with the same password.")


def named(names: list[str], shown: int = 5) -> str:
    """“a, b, c and 4 more”: a list of files for a progress line."""
    more = f" and {len(names) - shown} more" if len(names) > shown else ""
    return ", ".join(names[:shown]) + more


def demo_upload_folders() -> list[str]:
    """The media folders the demo's files go to: its images' and its audio's."""
    image_folder = PurePosixPath(get_image_model()(title="").get_upload_to("x.jpg")).parent
    audio_folder = PurePosixPath(AudioFile._meta.get_field("file").generate_filename(None, "x.mp3")).parent
    return sorted({str(image_folder), str(audio_folder)})


def stored_file_names() -> set[str]:
    """The name of every file a database row points at, in any model with a file field."""
    names = set()
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                names.update(model._default_manager.exclude(**{field.name: ""}).values_list(field.name, flat=True))
    return names


def render_demo_audio(path: Path, **arguments) -> None:
    """synth.render_track, through a cache: the same arguments and synthesiser give the same file.

    Rendering the album takes a while; --reset and test runs reuse what an earlier load made.
    """
    cache = settings.LISTENING_DEMO_AUDIO_CACHE
    if not cache:
        synth.render_track(path, **arguments)
        return
    recipe = json.dumps(arguments, sort_keys=True, default=list) + Path(synth.__file__).read_text()
    cached = Path(cache) / f"{hashlib.sha256(recipe.encode()).hexdigest()[:32]}.mp3"
    if not cached.is_file():
        cached.parent.mkdir(parents=True, exist_ok=True)
        synth.render_track(cached, **arguments)  # writes beside it and renames: never half a file
    shutil.copyfile(cached, path)
