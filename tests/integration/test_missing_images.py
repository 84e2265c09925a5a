"""A page whose picture cannot be made still renders, without that picture, and the log says which.

An image's original file can go missing (a media folder restored from an old backup), become
unreadable, or be damaged; and the folder renditions go to can refuse new files. Every page that
shows a picture (track stage and cue stills, portraits, scene stills, covers, home cards) is read
with each of these.
"""

import io
import logging
import os

import pytest
from django.core.files.images import ImageFile
from django.test import override_settings
from PIL import Image as PILImage
from wagtail.images import get_image_model

from listening.scenes.models import SceneStill
from tests.factories import (
    CueFactory,
    PersonPageFactory,
    ScenePageFactory,
    ScenesIndexPageFactory,
    SoundtrackPageFactory,
    TrackCreditFactory,
    TrackPageFactory,
    home_page,
    people_index,
)

pytestmark = pytest.mark.django_db


def png_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), (30, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


def stored_image(name):
    return get_image_model().objects.create(title=name, file=ImageFile(io.BytesIO(png_bytes()), name=f"{name}.png"))


def lose_the_file(image):
    image.file.storage.delete(image.file.name)


def make_it_unreadable(image):
    # A folder where the file was: open() fails whoever runs the tests (chmod does not stop root).
    path = image.file.path
    image.file.storage.delete(image.file.name)
    os.mkdir(path)


def damage_it(image):
    with open(image.file.path, "wb") as handle:
        handle.write(b"\x89PNG\r\n\x1a\n" + b"half a picture" * 20)


BREAKAGES = {"missing": lose_the_file, "unreadable": make_it_unreadable, "damaged": damage_it}


def build_guide(prefix):
    """A soundtrack with a picture in every place a page shows one; each image named `<prefix>-…`."""
    images = {place: stored_image(f"{prefix}-{place}") for place in ("cover", "portrait", "scene-still", "cue-still")}
    soundtrack = SoundtrackPageFactory(parent=home_page(), cover=images["cover"])
    person = PersonPageFactory(parent=people_index(), portrait=images["portrait"])
    scene = ScenePageFactory(parent=ScenesIndexPageFactory(parent=soundtrack, slug=f"scenes-{prefix}"))
    SceneStill.objects.create(scene=scene, image=images["scene-still"], sort_order=0, caption="The lift")
    track = TrackPageFactory(parent=soundtrack)
    TrackCreditFactory(track=track, person=person)
    CueFactory(track=track, slug="own-still", start_ms=0, still=images["cue-still"], performers=[person])
    CueFactory(track=track, slug="scene-still", start_ms=30_000, scene=scene)
    pages = {
        "home": home_page().url,
        "soundtrack": soundtrack.url,
        "track": track.url,
        "track at the scene's cue": track.url + "?t=40",
        "cue permalink": track.cue_url(track.cues.get(slug="own-still")),
        "person": person.url,
        "people": people_index().url,
        "scenes": scene.get_parent().url,
        "scene": scene.url,
    }
    return images, pages


def assert_pages_render_without_the_pictures(client, pages, prefix):
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, (name, response.status_code)
        html = response.content.decode()
        assert f"/images/{prefix}-" not in html, f"{name}: a rendition of a broken image is on the page"
        assert "not-found" not in html, f"{name}: a broken <img> is on the page"


@pytest.mark.parametrize("breakage", list(BREAKAGES))
def test_pages_render_without_a_picture_whose_original_is_broken(client, caplog, breakage):
    prefix = f"broken-{breakage}"
    images, pages = build_guide(prefix)
    for image in images.values():
        BREAKAGES[breakage](image)
    with caplog.at_level(logging.WARNING, logger="listening.core.renditions"):
        assert_pages_render_without_the_pictures(client, pages, prefix)
    logged = " ".join(record.getMessage() for record in caplog.records)
    for image in images.values():
        assert image.file.name in logged, f"nothing logged about {image.file.name}"


def test_pages_render_without_pictures_when_renditions_cannot_be_written(client, tmp_path):
    media = tmp_path / "media"
    with override_settings(MEDIA_ROOT=media):
        images, pages = build_guide("unwritable")
        (media / "images").write_text("a file where the renditions folder should be")
        assert_pages_render_without_the_pictures(client, pages, "unwritable")


def test_a_good_picture_still_shows(client):
    images, pages = build_guide("intact")
    html = client.get(pages["track"]).content.decode()
    assert 'data-cue="own-still"' in html and "/images/intact-cue-still." in html
    assert "/images/intact-scene-still." in html  # the second cue's, from its scene
    assert "/images/intact-portrait." in html
    assert "/images/intact-cover." in client.get(pages["soundtrack"]).content.decode()
