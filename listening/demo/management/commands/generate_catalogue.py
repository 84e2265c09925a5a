"""Generate a synthetic catalogue in bulk, for benchmarks: `manage.py generate_catalogue` (dev and tests only).

By default 50 soundtracks, 600 tracks, 60,000 cues, 500 people and 1,000 scenes, built the way the
admin would shape them (a soundtrack's scenes index and tracks as its children, people in the shared
people index, cues with a scene, a still and performers), but written in bulk: page rows with tree
paths computed here (treebeard's own add_child is one page at a time), their specific rows one INSERT
each, and every cue, credit, performer and still in `bulk_create` batches. Pages are live without
revisions (the admin makes one when a page is first edited) and are added to the search index.
A dozen drawn stills and portraits and one synthesised recording are shared by everything.
"""

from __future__ import annotations

import io
import random
import tempfile
import time
from pathlib import Path

from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from PIL import Image, ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page
from wagtail.search.backends import get_search_backend

from listening.core.timecode import format_time
from listening.demo.management.commands.load_demo import render_demo_audio
from listening.people.models import PeopleIndexPage, PersonPage
from listening.scenes.models import ScenePage, ScenesIndexPage, SceneStill
from listening.site.models import HomePage
from listening.site.page_cache import bump_generation
from listening.tracks.models import AudioFile, Cue, SoundtrackPage, TrackCredit, TrackPage

PREFIX = "gen-"
COLLECTION_NAME = "Generated catalogue"
TRACK_LENGTH_MS = 6 * 60 * 1000
ROLES = ["Trumpet", "Tenor saxophone", "Piano", "Double bass", "Drums", "Vibraphone", "Guitar", "Alto saxophone"]
LAYERS = [Cue.Layer.MUSIC, Cue.Layer.MUSIC, Cue.Layer.MUSIC, Cue.Layer.FILM, Cue.Layer.STORY]
BATCH = 2000


