"""The forms of a track's editor: the page form that checks its cue rows together, and the rows themselves."""

from __future__ import annotations

from anyascii import anyascii
from django.db.models import Count, Q
from django.utils.text import slugify
from modelcluster.forms import BaseChildFormSet
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.admin.widgets import AdminPageChooser

from listening.core.languages import language_name
from listening.core.rich_text import clean_rich_text
from listening.scenes.models import ScenePage, ScenesIndexPage

from .cue_rules import OVERLAP, check_cues, find_clashes, slug_for
from .timeline import track_length_ms

GONE_MESSAGES = {
    "scene": "The scene chosen here no longer exists (it may have been deleted); choose another or clear it.",
    "still": "The still chosen here no longer exists (it may have been deleted); choose another or clear it.",
}


class SceneChooser(AdminPageChooser):
    """A scene chooser that opens on the track's own soundtrack's scenes, unless a scene is chosen already."""

    def __init__(self, *, opens_at, **kwargs):
        super().__init__(target_models=[ScenePage], **kwargs)
        self.opens_at = opens_at

    def get_js_init_options(self, id_, name, value_data):
        options = super().get_js_init_options(id_, name, value_data)
        options.setdefault("parentId", self.opens_at.pk)
        return options


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
        if "slug" in self.fields:
            # Filled in from the title as the editor types; and here too, should the script not run.
            self.fields["slug"].required = False
        if "number" in self.fields:
            # A new track may be saved with its title alone: it takes the next number on the record.
            self.fields["number"].required = False
            self.fields["number"].help_text = "Position on the record; the next free one when left empty."
        cues = self.formsets.get("cues")
        if cues is not None:
            # Before any row is made: each row (and the empty one new rows are copied from) reads these.
            cues.soundtrack = soundtrack
            cues.scenes_index = ScenesIndexPage.objects.child_of(soundtrack).first() if soundtrack else None

    def _soundtrack(self):
        """The soundtrack this track belongs to (or will, on its first save)."""
        parent = getattr(self, "parent_page", None)
        if parent is None and self.instance.pk:
            parent = self.instance.get_parent()
        return parent.specific if parent is not None else None

    def clean(self):
        cleaned = super().clean()
        if "number" in self.fields and cleaned.get("number") is None and not self.has_error("number"):
            cleaned["number"] = self._next_number()
        cues = self.formsets.get("cues")
        if cues is None:
            return cleaned
        # ClusterForm validates formsets after this method; the rules need the rows' cleaned values now.
        cues.is_valid()
        rows, typed_slugs = [], set()
        for form in cues.forms:
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                continue
            data = form.cleaned_data
            if not data:
                continue  # an untouched extra row is not a cue
            if data.get("slug"):
                typed_slugs.add(data["slug"])
            if data.get("commentary"):
                # Draftail already keeps to the allowed formats; this also covers posts it did not write.
                data["commentary"] = clean_rich_text(data["commentary"])
                form.instance.commentary = data["commentary"]
            rows.append(form)
        # Slugs made from titles steer clear of every typed one and of each other.
        taken = set(typed_slugs)
        for form in rows:
            data = form.cleaned_data
            if not data.get("slug"):
                data["slug"] = form.instance.slug = slug_for("", data.get("title"), taken=taken)
            taken.add(data["slug"])
        # Number the rows as the editor shows them: by their order, not by when they were added.
        rows.sort(key=lambda form: (form.cleaned_data.get("ORDER") is None, form.cleaned_data.get("ORDER") or 0))
        duration = track_length_ms(cleaned.get("audio"), cleaned.get("listed_length_ms"))
        problems = check_cues([_CueRowValues(form) for form in rows], duration)
        for problem in problems:
            form = rows[problem.index]
            field = problem.field if problem.field in form.fields else None
            if field is None or not form.has_error(field):
                form.add_error(field, problem.message)
        self._check_clashes(cleaned, rows, duration)
        return cleaned

    def _check_clashes(self, cleaned, rows, duration):
        """Same-layer overlaps are not kept silently: each needs accepting in the editor's clash list.

        Gaps and cues past the end are shown as warnings only (a cue past the end is already refused
        by check_cues). Accepted clashes that no longer exist are forgotten.
        """
        if "accepted_clashes" not in self.fields:
            return
        accepted = cleaned.get("accepted_clashes")
        accepted = {str(key) for key in accepted} if isinstance(accepted, list) else set()
        clashes = find_clashes([_CueRowValues(form) for form in rows], duration)
        for clash in clashes:
            if clash.kind == OVERLAP and clash.key not in accepted:
                form = rows[clash.indexes[-1]]
                if not form.has_error("start_ms"):
                    form.add_error(
                        "start_ms",
                        f"{clash.message} Change a time, or accept the overlap in the clashes above the cues.",
                    )
        cleaned["accepted_clashes"] = sorted(accepted & {clash.key for clash in clashes})

    def clean_slug(self):
        slug = self.cleaned_data.get("slug")
        title = self.cleaned_data.get("title")
        if slug or not title:
            return slug
        base = slugify(anyascii(title))[:200].strip("-") or "track"
        parent = self._soundtrack()
        siblings = parent.get_children().exclude(pk=self.instance.pk) if parent else None
        taken = set(siblings.values_list("slug", flat=True)) if siblings is not None else set()
        made, number = base, 2
        while made in taken:
            made, number = f"{base}-{number}", number + 1
        return made

    def _next_number(self) -> int:
        soundtrack = self._soundtrack()
        if soundtrack is None:
            return 1
        siblings = type(self.instance).objects.child_of(soundtrack).exclude(pk=self.instance.pk)
        highest = siblings.order_by("-number").values_list("number", flat=True).first()
        return (highest or 0) + 1


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
    """One cue row; an empty slug is made from its title by TrackPageForm, which sees every row.

    Its people and scenes are offered from the track's own soundtrack first.
    """

    def __init__(self, *args, soundtrack=None, scenes_index=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name, message in GONE_MESSAGES.items():
            if name in self.fields:
                self.fields[name].error_messages["invalid_choice"] = message
        performers = self.fields.get("performers")
        if soundtrack is not None and performers is not None:
            performers.queryset = _own_people_first(performers.queryset, soundtrack)
        if scenes_index is not None and "scene" in self.fields:
            self.fields["scene"].widget = SceneChooser(opens_at=scenes_index)


class CueFormSet(BaseChildFormSet):
    """Cue rows; TrackPageForm checks slugs across rows and says which cue already has one.

    modelcluster's own check would only say "Please correct the duplicate data" and drop the slug
    before ours could name the other cue; the database constraint still stands behind both.
    """

    soundtrack = None  # set by TrackPageForm before the rows are made
    scenes_index = None

    def validate_unique(self):
        pass

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "soundtrack": self.soundtrack, "scenes_index": self.scenes_index}


def _own_people_first(people, soundtrack):
    """People credited on the soundtrack's tracks first, then everyone else, each by name."""
    credited_here = Count("track_credits", filter=Q(track_credits__track__path__startswith=soundtrack.path))
    return people.annotate(credited_here=credited_here).order_by("-credited_here", "title")
