from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

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
