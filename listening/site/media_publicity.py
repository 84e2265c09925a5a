"""Keep each audio object's ACL in object storage in step with who may hear it.

With object storage, the page of a track readers may see points at its audio's address at the storage
(or CDN), which answers only while the object is readable by anyone; audio of drafts and restricted
tracks must not be. Whenever what readers may see changes (a track saved or published with another
audio, a page published, unpublished, moved or deleted, a view restriction set or lifted), the audio
of the tracks concerned is asked again (`media_access.is_public`) once the change is committed.
With media in a local folder nothing here does anything: the app serves every file itself.
"""

from __future__ import annotations

import logging
import time

from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from listening.tracks.models import AudioFile, TrackPage

from .media_access import is_public

logger = logging.getLogger(__name__)


def _uses_object_storage() -> bool:
    return hasattr(default_storage, "set_public")


def sync_audio(audio_ids) -> None:
    """Once the current transaction commits, make each audio object public or private as it now should be."""
    ids = {pk for pk in audio_ids if pk}
    if ids and _uses_object_storage():
        transaction.on_commit(lambda: _apply(ids))


# A busy storage may drop a request; an audio left readable after its track is hidden is a leak,
# so each change is tried a few times before it is logged.
ATTEMPTS = 3


def _apply(ids) -> None:
    for name in AudioFile.objects.filter(pk__in=ids).exclude(file="").values_list("file", flat=True):
        for attempt in range(1, ATTEMPTS + 1):
            try:
                default_storage.set_public(name, is_public(name))
                break
            except Exception:  # the storage's own errors; the next change of the track asks again
                if attempt == ATTEMPTS:
                    logger.exception("Could not set who may read %s in object storage.", name)
                else:
                    time.sleep(0.2 * attempt)


def sync_subtree(page) -> None:
    if _uses_object_storage():
        tracks = TrackPage.objects.descendant_of(page, inclusive=True)
        sync_audio(tracks.exclude(audio=None).values_list("audio_id", flat=True))


def _remember_previous_audio(sender, instance, **kwargs):
    if instance.pk and _uses_object_storage():
        before = TrackPage.objects.filter(pk=instance.pk).values_list("audio_id", flat=True)
        instance._audio_before_save = before.first()


def _track_saved(sender, instance, **kwargs):
    sync_audio({instance.audio_id, getattr(instance, "_audio_before_save", None)})


def _track_deleted(sender, instance, **kwargs):
    sync_audio({instance.audio_id})


def _page_changed(sender, instance, **kwargs):
    sync_subtree(instance)


def _page_moved(sender, instance, **kwargs):
    sync_subtree(instance)


def _restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        sync_subtree(page)


def _audio_saved(sender, instance, **kwargs):
    sync_audio({instance.pk})


def connect() -> None:
    pre_save.connect(_remember_previous_audio, sender=TrackPage, dispatch_uid="media_publicity_pre_track")
    post_save.connect(_track_saved, sender=TrackPage, dispatch_uid="media_publicity_track")
    post_delete.connect(_track_deleted, sender=TrackPage, dispatch_uid="media_publicity_track_deleted")
    page_published.connect(_page_changed, dispatch_uid="media_publicity_published")
    page_unpublished.connect(_page_changed, dispatch_uid="media_publicity_unpublished")
    post_page_move.connect(_page_moved, dispatch_uid="media_publicity_moved")
    post_save.connect(_restriction_changed, sender=PageViewRestriction, dispatch_uid="media_publicity_restriction")
    post_delete.connect(_restriction_changed, sender=PageViewRestriction, dispatch_uid="media_publicity_unrestricted")
    post_save.connect(_audio_saved, sender=AudioFile, dispatch_uid="media_publicity_audio")
