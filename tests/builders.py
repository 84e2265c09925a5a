"""Small page trees for tests that don't need the whole demo album."""

from wagtail.models import Page, Site

from listening.people.models import PeopleIndexPage, PersonPage
from listening.scenes.models import ScenePage, ScenesIndexPage
from listening.site.models import HomePage
from listening.tracks.models import Cue, SoundtrackPage, TrackCredit, TrackPage


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def build_site(slug="test-album"):
    root = Page.get_first_root_node()
    home = publish(root, HomePage(title="Test home", slug=f"home-{slug}"))
    site = Site.objects.filter(is_default_site=True).first()
    site.root_page = home
    site.save()
    soundtrack = publish(home, SoundtrackPage(title="Test album", slug=slug))
    people = publish(home, PeopleIndexPage(title="People", slug=f"people-{slug}"))
    scenes = publish(soundtrack, ScenesIndexPage(title="Scenes", slug="scenes"))
    return {"home": home, "soundtrack": soundtrack, "people": people, "scenes": scenes}


def add_person(index, name, slug, role="Trumpet"):
    return publish(index, PersonPage(title=name, slug=slug, role=role))


def add_scene(index, title, slug, number=1):
    return publish(index, ScenePage(title=title, slug=slug, number=number))


def add_track(soundtrack, *, slug, number=1, cues=5, performers=(), scene=None, length_ms=165_000, **fields):
    track = TrackPage(
        title=fields.pop("title", f"Track {number}"),
        slug=slug,
        number=number,
        listed_length_ms=length_ms,
        **fields,
    )
    for order, person in enumerate(performers):
        track.credits.add(TrackCredit(person=person, role=person.role, sort_order=order))
    rows = []
    step = length_ms // max(cues, 1)
    for index in range(cues):
        cue = Cue(
            slug=f"cue-{index + 1}",
            start_ms=index * step,
            title=f"Cue {index + 1}",
            commentary=f"<p>Commentary for cue {index + 1}. It has two sentences.</p>",
            layer=Cue.Layer.MUSIC,
            scene=scene,
            sort_order=index,
        )
        cue.performers = list(performers)
        rows.append(cue)
    track.cues = rows
    return publish(soundtrack, track)
