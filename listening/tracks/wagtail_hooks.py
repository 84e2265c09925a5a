from django.templatetags.static import static
from django.urls import include, path
from django.utils.html import format_html
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views
from .models import AudioFile


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
