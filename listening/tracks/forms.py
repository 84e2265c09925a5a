from django.utils.text import slugify
from wagtail.admin.forms import WagtailAdminPageForm


class TrackPageForm(WagtailAdminPageForm):
    """Checks the cue rows together: slugs are unique within the track and filled in from titles."""

    def clean(self):
        cleaned = super().clean()
        cues = self.formsets.get("cues")
        if cues is None:
            return cleaned
        seen: dict[str, int] = {}
        for number, form in enumerate(cues.forms, start=1):
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                continue
            slug = form.cleaned_data.get("slug") or slugify(form.cleaned_data.get("title") or "")[:80]
            if not slug:
                continue
            form.cleaned_data["slug"] = slug
            form.instance.slug = slug
            if slug in seen:
                form.add_error("slug", f"Cue {seen[slug]} already uses the slug “{slug}”; a slug names one cue.")
            else:
                seen[slug] = number
        return cleaned
