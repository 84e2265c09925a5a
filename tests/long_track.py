"""A copy of a demo track with many cues, for the admin scale benchmark and tests of the cue editor.

DJANGO_SETTINGS_MODULE=… python manage.py shell -c "from tests.long_track import make; make(300)"
"""

from __future__ import annotations

from listening.people.models import PersonPage
from listening.tracks.models import Cue, TrackPage

LAYERS = ["music", "music", "film", "story"]


def make(count: int, *, source_slug: str = "generique", slug: str | None = None) -> TrackPage:
    """A published track beside the demo's `source_slug`, with its audio and `count` cues spread over it.

    Each cue has a title, a paragraph of commentary, a layer, players and the source's scenes, as an
    editor's would; times never clash (music cues run to the next one, film and story cues are short).
    """
    source = TrackPage.objects.get(slug=source_slug)
    slug = slug or f"{source_slug}-{count}-cues"
    TrackPage.objects.filter(slug=slug).delete()
    parent = source.get_parent()
    track = TrackPage(
        title=f"{source.title} ({count} cues)",
        slug=slug,
        number=90 + count % 10,
        audio=source.audio,
        listed_length_ms=source.listed_length_ms,
    )
    parent.add_child(instance=track)
    people = list(PersonPage.objects.filter(kind="musician").order_by("title")[:5])
    scenes = [cue.scene for cue in source.cues.all() if cue.scene_id]
    duration = source.duration_ms or 160_000
    step = duration / (count + 1)
    for index in range(count):
        start = int(index * step)
        layer = LAYERS[index % len(LAYERS)]
        cue = Cue(
            track=track,
            slug=f"moment-{index + 1}",
            start_ms=start,
            end_ms=None if layer == "music" else start + int(step * 0.8),
            title=f"Moment {index + 1}: the trumpet answers the bass",
            commentary=(
                f"<p>At this point (number {index + 1}) the <b>trumpet</b> leaves a phrase unfinished and the "
                "bass answers it; listen for the brushes underneath, and for the way the piano stays out.</p>"
            ),
            layer=layer,
            scene=scenes[index % len(scenes)] if scenes else None,
            sources="Sessionography\nLiner notes",
            sort_order=index,
        )
        cue.performers.set(people[index % 3 : index % 3 + 3])  # a ParentalManyToManyField: kept on save
        cue.save()
    track.save_revision().publish()
    return track
