"""Admin panels of a track: the cue rows, and the player editors stamp them with."""

from __future__ import annotations

from django.urls import reverse
from wagtail.admin.panels import InlinePanel, Panel
from wagtail.admin.panels.base import get_form_for_model

from .forms import CueForm, CueFormSet


class CueInlinePanel(InlinePanel):
    """The cues InlinePanel with the forms above."""

    def get_form_options(self):
        options = super().get_form_options()
        formset = options["formsets"][self.relation_name]
        base_form = formset.get("form")
        defer = getattr(getattr(base_form, "_meta", None), "defer_required_on_fields", None)
        kwargs = {"defer_required_on_fields": defer} if defer else {}
        formset["form"] = get_form_for_model(self.db_field.related_model, form_class=CueForm, **kwargs)
        formset["formset"] = CueFormSet
        return options


CUE_HELP = (
    "Listen with the player above: each cue has Set start to now, Set end to now, nudges and Play from this cue. "
    "In a start or end field, ↑ and ↓ nudge by 0.1 s, with Shift by 1 s. Times are checked when you save."
)

# (milliseconds, button text, what it does in words for screen readers)
NUDGES = [
    (-1000, "−1", "1 second earlier"),
    (-100, "−.1", "0.1 second earlier"),
    (100, "+.1", "0.1 second later"),
    (1000, "+1", "1 second later"),
]


class StampPanel(Panel):
    """A player of the track's audio that stamps times into the cue rows (static/js/admin/stamp-panel.js).

    Rendered before the cues InlinePanel; the Stimulus controller adds per-row buttons to every cue
    row, including rows added later, and follows the audio chooser so it plays an audio just chosen.
    """

    def __init__(self, formset="cues", **kwargs):
        self.formset = formset
        kwargs.setdefault("heading", "Listen and stamp")
        kwargs.setdefault("icon", "media")
        kwargs.setdefault("classname", "stamp-panel")
        super().__init__(**kwargs)

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "formset": self.formset}

    class BoundPanel(Panel.BoundPanel):
        template_name = "tracks/admin/stamp_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            audio = getattr(page, "audio", None)
            context.update(
                formset=self.panel.formset,
                audio=audio,
                audio_url=audio.file.url if audio and audio.file else "",
                audio_source_url=reverse("tracks_admin:audio_source", args=[0]),
                page_id=page.pk if page and page.pk else None,
                time_fields=[("start_ms", "start"), ("end_ms", "end")],
                nudges=NUDGES,
            )
            if page and page.pk:
                context.update(
                    import_url=reverse("tracks_admin:import_cues", args=[page.pk]),
                    export_vtt_url=reverse("tracks_admin:export_cues_vtt", args=[page.pk]),
                    export_csv_url=reverse("tracks_admin:export_cues_csv", args=[page.pk]),
                )
            return context
