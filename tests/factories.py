"""Factories for the pages and rows a test needs: a minimal guide, built in a few lines.

    soundtrack = SoundtrackPageFactory(parent=home_page)
    track = TrackPageFactory(parent=soundtrack)
    CueFactory(track=track, start_ms=0, performers=[person])

Pages are created live under their parent (wagtail-factories adds them to the tree).
"""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.models import Page, Site

from listening.people.models import PeopleIndexPage, PersonPage
from listening.scenes.models import ScenePage, ScenesIndexPage
from listening.site.models import HomePage
from listening.tracks.models import Cue, SoundtrackPage, TrackCredit, TrackPage


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


class TrackCreditFactory(DjangoModelFactory):
    role = factory.LazyAttribute(lambda credit: credit.person.role)

    class Meta:
        model = TrackCredit


class CueFactory(DjangoModelFactory):
    slug = factory.Sequence(lambda n: f"cue-{n}")
    title = factory.Sequence(lambda n: f"Cue {n}")
    start_ms = 0
    commentary = "<p>What to listen for here. A second sentence.</p>"
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
