"""Load the demo album: pages from the data files, the committed stills, synthesised audio. Safe to run again."""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import time
from functools import partial
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files import File
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Site
from wagtail.rich_text import RichText

from listening.core.timecode import parse_time
from listening.demo import synth
from listening.demo.album import IMAGES_DIR, DemoDataError, load_album
from listening.demo.text import list_html, paragraphs_html
from listening.people.models import PeopleIndexPage, PersonPage
from listening.scenes.models import ScenePage, ScenesIndexPage, SceneStill
from listening.site.local_accounts import LOCAL_ACCOUNT, LOCAL_ROLE_ACCOUNTS
from listening.site.models import HomePage
from listening.tracks.models import AudioFile, Cue, SoundtrackPage, TrackCredit, TrackPage
from listening.tracks.timeline import cue_spans

COLLECTION_NAME = "Demo album"
AUDIO_CREDIT = "Synthesised demo audio (not the 1957 recording); replace with licensed media."


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
        self.written_files: list[Path] = []
        try:
            # One transaction: a failed --reset keeps the album that was there.
            with transaction.atomic():
                if reset:
                    self.remove_demo()
                if self.demo_is_loaded():
                    self.say("The demo album is already loaded; nothing to do (use --reset to rebuild it).")
                else:
                    self.load()
                    self.say(f"Demo album loaded in {time.monotonic() - self.started:.1f} s.", style=self.style.SUCCESS)
        except BaseException:
            # The database rolled back; take the media we wrote with it so nothing is half-loaded.
            for path in self.written_files:
                path.unlink(missing_ok=True)
            raise
        self.ensure_local_account()

    # -- progress -------------------------------------------------------------------------------

    def say(self, message, style=None):
        if self.verbosity > 0:
            self.stdout.write(style(message) if style else message)

    def step(self, message):
        self.say(f"  [{time.monotonic() - self.started:5.1f} s] {message}")

    # -- state ----------------------------------------------------------------------------------

    def demo_is_loaded(self) -> bool:
        soundtrack = SoundtrackPage.objects.filter(slug=self.album.soundtrack.slug).first()
        if soundtrack is None:
            return False
        tracks = TrackPage.objects.child_of(soundtrack).select_related("audio")
        if tracks.count() != len(self.album.tracks):
            return False
        # A wiped media folder means the audio must be made again.
        return all(
            track.audio and track.audio.file and track.audio.file.storage.exists(track.audio.file.name)
            for track in tracks
        )

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
        self.make_tracks(soundtrack, people, scenes)

    def get_collection(self):
        existing = Collection.objects.filter(name=COLLECTION_NAME).first()
        return existing or Collection.get_first_root_node().add_child(name=COLLECTION_NAME)

    def save_image(self, name: str, title: str):
        """Upload one of the committed images (listening/demo/images/) as a Wagtail image."""
        filename = f"demo-{name}"
        image = get_image_model()(title=title, collection=self.collection)
        with (IMAGES_DIR / name).open("rb") as handle:
            image.file.save(filename, File(handle, name=filename), save=False)
        self.written_files.append(Path(image.file.path))
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
                    biography=paragraphs_html(person.biography),
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
                            "intro": RichText(paragraphs_html(chapter.paragraphs)),
                            "myths": [
                                {"claim": myth.claim, "record": RichText(paragraphs_html(myth.record))}
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
                            "body": RichText(paragraphs_html(chapter.paragraphs)),
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
                sources=list_html(data.sources),
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
        for scene in self.album.scenes:
            page = ScenePage(
                title=scene.title,
                slug=scene.slug,
                number=scene.number,
                summary=paragraphs_html(scene.summary),
                characters=", ".join(scene.characters),
            )
            for order, still in enumerate(scene.stills):
                image = self.save_image(still.image, f"{scene.title} (drawn still)")
                page.stills.add(SceneStill(image=image, caption=still.caption, sort_order=order))
            page.cast = [people[slug] for slug in scene.people]
            scenes[scene.slug] = self.publish(index, page)
        self.step(f"{len(scenes)} scenes and their stills")
        return scenes

    def make_tracks(self, soundtrack, people, scenes):
        voices = {person.slug: person.voice for person in self.album.people}
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
                    sources="\n".join(cue.sources),
                    sort_order=order,
                )
                row.performers = [people[slug] for slug in cue.performers]
                cues.append(row)
            page.cues = cues
            spans = [
                (voices[person.slug], span.start_ms / 1000, span.end_ms / 1000)
                for span in cue_spans(cues, length_ms)
                if span.cue.layer == Cue.Layer.MUSIC
                for person in span.cue.performers.all()
                if voices.get(person.slug)
            ]
            page.audio = self.make_audio(data, length_ms, spans)
            self.publish(soundtrack, page)
            self.step(f"track {data.number:2d}  {data.title_fr} ({data.length}, {len(cues)} cues)")

    def make_audio(self, data, length_ms, voice_spans):
        filename = f"demo-{data.number:02d}-{data.slug}.mp3"
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / filename
            render_demo_audio(
                path,
                duration_s=length_ms / 1000,
                tempo_bpm=data.tempo_bpm,
                voice_spans=voice_spans,
                seed=data.number,
            )
            with path.open("rb") as handle:
                # The same reading an upload gets: the demo proves mutagen understands what we ship.
                audio = AudioFile(title=f"{data.title_fr} (demo audio)", credit=AUDIO_CREDIT)
                audio.ingest(handle, filename)
        self.written_files.append(Path(audio.file.path))
        audio.save()
        return audio

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
