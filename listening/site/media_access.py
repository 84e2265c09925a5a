"""Who may have which uploaded file: the media view asks here before it serves anything.

Nothing Wagtail would refuse through its own views is handed out by the media URL:
- audio is public while a track that readers may see plays it; otherwise only those who may see
  one of its tracks (past its view restriction, or as an editor previewing it) and the editorial
  team, privately;
- image renditions (what pages show) are public; original image files are for the editorial team;
- documents are served by Wagtail's document view, which applies collection privacy, never here;
- anything else in the media folder is not served.
"""

from __future__ import annotations

from django.db.models import Q
from django.http import HttpRequest

from listening.core.media_serving import MediaAccess
from listening.tracks.models import AudioFile, TrackPage

# Permissions that make someone part of the editorial team for each kind of file.
TEAM_PERMISSIONS = {
    "audio": ("tracks.view_audiofile", "tracks.add_audiofile", "tracks.change_audiofile"),
    "original_images": ("wagtailimages.choose_image", "wagtailimages.add_image", "wagtailimages.change_image"),
}


def media_access(request: HttpRequest, path: str) -> MediaAccess:
    folder = path.split("/", 1)[0]
    if folder == "images":
        return MediaAccess.PUBLIC
    if folder == "audio":
        return _audio_access(request, path)
    if folder == "original_images" and _on_the_team(request, folder):
        return MediaAccess.PRIVATE
    return MediaAccess.DENIED


def is_public(path: str) -> bool:
    """Whether anyone at all may have the media file at `path` (object storage makes it readable by anyone)."""
    folder = path.split("/", 1)[0]
    if folder == "images":
        return True
    return folder == "audio" and _audio_is_public(path)


def _audio_is_public(path: str) -> bool:
    return TrackPage.objects.filter(audio__file=path).for_readers().exists()


def _on_the_team(request: HttpRequest, folder: str) -> bool:
    user = request.user
    return user.is_authenticated and any(user.has_perm(permission) for permission in TEAM_PERMISSIONS[folder])


def _audio_access(request: HttpRequest, path: str) -> MediaAccess:
    # An audio file, or the waveform peaks kept beside it: the same readers may have both.
    audio = AudioFile.objects.filter(Q(file=path) | Q(peaks=path)).first()
    if audio is None:
        return MediaAccess.DENIED
    tracks = TrackPage.objects.filter(audio=audio)
    if _audio_is_public(path):
        return MediaAccess.PUBLIC
    if _on_the_team(request, "audio") or any(_may_see(request, track) for track in tracks):
        return MediaAccess.PRIVATE
    return MediaAccess.DENIED


def _may_see(request: HttpRequest, track: TrackPage) -> bool:
    """Whether this request may see the track: past its view restrictions when live, or as its editor."""
    if request.user.is_authenticated and track.permissions_for_user(request.user).can_edit():
        return True
    return track.live and all(restriction.accept_request(request) for restriction in track.get_view_restrictions())
