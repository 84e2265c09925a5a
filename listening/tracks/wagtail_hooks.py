from django.contrib import messages
from django.templatetags.static import static
from django.urls import include, path
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from listening.core.timecode import format_time

from . import admin_views, cue_editor_views
from .cue_rules import cues_past_the_end
from .models import AudioFile, TrackPage


class AudioFileViewSet(SnippetViewSet):
    model = AudioFile
    icon = "media"
    menu_label = "Audio"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["title", "format_name", "duration_display", "uploaded_at"]
    search_fields = ["title"]


register_snippet(AudioFileViewSet)

track_admin_urls = [
    path("<int:page_id>/cues/import/", admin_views.import_cues, name="import_cues"),
    path("<int:page_id>/cues/export.vtt", admin_views.export_cues, {"kind": "vtt"}, name="export_cues_vtt"),
    path("<int:page_id>/cues/export.csv", admin_views.export_cues, {"kind": "csv"}, name="export_cues_csv"),
    path("audio/<int:pk>/", admin_views.audio_source, name="audio_source"),
    path("cues/clashes/", cue_editor_views.cue_clashes, name="cue_clashes"),
]


@hooks.register("register_admin_urls")
def register_track_admin_urls():
    return [path("tracks/", include((track_admin_urls, "tracks_admin")))]


@hooks.register("insert_global_admin_css")
def cue_admin_css():
    # The import page is not a panel, so it cannot bring the stylesheet as panel media.
    return format_html(
        '<link rel="stylesheet" href="{}"><link rel="stylesheet" href="{}">',
        static("css/admin/stamp.css"),
        static("css/admin/cue-editor.css"),
    )


@hooks.register("insert_editor_js")
def first_error_script():
    # After a failed save: show the tab and field at fault, and name them (any page or snippet editor).
    return format_html('<script type="module" src="{}"></script>', static("js/admin/first-error.js"))


def describe_cues_past_the_end(audio) -> list[str]:
    """Cues of the tracks playing `audio` (published or in their latest draft) that its length no longer holds."""
    found = []
    for track in TrackPage.objects.filter(audio=audio).order_by("number"):
        versions = [list(track.cues.all())]
        if track.has_unpublished_changes:
            versions.append(list(track.get_latest_revision_as_object().cues.all()))
        seen = set()
        for cues in versions:
            for cue in cues_past_the_end(cues, audio.duration_ms):
                if cue.slug not in seen:
                    seen.add(cue.slug)
                    found.append(f"{track.title}: “{cue.title}” ({format_time(cue.start_ms)})")
    return found


@hooks.register("after_edit_snippet")
def warn_of_cues_past_the_end(request, instance):
    if not isinstance(instance, AudioFile) or not instance.duration_ms:
        return
    past = describe_cues_past_the_end(instance)
    if past:
        shown = "; ".join(past[:10]) + (f"; and {len(past) - 10} more" if len(past) > 10 else "")
        messages.warning(
            request,
            f"“{instance.title}” is {instance.duration_display} long, shorter than these cues: {shown}. "
            "Retime them; the track cannot be saved until they fit.",
        )


def tracks_missing_their_audio(user):
    """Tracks `user` may edit whose chosen audio file is gone from media storage, in tree order."""
    used = AudioFile.objects.filter(tracks__isnull=False).distinct()
    missing = [audio.pk for audio in used if not audio.file_is_stored]
    if not missing:
        return []
    tracks = TrackPage.objects.filter(audio__in=missing).select_related("audio").order_by("path")
    return [track for track in tracks if track.permissions_for_user(user).can_edit()]


class MissingAudioPanel(Component):
    """On the dashboard: the tracks whose recording is missing, each linked to its editor and its audio."""

    order = 20  # near the top: readers of these tracks see a notice instead of the player
    template_name = "tracks/admin/missing_audio_panel.html"

    def __init__(self, tracks, *, can_replace_audio: bool):
        self.tracks = tracks
        self.can_replace_audio = can_replace_audio

    def get_context_data(self, parent_context=None):
        return {"tracks": self.tracks, "can_replace_audio": self.can_replace_audio}


@hooks.register("construct_homepage_panels")
def list_tracks_missing_their_audio(request, panels):
    tracks = tracks_missing_their_audio(request.user)
    if tracks:
        can_replace_audio = request.user.has_perm("tracks.change_audiofile")
        panels.append(MissingAudioPanel(tracks, can_replace_audio=can_replace_audio))
