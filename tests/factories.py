"""Factories for the pages and rows a test needs: a minimal guide, built in a few lines.

    soundtrack = SoundtrackPageFactory(parent=home_page())
    track = TrackPageFactory(parent=soundtrack, audio=AudioFileFactory(seconds=165))
    CueFactory(track=track, start_ms=0, performers=[person])
    publish(track)

Pages are created live under their parent (wagtail-factories adds them to the tree) but without a
revision; `publish` gives a page the published revision the admin would, once its rows are in place.
`build_guide` makes the small guide most page tests read: see `Guide`.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, fields

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.models import Collection, Page, Site
from wagtail.rich_text import RichText

from listening.lessons.models import LessonPage, LessonsIndexPage
from listening.people.models import PeopleIndexPage, PersonPage
from listening.scenes.models import ScenePage, ScenesIndexPage, SceneStill
from listening.site.models import HomePage
from listening.tracks.models import AudioFile, Cue, SoundtrackPage, TrackCredit, TrackPage
from tests.audio_samples import tone


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Listening guide"
    slug = factory.Sequence(lambda n: f"home-{n}")

    class Meta:
        model = HomePage


class PeopleIndexPageFactory(wagtail_factories.PageFactory):
    title = "People"
    slug = "people"

    class Meta:
        model = PeopleIndexPage


class PersonPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Player {n}")
    slug = factory.Sequence(lambda n: f"player-{n}")
    role = "Trumpet"
    kind = PersonPage.Kind.MUSICIAN

    class Meta:
        model = PersonPage


class SoundtrackPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Soundtrack {n}")
    slug = factory.Sequence(lambda n: f"soundtrack-{n}")

    class Meta:
        model = SoundtrackPage


class ScenesIndexPageFactory(wagtail_factories.PageFactory):
    title = "Scenes"
    slug = "scenes"

    class Meta:
        model = ScenesIndexPage


class ScenePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Scene {n}")
    slug = factory.Sequence(lambda n: f"scene-{n}")
    number = factory.Sequence(lambda n: n + 1)

    class Meta:
        model = ScenePage


class TrackPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Track {n}")
    slug = factory.Sequence(lambda n: f"track-{n}")
    number = factory.Sequence(lambda n: n + 1)
    listed_length_ms = 165_000

    class Meta:
        model = TrackPage


class ImageFactory(wagtail_factories.ImageFactory):
    """A small real JPEG in the root collection (wagtail-factories would add a new root collection each time)."""

    title = factory.Sequence(lambda n: f"Still {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.django.ImageField(width=320, height=180, color="gray")


class SceneStillFactory(DjangoModelFactory):
    image = factory.SubFactory(ImageFactory)

    class Meta:
        model = SceneStill


class AudioFileFactory(DjangoModelFactory):
    """A real audio file, read by mutagen on the way in as an upload is: its duration and format are measured.

    `seconds` and `format` ("MP3" or "WAV") say what tone to make; the bytes are made once per run.
    """

    title = factory.Sequence(lambda n: f"Recording {n}")
    credit = "Test tone"
    content = factory.LazyAttribute(lambda audio: tone(audio.seconds, fmt=audio.format))
    name = factory.Sequence(lambda n: f"tone-{n}")

    class Meta:
        model = AudioFile

    class Params:
        seconds = 2.0
        format = "MP3"

    @classmethod
    def _create(cls, model_class, *args, content, name, **kwargs):
        audio = model_class(**kwargs)
        extension = "wav" if content[:4] == b"RIFF" else "mp3"
        audio.ingest(io.BytesIO(content), f"{name}.{extension}", title=audio.title)
        audio.save()
        return audio


class TrackCreditFactory(DjangoModelFactory):
    role = factory.LazyAttribute(lambda credit: credit.person.role)

    class Meta:
        model = TrackCredit


class CueFactory(DjangoModelFactory):
    slug = factory.Sequence(lambda n: f"cue-{n}")
    title = factory.Sequence(lambda n: f"Cue {n}")
    start_ms = 0
    commentary = "<p>What to listen for here, at this moment of the track. A second sentence says why.</p>"
    layer = Cue.Layer.MUSIC

    class Meta:
        model = Cue
        skip_postgeneration_save = True

    @factory.post_generation
    def performers(self, create, people, **kwargs):
        if people:
            self.performers.set(people)
            if create:
                self.save()  # modelcluster keeps parental many-to-many choices in memory until the cue is saved


def home_page() -> HomePage:
    """The site's home page, made and set as the default site's root when there is none yet."""
    home = HomePage.objects.first()
    if home is None:
        home = HomePageFactory(parent=Page.get_first_root_node())
    site = Site.objects.filter(is_default_site=True).first() or Site(hostname="localhost", is_default_site=True)
    if site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    return home


def people_index() -> PeopleIndexPage:
    """The people index shared by every soundtrack."""
    return PeopleIndexPage.objects.first() or PeopleIndexPageFactory(parent=home_page())


def publish(page: Page) -> Page:
    """Publish a page's current state as a revision, as the admin's Publish does; returns it fresh."""
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


@dataclass(frozen=True)
class Guide:
    """A soundtrack with two takes of one piece, three musicians, a film person and two scenes with stills.

    `track` is take 1 of “Générique” (French titles): 165 s of real MP3, the three musicians credited,
    and cues in three layers, each with a scene and performers where music is heard. Its music cues
    start at 0:00, 0:20, 0:45, 1:15 and 1:40, a film cue also at 0:00 and at 1:10 (with a still of its
    own), a story cue at 1:50. `other_take` is take 2 of the same session piece, without the saxophonist.
    Every page is published with a revision, so the admin edits them as it would real pages.
    """

    home: HomePage
    people: PeopleIndexPage
    trumpeter: PersonPage
    saxophonist: PersonPage
    bassist: PersonPage
    director: PersonPage
    soundtrack: SoundtrackPage
    scenes: ScenesIndexPage
    streets: ScenePage
    lift: ScenePage
    track: TrackPage
    other_take: TrackPage

    def fresh(self) -> Guide:
        """The same guide read again from the database: a test may change its pages without touching another's."""
        return Guide(
            **{f.name: type(page).objects.get(pk=page.pk) for f in fields(self) for page in [getattr(self, f.name)]}
        )


