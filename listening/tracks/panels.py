"""Admin panels of a track: the cue rows, and the player editors stamp them with."""

from __future__ import annotations

from django.utils.text import slugify
from modelcluster.forms import BaseChildFormSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import InlinePanel
from wagtail.admin.panels.base import get_form_for_model


class CueForm(WagtailAdminModelForm):
    """One cue row. An empty slug is filled in from the title here, before rows are compared."""

    def clean(self):
        cleaned = super().clean()
        if "slug" in self.fields and not cleaned.get("slug") and cleaned.get("title"):
            cleaned["slug"] = slugify(cleaned["title"])[:80]
        return cleaned


class CueFormSet(BaseChildFormSet):
    """Cue rows; TrackPageForm checks slugs across rows and says which cue already has one.

    modelcluster's own check would only say "Please correct the duplicate data" and drop the slug
    before ours could name the other cue; the database constraint still stands behind both.
    """

    def validate_unique(self):
        pass


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
