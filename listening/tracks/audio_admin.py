"""The admin's audio list and audio chooser: format, duration, size and file name beside each title,
so two recordings with one title (two takes, two masterings) can be told apart."""

from __future__ import annotations

from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenView,
)
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail.snippets.widgets import AdminSnippetChooser

from .models import AudioFile


def audio_columns():
    """The columns both lists show after the title, each sortable by what it shows."""
    return [
        Column("format_name", label="Format", sort_key="format_name"),
        Column("duration_display", label="Duration", sort_key="duration_ms"),
        Column("size_display", label="Size", sort_key="size"),
        Column("file_name", label="File", sort_key="file"),
        DateColumn("uploaded_at", label="Uploaded", sort_key="uploaded_at"),
    ]


class AudioColumnsMixin:
    @property
    def columns(self):
        return [*super().columns, *audio_columns()]


class AudioChooseView(AudioColumnsMixin, ChooseView):
    pass


class AudioChooseResultsView(AudioColumnsMixin, ChooseResultsView):
    pass


class AudioChosenView(SnippetChosenView):
    def get_display_title(self, instance):
        return instance.chooser_label


class AudioChooserWidget(AdminSnippetChooser):
    """The chosen audio, on a track's edit page, named with its format, length, size and file."""

    def get_display_title(self, instance):
        return instance.chooser_label


class AudioChooserViewSet(SnippetChooserViewSet):
    choose_view_class = AudioChooseView
    choose_results_view_class = AudioChooseResultsView
    chosen_view_class = AudioChosenView
    base_widget_class = AudioChooserWidget


class AudioFileViewSet(SnippetViewSet):
    model = AudioFile
    icon = "media"
    menu_label = "Audio"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["title", *audio_columns()]
    search_fields = ["title"]
    chooser_viewset_class = AudioChooserViewSet