def _paragraphs(*sentences: str) -> str:
    return "".join(f"<p>{sentence}</p>" for sentence in sentences)


def build_guide() -> Guide:
    home = publish(home_page())
    people = publish(people_index())
    trumpeter = publish(PersonPageFactory(parent=people, title="Lena Marsh", slug="lena-marsh", role="Trumpet"))
    saxophonist = publish(
        PersonPageFactory(parent=people, title="Jules Okafor", slug="jules-okafor", role="Tenor saxophone")
    )
    bassist = publish(PersonPageFactory(parent=people, title="Tomas Varga", slug="tomas-varga", role="Double bass"))
    director = publish(
        PersonPageFactory(
            parent=people, title="Claire Dumont", slug="claire-dumont", role="Director", kind=PersonPage.Kind.FILM
        )
    )

    soundtrack = publish(
        SoundtrackPageFactory(
            parent=home,
            title="Nuit de verre",
            slug="nuit-de-verre",
            subtitle="Original soundtrack",
            original_language="fr",
            intro=_paragraphs("A quintet records the music for a night-time thriller in one session."),
            story=[
                (
                    "myths",
                    {
                        "heading": "Myth and record",
                        "intro": RichText(_paragraphs("What is told about the session, and what the papers show.")),
                        "myths": [
                            {
                                "claim": "It was all improvised in one night.",
                                "record": RichText(_paragraphs("The themes were sketched the afternoon before.")),
                            }
                        ],
                    },
                )
            ],
            footer=_paragraphs("Test tones stand in for the recording."),
        )
    )
    scenes = publish(ScenesIndexPageFactory(parent=soundtrack))
    streets = ScenePageFactory(parent=scenes, title="Night streets", slug="night-streets", number=1)
    streets.cast.set([director])
    SceneStillFactory(scene=streets)
    streets = publish(streets)
    lift = ScenePageFactory(parent=scenes, title="Trapped in the lift", slug="trapped-in-the-lift", number=2)
    SceneStillFactory(scene=lift)
    lift = publish(lift)

    track = TrackPageFactory(
        parent=soundtrack,
        title="Générique",
        title_en="Opening Titles",
        slug="generique",
        number=1,
        side=TrackPage.Side.A,
        session_piece="Générique",
        take=1,
        listed_length_ms=165_000,
        audio=AudioFileFactory(title="Générique (test tone)", seconds=165.0),
    )
    for order, person in enumerate((trumpeter, saxophonist, bassist)):
        TrackCreditFactory(track=track, person=person, sort_order=order)
    band = [trumpeter, saxophonist, bassist]
    for order, (slug, start_ms, layer, title, performers, scene, text) in enumerate(
        [
            ("bass-alone", 0, "music", "Bass alone", [bassist], streets, "Tomas Varga walks the bass alone."),
            ("opening-shot", 0, "film", "Opening shot", [], streets, "The camera follows a car through the rain."),
            ("trumpet-enters", 20_000, "music", "Trumpet enters", [trumpeter, bassist], streets, "A muted trumpet."),
            ("saxophone-answers", 45_000, "music", "Saxophone answers", band, lift, "The tenor answers her."),
            ("the-lift-stops", 70_000, "film", "The lift stops", [], lift, "The power is cut between floors."),
            ("trumpet-and-bass", 75_000, "music", "Trumpet and bass", [trumpeter, bassist], lift, "Only two now."),
            ("last-bars", 100_000, "music", "Last bars", band, lift, "Tomas Varga holds the last low note."),
            ("why-a-lift", 110_000, "story", "Why a lift", [], lift, "The director wanted a trap of glass."),
        ]
    ):
        CueFactory(
            track=track,
            slug=slug,
            start_ms=start_ms,
            layer=layer,
            title=title,
            performers=performers,
            scene=scene,
            still=ImageFactory(title="The lift stops (still)") if slug == "the-lift-stops" else None,
            commentary=_paragraphs(text, "Listen for how the texture changes here."),
            sources="Session notes\nThe film's press book",
            sort_order=order,
        )
    track = publish(track)

    other_take = TrackPageFactory(
        parent=soundtrack,
        title="Générique",
        title_en="Opening Titles (alternate take)",
        slug="generique-take-2",
        number=2,
        side=TrackPage.Side.A,
        session_piece="Générique",
        take=2,
        listed_length_ms=150_000,
    )
    for order, person in enumerate((trumpeter, bassist)):
        TrackCreditFactory(track=other_take, person=person, sort_order=order)
    CueFactory(track=other_take, slug="faster", title="Faster", performers=[trumpeter, bassist], scene=streets)
    CueFactory(track=other_take, slug="fade", title="Fade", start_ms=90_000, performers=[bassist], scene=lift)
    other_take = publish(other_take)

    return Guide(
        home=home,
        people=people,
        trumpeter=trumpeter,
        saxophonist=saxophonist,
        bassist=bassist,
        director=director,
        soundtrack=soundtrack,
        scenes=scenes,
        streets=streets,
        lift=lift,
        track=track,
        other_take=other_take,
    )


class LessonPageFactory(wagtail_factories.PageFactory):
    """A lesson; give `steps` as (block type, value) pairs, the tracks as pages."""

    title = factory.Sequence(lambda n: f"Lesson {n}")
    level = "introductory"
    duration_minutes = 20

    class Meta:
        model = LessonPage


def listening_step(track, start, end, **extra) -> tuple[str, dict]:
    value = {"track": track, "start": start, "end": end, "prompt": "Listen.", "listen_for": [], "question": ""}
    value.update(extra)
    if isinstance(value.get("answer"), str):
        value["answer"] = RichText(value["answer"])
    return ("listening", value)


def guess_step(track, cue, kind="who", listen_from="", prompt="") -> tuple[str, dict]:
    return ("guess", {"track": track, "cue": cue, "kind": kind, "listen_from": listen_from, "prompt": prompt})


def reading_step(body, heading="") -> tuple[str, dict]:
    return ("reading", {"heading": heading, "body": RichText(body)})


class LessonsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Lessons"

    class Meta:
        model = LessonsIndexPage
