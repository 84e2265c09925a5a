from django.contrib import messages
from django.templatetags.static import static
from django.urls import include, path
from django.utils.html import format_html
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from listening.core.timecode import format_time

from . import admin_views
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
]


@hooks.register("register_admin_urls")
def register_track_admin_urls():
    return [path("tracks/", include((track_admin_urls, "tracks_admin")))]


@hooks.register("insert_global_admin_css")
def cue_admin_css():
    # The import page is not a panel, so it cannot bring the stylesheet as panel media.
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin/stamp.css"))


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
