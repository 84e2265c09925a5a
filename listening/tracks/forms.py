"""The forms of a track's editor: the page form that checks its cue rows together, and the rows themselves."""

from __future__ import annotations

from django.db.models import Count, Q
from modelcluster.forms import BaseChildFormSet
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm

from listening.core.languages import language_name
from listening.core.rich_text import clean_rich_text

from .cue_rules import check_cues, slug_for
from .timeline import track_length_ms

GONE_MESSAGES = {
    "scene": "The scene chosen here no longer exists (it may have been deleted); choose another or clear it.",
    "still": "The still chosen here no longer exists (it may have been deleted); choose another or clear it.",
}


class TrackPageForm(WagtailAdminPageForm):
    """Checks the cue rows together, beside the fields concerned; nothing is saved while one fails.

    The rules themselves live in cue_rules.py, shared with the importers.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        soundtrack = self._soundtrack()
        language = language_name(getattr(soundtrack, "original_language", ""))
        if "title" in self.fields:
            self.fields["title"].label = f"Title ({language})" if language else "Title"
            if language:
                self.fields["title"].help_text = f"As the soundtrack has it, in {language}."
        cues = self.formsets.get("cues")
        if cues is not None:
            for form in [*cues.forms, cues.empty_form]:
                for name, message in GONE_MESSAGES.items():
                    if name in form.fields:
                        form.fields[name].error_messages["invalid_choice"] = message
                performers = form.fields.get("performers")
                if soundtrack is not None and performers is not None:
                    performers.queryset = _own_people_first(performers.queryset, soundtrack)

    def _soundtrack(self):
        """The soundtrack this track belongs to (or will, on its first save)."""
        parent = getattr(self, "parent_page", None)
        if parent is None and self.instance.pk:
            parent = self.instance.get_parent()
        return parent.specific if parent is not None else None

    def clean(self):
        cleaned = super().clean()
        cues = self.formsets.get("cues")
        if cues is None:
            return cleaned
        # ClusterForm validates formsets after this method; the rules need the rows' cleaned values now.
        cues.is_valid()
        rows = []
        for form in cues.forms:
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                continue
            data = form.cleaned_data
            if not data:
                continue  # an untouched extra row is not a cue
            slug = slug_for(data.get("slug"), data.get("title"))
            if slug:
                data["slug"] = slug
                form.instance.slug = slug
            if data.get("commentary"):
                # Draftail already keeps to the allowed formats; this also covers posts it did not write.
                data["commentary"] = clean_rich_text(data["commentary"])
                form.instance.commentary = data["commentary"]
            rows.append(form)
        # Number the rows as the editor shows them: by their order, not by when they were added.
        rows.sort(key=lambda form: (form.cleaned_data.get("ORDER") is None, form.cleaned_data.get("ORDER") or 0))
        duration = track_length_ms(cleaned.get("audio"), cleaned.get("listed_length_ms"))
        problems = check_cues([_CueRowValues(form) for form in rows], duration)
        for problem in problems:
            form = rows[problem.index]
            field = problem.field if problem.field in form.fields else None
            if field is None or not form.has_error(field):
                form.add_error(field, problem.message)
        return cleaned


class _CueRowValues:
    """A cue row's cleaned values under the names the rules read; a row with field errors gives None."""

    def __init__(self, form):
        data = form.cleaned_data
        self.start_ms = data.get("start_ms") if not form.has_error("start_ms") else None
        self.end_ms = data.get("end_ms") if not form.has_error("end_ms") else None
        self.layer = data.get("layer")
        self.slug = data.get("slug")
        self.title = data.get("title")


class CueForm(WagtailAdminModelForm):
    """One cue row. An empty slug is filled in from the title here, before rows are compared."""

    def clean(self):
        cleaned = super().clean()
        if "slug" in self.fields and not cleaned.get("slug") and cleaned.get("title"):
            cleaned["slug"] = slug_for("", cleaned["title"])
        return cleaned


class CueFormSet(BaseChildFormSet):
    """Cue rows; TrackPageForm checks slugs across rows and says which cue already has one.

    modelcluster's own check would only say "Please correct the duplicate data" and drop the slug
    before ours could name the other cue; the database constraint still stands behind both.
    """

    def validate_unique(self):
        pass


def _own_people_first(people, soundtrack):
    """People credited on the soundtrack's tracks first, then everyone else, each by name."""
    credited_here = Count("track_credits", filter=Q(track_credits__track__path__startswith=soundtrack.path))
    return people.annotate(credited_here=credited_here).order_by("-credited_here", "title")