class Command(BaseCommand):
    help = "Generate a synthetic catalogue in bulk for benchmarks (dev and tests only)."

    def add_arguments(self, parser):
        parser.add_argument("--soundtracks", type=int, default=50)
        parser.add_argument("--tracks", type=int, default=600, help="in all, shared out among the soundtracks")
        parser.add_argument("--cues", type=int, default=60_000, help="in all, shared out among the tracks")
        parser.add_argument("--people", type=int, default=500)
        parser.add_argument("--scenes", type=int, default=1_000, help="in all, shared out among the soundtracks")
        parser.add_argument("--seed", type=int, default=1957)
        parser.add_argument("--reset", action="store_true", help="remove a catalogue generated earlier first")

    def handle(self, *args, soundtracks, tracks, cues, people, scenes, seed, reset, verbosity=1, **options):
        if min(soundtracks, tracks, people, scenes) < 1 or cues < 0:
            raise CommandError("Every size must be at least 1 (cues at least 0).")
        if tracks < soundtracks or scenes < soundtracks:
            raise CommandError("Give every soundtrack at least one track and one scene.")
        self.verbosity = verbosity
        self.started = time.monotonic()
        self.rng = random.Random(seed)
        self.now = timezone.now()
        self.locale = Locale.get_default()
        home = HomePage.objects.first()
        if home is None:
            raise CommandError("There is no home page: run migrate and load_demo (or make a home page) first.")
        with transaction.atomic():
            if reset:
                self.remove()
            if SoundtrackPage.objects.filter(slug__startswith=PREFIX).exists():
                raise CommandError("A generated catalogue is already here; use --reset to make it again.")
            self.generate(home, soundtracks, tracks, cues, people, scenes)
            bump_generation()  # bulk writes send no signals: retire cached pages here
        # Bulk inserts leave the query planner's statistics behind until autovacuum comes round:
        # PostgreSQL would plan joins on the new rows as if the tables were still small.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.say(
            f"Generated {soundtracks} soundtracks, {tracks} tracks, {cues} cues, {people} people and "
            f"{scenes} scenes in {time.monotonic() - self.started:.1f} s."
        )

    def say(self, message):
        if self.verbosity > 0:
            self.stdout.write(message)

    def step(self, message):
        self.say(f"  [{time.monotonic() - self.started:5.1f} s] {message}")

    # -- removal ------------------------------------------------------------------------------------

    def remove(self):
        for page in SoundtrackPage.objects.filter(slug__startswith=PREFIX):
            Cue.objects.filter(track__in=TrackPage.objects.descendant_of(page)).delete()
            page.delete()
        for page in PersonPage.objects.filter(slug__startswith=PREFIX):
            page.delete()
        AudioFile.objects.filter(title__startswith="Generated recording").delete()
        collection = Collection.objects.filter(name=COLLECTION_NAME).first()
        if collection:
            get_image_model().objects.filter(collection=collection).delete()
            collection.delete()
        self.step("removed the catalogue generated earlier")

    # -- bulk pages ---------------------------------------------------------------------------------

    def add_children(self, parent: Page, pages: list[Page]) -> list[Page]:
        """Add `pages` (unsaved specific pages) as the last children of `parent`, in bulk; returns them saved."""
        if not pages:
            return []
        last = parent.get_last_child()
        step = (int(last.path[-Page.steplen :], 36) if last else 0) + 1
        depth = parent.depth + 1
        bases = []
        for offset, page in enumerate(pages):
            page.path = Page._get_path(parent.path, depth, step + offset)
            page.depth = depth
            page.numchild = 0
            page.url_path = f"{parent.url_path}{page.slug}/"
            page.locale = self.locale
            page.live = True
            page.has_unpublished_changes = False
            page.draft_title = page.title
            page.first_published_at = page.last_published_at = page.latest_revision_created_at = self.now
            page.content_type = page.get_content_type() if page.content_type_id is None else page.content_type
            base = Page(**{field.attname: getattr(page, field.attname) for field in Page._meta.concrete_fields})
            bases.append(base)
        Page.objects.bulk_create(bases, batch_size=BATCH)
        for page, base in zip(pages, bases, strict=True):
            page.pk = page.page_ptr_id = base.pk
            page.id = base.pk
            # Only the specific table: the Page row is written above.
            page.save_base(raw=True, force_insert=True)
            page._state.adding = False
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
        parent.numchild += len(pages)
        return pages

    # -- the catalogue ------------------------------------------------------------------------------

    def generate(self, home, n_soundtracks, n_tracks, n_cues, n_people, n_scenes):
        collection = Collection.get_first_root_node().add_child(name=COLLECTION_NAME)
        stills = [self.drawn_image(collection, f"Generated still {n + 1}", n) for n in range(8)]
        portraits = [self.drawn_image(collection, f"Generated portrait {n + 1}", 20 + n) for n in range(4)]
        audio = self.recording()
        self.step(f"{len(stills)} stills, {len(portraits)} portraits and a recording")

        index = (
            PeopleIndexPage.objects.first()
            or self.add_children(home, [PeopleIndexPage(title="People", slug="people")])[0]
        )
        people = self.add_children(
            index,
            [
                PersonPage(
                    title=f"Player {n + 1:04d}",
                    slug=f"{PREFIX}player-{n + 1:04d}",
                    role=ROLES[n % len(ROLES)],
                    portrait=portraits[n % len(portraits)],
                    biography=f"<p>Player {n + 1} of the generated catalogue, on {ROLES[n % len(ROLES)].lower()}.</p>",
                )
                for n in range(n_people)
            ],
        )
        self.step(f"{len(people)} people")

        soundtracks = self.add_children(
            home,
            [
                SoundtrackPage(
                    title=f"Generated soundtrack {n + 1:03d}",
                    slug=f"{PREFIX}soundtrack-{n + 1:03d}",
                    subtitle="Synthetic catalogue for benchmarks",
                    cover=stills[n % len(stills)],
                    intro="<p>A soundtrack generated to measure how the guide grows.</p>",
                )
                for n in range(n_soundtracks)
            ],
        )
        scene_indexes = []
        for soundtrack in soundtracks:
            scene_indexes += self.add_children(
                soundtrack, [ScenesIndexPage(title="Scenes", slug="scenes", intro="<p>The film, beat by beat.</p>")]
            )
        all_scenes, all_tracks = {}, {}
        for number, (soundtrack, scene_index) in enumerate(zip(soundtracks, scene_indexes, strict=True)):
            count = share(n_scenes, n_soundtracks, number)
            all_scenes[soundtrack.pk] = self.add_children(
                scene_index,
                [
                    ScenePage(
                        title=f"Scene {s + 1}",
                        slug=f"scene-{s + 1:03d}",
                        number=s + 1,
                        summary=f"<p>Beat {s + 1} of the film.</p>",
                        characters="Florence, Julien",
                    )
                    for s in range(count)
                ],
            )
            count = share(n_tracks, n_soundtracks, number)
            all_tracks[soundtrack.pk] = self.add_children(
                soundtrack,
                [
                    TrackPage(
                        title=f"Track {t + 1}",
                        slug=f"track-{t + 1:02d}",
                        title_en=f"Track {t + 1} (generated)",
                        number=t + 1,
                        side=TrackPage.Side.A if t % 2 == 0 else TrackPage.Side.B,
                        session_piece=f"Piece {t // 2 + 1}",
                        take=t % 2 + 1,
                        listed_length_ms=TRACK_LENGTH_MS,
                        audio=audio,
                        intro="<p>A generated track.</p>",
                    )
                    for t in range(count)
                ],
            )
        scenes = [scene for group in all_scenes.values() for scene in group]
        tracks = [track for group in all_tracks.values() for track in group]
        self.step(f"{len(soundtracks)} soundtracks, {len(scenes)} scenes, {len(tracks)} tracks")

        SceneStill.objects.bulk_create(
            [SceneStill(scene=scene, image=stills[n % len(stills)], sort_order=0) for n, scene in enumerate(scenes)],
            batch_size=BATCH,
        )
        cast = ScenePage.cast.through
        cast.objects.bulk_create(
            [cast(scenepage_id=scene.pk, personpage_id=self.rng.choice(people).pk) for scene in scenes],
            batch_size=BATCH,
        )
        credits = {}
        rows = []
        for track in tracks:
            band = self.rng.sample(people, min(4, len(people)))
            credits[track.pk] = band
            rows += [TrackCredit(track=track, person=p, role=p.role, sort_order=n) for n, p in enumerate(band)]
        TrackCredit.objects.bulk_create(rows, batch_size=BATCH)
        self.step(f"stills, cast and {len(rows)} credits")

        scenes_of_track = {track.pk: all_scenes[pk] for pk, group in all_tracks.items() for track in group}
        self.make_cues(tracks, n_cues, scenes_of_track, credits, stills)

        backend = get_search_backend()
        for model, pages in ((PersonPage, people), (SoundtrackPage, soundtracks), (ScenePage, scenes)):
            backend.add_bulk(model, pages)
        backend.add_bulk(TrackPage, tracks)
        self.step("search index")

    def make_cues(self, tracks, n_cues, scenes_of_track, credits, stills):
        performers_through = Cue.performers.through
        made = 0
        for number, track in enumerate(tracks):
            count = share(n_cues, len(tracks), number)
            scenes = scenes_of_track[track.pk]
            spacing = TRACK_LENGTH_MS // max(count, 1)
            cues = [
                Cue(
                    track=track,
                    slug=f"cue-{c + 1:04d}",
                    start_ms=c * spacing,
                    title=f"Moment {c + 1} ({format_time(c * spacing, precise=False)})",
                    commentary=f"<p>What to listen for at moment {c + 1} of this track.</p>",
                    layer=LAYERS[c % len(LAYERS)],
                    scene=scenes[(c * len(scenes)) // max(count, 1)],
                    still=stills[c % len(stills)] if c % 7 == 0 else None,
                    sources="Generated for benchmarks",
                    sort_order=c,
                )
                for c in range(count)
            ]
            Cue.objects.bulk_create(cues, batch_size=BATCH)
            band = credits[track.pk]
            performers_through.objects.bulk_create(
                [
                    performers_through(cue_id=cue.pk, personpage_id=person.pk)
                    for n, cue in enumerate(cues)
                    if cue.layer == Cue.Layer.MUSIC
                    for person in band[: 1 + n % len(band)]
                ],
                batch_size=BATCH,
            )
            made += count
        self.step(f"{made} cues and their performers")

    # -- media --------------------------------------------------------------------------------------

    def drawn_image(self, collection, title: str, seed: int):
        """A small drawn picture: grey bands like a night street, different for each seed."""
        rng = random.Random(seed)
        picture = Image.new("L", (640, 400), 20)
        draw = ImageDraw.Draw(picture)
        for _ in range(12):
            x, y = rng.randrange(640), rng.randrange(400)
            draw.rectangle([x, y, x + rng.randrange(40, 200), y + rng.randrange(10, 120)], fill=rng.randrange(40, 230))
        buffer = io.BytesIO()
        picture.convert("RGB").save(buffer, format="JPEG", quality=80)
        image = get_image_model()(title=title, collection=collection)
        image.file.save(f"generated-{seed:02d}.jpg", ImageFile(buffer, name=f"generated-{seed:02d}.jpg"), save=False)
        image._set_image_file_metadata()
        image.save()
        return image

    def recording(self) -> AudioFile:
        audio = AudioFile(title="Generated recording (shared by every generated track)", credit="Synthesised")
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "generated-recording.mp3"
            render_demo_audio(path, duration_s=TRACK_LENGTH_MS / 1000, tempo_bpm=120, voice_spans=[], seed=99)
            with path.open("rb") as handle:
                audio.ingest(handle, path.name)
        audio.save()
        return audio


def share(total: int, parts: int, index: int) -> int:
    """The `index`th of `parts` near-equal shares of `total`."""
    return total // parts + (1 if index < total % parts else 0)
