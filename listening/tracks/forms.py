from wagtail.admin.forms import WagtailAdminPageForm

from .timeline import track_length_ms
from .validation import check_cues, clean_rich_text, slug_for

GONE_MESSAGES = {
    "scene": "The scene chosen here no longer exists (it may have been deleted); choose another or clear it.",
    "still": "The still chosen here no longer exists (it may have been deleted); choose another or clear it.",
}


class TrackPageForm(WagtailAdminPageForm):
    """Checks the cue rows together, beside the fields concerned; nothing is saved while one fails.

    The rules themselves live in validation.py, shared with the importers.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        cues = self.formsets.get("cues")
        if cues is not None:
            for form in [*cues.forms, cues.empty_form]:
                for name, message in GONE_MESSAGES.items():
                    if name in form.fields:
                        form.fields[name].error_messages["invalid_choice"] = message

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
        problems = check_cues([_RowView(form) for form in rows], duration)
        for problem in problems:
            form = rows[problem.index]
            field = problem.field if problem.field in form.fields else None
            if field is None or not form.has_error(field):
                form.add_error(field, problem.message)
        return cleaned


class _RowView:
    """A cue row's cleaned values under the names the rules read; a row with field errors gives None."""

    def __init__(self, form):
        data = form.cleaned_data
        self.start_ms = data.get("start_ms") if not form.has_error("start_ms") else None
        self.end_ms = data.get("end_ms") if not form.has_error("end_ms") else None
        self.layer = data.get("layer")
        self.slug = data.get("slug")
        self.title = data.get("title")
