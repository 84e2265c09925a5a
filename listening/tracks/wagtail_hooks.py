from django.contrib import messages
from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet

from . import admin_views, cue_editor_views
from .audio_admin import AudioFileViewSet
from .cue_file_responses import CUE_FILE_FORMATS
from .models import AudioFile, TrackPage, shown_list

register_snippet(AudioFileViewSet)

track_admin_urls = [
    path("<int:page_id>/cues/import/", admin_views.import_cues, name="import_cues"),
    *(
        path(
            f"<int:page_id>/cues/export.{spec.extension}",
            admin_views.export_cues,
            {"kind": kind},
            name=f"export_cues_{kind}",
        )
        for kind, spec in CUE_FILE_FORMATS.items()
    ),
    path("audio/<int:pk>/", admin_views.audio_source, name="audio_source"),
    path("cues/clashes/", cue_editor_views.cue_clashes, name="cue_clashes"),
    path("<int:page_id>/cues/values/", cue_editor_views.cue_row_values, name="cue_row_values"),
]


@hooks.register("register_admin_urls")
def register_track_admin_urls():
    return [path("tracks/", include((track_admin_urls, "tracks_admin")))]


@hooks.register("insert_editor_js")
def audio_length_warning_js():
    # Names the cues a newly chosen audio ends before, as soon as it is chosen (static/js/admin/audio-length.js).
    return format_html(
        '<script type="module" src="{}" data-audio-source-url="{}"></script>',
        static("js/admin/audio-length.js"),
        reverse("tracks_admin:audio_source", args=[0]),
    )


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


@hooks.register("after_edit_snippet")
def warn_of_cues_past_the_end(request, instance):
    """After a shorter file was put in anyway (the form asked first): which cues to retime."""
    if not isinstance(instance, AudioFile) or not instance.duration_ms:
        return
    past = instance.cues_past_its_end()
    if past:
        messages.warning(
            request,
            f"“{instance.title}” is {instance.duration_display} long, shorter than these cues: {shown_list(past)}. "
            "Retime them; the track cannot be saved until they fit.",
        )


@hooks.register("before_edit_page")
def warn_of_cues_past_the_audio(request, page):
    """On opening a track whose audio ends before some of its cues: name them, before anyone publishes."""
    if request.method != "GET" or not isinstance(page, TrackPage):
        return
    warning = admin_views.past_the_end_warning(page)
    if warning:
        messages.warning(request, warning)


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
