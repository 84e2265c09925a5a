"""The forms of a track's editor: the page form that checks its cue rows together, and the rows themselves."""

from __future__ import annotations

import copy
import json
import re

from anyascii import anyascii
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Count, Q, QuerySet
from django.forms import Field, HiddenInput, ModelChoiceField, ModelMultipleChoiceField
from django.forms.formsets import DELETION_FIELD_NAME, ORDERING_FIELD_NAME
from django.forms.models import model_to_dict
from django.forms.utils import ErrorDict
from django.utils.functional import cached_property
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


# A cue row's own fields, as the cue editor reads and posts them (panels.py, cue-editor.js).
ROW_FIELDS = (
    "id",
    "start_ms",
    "end_ms",
    "layer",
    "title",
    "slug",
    "commentary",
    "scene",
    "still",
    "sources",
    "performers",
)
# The fields a closed cue row may post packed in one JSON input, `cues-<n>-packed` (see panels.py).
PACKED_FIELDS = frozenset(ROW_FIELDS) | {ORDERING_FIELD_NAME, DELETION_FIELD_NAME}
KEPT_SUFFIX = "-kept"  # `cues-<n>-kept`: a row the editor never opened, posted as its cue's key alone


def cue_key(cue) -> str | None:
    """What a row the editor never opened posts to name its cue: its id, or for a cue only in a draft, its slug."""
    if cue.pk:
        return str(cue.pk)
    return f"new:{cue.slug}" if cue.slug else None


def cue_values(fields, cue) -> dict:
    """{field name: value} of a cue as an unbound row form would show it, read without making the form."""
    names = [name for name in ROW_FIELDS if name in fields or name == "id"]
    initial = model_to_dict(cue, fields=names)
    return {
        name: fields[name].prepare_value(initial.get(name)) if name in fields else initial.get(name) for name in names
    }


def post_values(fields, values, *, deleted=False) -> dict:
    """What a row's fields would post, as the real widgets write them, as one JSON-able object."""
    posted = {}
    for name, value in values.items():
        if name == "performers":
            posted[name] = [str(getattr(person, "pk", person)) for person in value or []]
            continue
        if name in ("scene", "still", "id", "layer"):
            shown = getattr(value, "pk", value) if value not in (None, "") else ""
        elif name == "commentary":
            shown = json.loads(fields[name].widget.format_value(value))  # Draftail's contentstate, as an object
        else:
            shown = fields[name].widget.format_value(value) if name in fields else value
        posted[name] = "" if shown is None else shown
    posted[DELETION_FIELD_NAME] = "on" if deleted else ""
    return posted


def _spread(data, row: str, values: dict) -> None:
    """Write a row's values into posted `data` as if each had its own input; one posted on its own wins."""
    for name, value in values.items():
        full = f"{row}-{name}"
        if name not in PACKED_FIELDS or full in data:
            continue
        if isinstance(value, list):
            shown = [str(item) for item in value]
        elif isinstance(value, dict):
            shown = [json.dumps(value)]
        else:
            shown = ["" if value is None else str(value)]
        if hasattr(data, "setlist"):
            data.setlist(full, shown)
        else:
            data[full] = shown if isinstance(value, list) else shown[0]


def unpack_cue_rows(data, prefix="cues"):
    """The posted data with each closed cue's packed fields spread out, as if each had its own input.

    A field posted on its own (an opened row, a script's ORDER) wins over its packed copy; a packed
    field outside PACKED_FIELDS, or a packed value that is not JSON, is ignored.
    """
    if data is None:
        return None
    keys = [key for key in data if key.startswith(f"{prefix}-") and key.endswith("-packed")]
    if not keys:
        return data
    data = data.copy()
    for key in keys:
        try:
            values = json.loads(data[key])
        except (TypeError, ValueError):
            continue
        if isinstance(values, dict):
            _spread(data, key.removesuffix("-packed"), values)
    return data


def fill_kept_rows(data, prefix, cues, fields) -> tuple:
    """The posted data with each row the editor never opened (`<row>-kept`) given its cue's values.

    The editor's page names such a row by its cue's key alone (cue_key); its values are the cue's
    in the version being saved over, which is the page's latest revision: what the editor saw,
    unless someone saved meanwhile, and then theirs, as the editor left that cue alone. (The page
    form still refuses, once, a save over someone else's changes.) A key naming no cue (deleted
    meanwhile) is a row deleted. Fields posted for the row on their own (DELETE, ORDER) win.

    Returns the data and {row index: cue} of the rows kept whole: a cue that is in the database and
    had no field of its own posted, which the rows need not check again (CueForm.full_clean).
    """
    keys = [key for key in data if key.startswith(f"{prefix}-") and key.endswith(KEPT_SUFFIX)]
    if not keys:
        return data, {}
    by_key = {key: cue for cue in cues if (key := cue_key(cue))}
    posted = {}  # {row: the names of its fields posted on their own}
    for name in data:
        row, _, field_name = name.rpartition("-")
        posted.setdefault(row, set()).add(field_name)
    data = data.copy()
    whole = {}
    for key in keys:
        row = key.removesuffix(KEPT_SUFFIX)
        cue = by_key.get(str(data.get(key)))
        if cue is None:
            values = {"id": "", DELETION_FIELD_NAME: "on"}  # a row of nothing, dropped on saving
        else:
            values = post_values(fields, cue_values(fields, cue))
            index = row.removeprefix(f"{prefix}-")
            if cue.pk and index.isdigit() and posted[row] <= {"kept", ORDERING_FIELD_NAME, DELETION_FIELD_NAME}:
                whole[int(index)] = cue
        _spread(data, row, values)
    return data, whole


class TrackPageForm(WagtailAdminPageForm):
    """Checks the cue rows together, beside the fields concerned; nothing is saved while one fails.

    The rules themselves live in cue_rules.py, shared with the importers.
    """

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(unpack_cue_rows(data), *args, **kwargs)
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
            if data.get("commentary") and data["commentary"] != form.initial.get("commentary"):
                # Draftail already keeps to the allowed formats; this also covers posts it did not write.
                # (A commentary posted back as it was stored was cleaned when it was saved.)
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
        self._check_saved_meanwhile()
        return cleaned

    def _check_saved_meanwhile(self):
        """Refuse, once, a save over cues someone else changed since this editor opened the page.

        Wagtail's lock keeps a second editor out while it is held; without one, two editors can have
        the page open. The second save then names the cues the other changed, added or removed, and
        saves nothing; the page comes back as this editor left it, now based on the other's version,
        so saving again is a choice made knowing what it replaces.
        """
        page = self.instance
        base_id = self.data.get("overwrite_revision_id") or self.data.get("loaded_revision_id")
        latest = page.get_latest_revision() if page.pk else None
        if not base_id or latest is None or str(latest.pk) == str(base_id):
            return
        base = page.revisions.filter(pk=base_id).first()
        if base is None:
            return
        # Revisions since, by someone else: this editor's own autosaves are no conflict.
        later = page.revisions.filter(created_at__gt=base.created_at).select_related("user")
        me = getattr(self, "for_user", None)
        others = [revision for revision in later if me is None or revision.user_id != me.pk]
        if not others:
            return
        changes = cues_changed_between(base.content.get("cues") or [], latest.content.get("cues") or [])
        if not changes:
            return
        names = sorted(
            {revision.user.get_full_name() or revision.user.get_username() for revision in others if revision.user}
        )
        who = " and ".join(names) if names else "Someone"
        shown = "; ".join(changes[:12]) + (f"; and {len(changes) - 12} more" if len(changes) > 12 else "")
        self.add_error(
            None,
            f"{who} saved this track while you were editing it and changed these cues: {shown}. Nothing was "
            "saved. Open the page again to see their version, or save again to replace it with yours.",
        )

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
        # As Wagtail's own slug field makes it from the title in the browser.
        base = slugify(title, allow_unicode=getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True))[:200].strip("-")
        base = base or slugify(anyascii(title)) or "track"
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


# What a cue is, for telling whether another editor changed it (the fields an editor sets).
CUE_CONTENT = ("start_ms", "end_ms", "title", "layer", "commentary", "scene", "still", "performers", "sources")


def cues_changed_between(before: list, after: list) -> list[str]:
    """Which cues differ between two revisions' cue lists, as “Title” (changed / added / removed)."""

    def key(cue):
        return cue.get("slug") or f"#{cue.get('pk')}"

    def content(cue):
        values = {name: cue.get(name) for name in CUE_CONTENT}
        values["performers"] = sorted(values["performers"] or [])
        # The rich-text editor writes block keys into paragraphs on any save: not a change of the text.
        values["commentary"] = re.sub(r' data-block-key="[^"]*"', "", values["commentary"] or "")
        return tuple(values.values())

    old = {key(cue): cue for cue in before}
    new = {key(cue): cue for cue in after}
    changes = []
    for slug, cue in new.items():
        if slug not in old:
            changes.append(f"“{cue.get('title')}” (added)")
        elif content(cue) != content(old[slug]):
            changes.append(f"“{cue.get('title')}” (changed)")
    changes.extend(f"“{cue.get('title')}” (removed)" for slug, cue in old.items() if slug not in new)
    return changes


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

    Its fields come from CueFormSet.row_fields: people and scenes offered from the track's own
    soundtrack first, and a scene, still or performer checked against rows loaded once for all cues.
    """

    def __init__(self, *args, row_fields=None, kept_cue=None, **kwargs):
        if row_fields is not None:
            self.base_fields = row_fields  # this request's fields, made once by CueFormSet.row_fields
        self.kept_cue = kept_cue
        super().__init__(*args, **kwargs)

    def full_clean(self):
        """A row the editor never opened holds its cue as it is (forms.fill_kept_rows): its values were
        checked when they were saved, so only what the script posts for it (ORDER, DELETE) is read.
        The page form's rules across rows (slugs, overlaps, the track's end) still see its values."""
        if self.kept_cue is None or not self.is_bound:
            return super().full_clean()
        self._errors = ErrorDict()
        self.cleaned_data = {name: value for name, value in self.initial.items() if name in self.fields}
        self.cleaned_data["id"] = self.kept_cue
        for name in (ORDERING_FIELD_NAME, DELETION_FIELD_NAME):
            if name not in self.fields:
                continue
            try:
                self.cleaned_data[name] = self.fields[name].clean(self[name].data)
            except ValidationError as error:
                self.add_error(name, error)

    def defer_required_fields(self):
        # Nothing of a kept row is cleaned to defer; and its fields are shared with the other kept rows.
        if self.kept_cue is None:
            super().defer_required_fields()

    def restore_required_fields(self):
        if self.kept_cue is None:
            super().restore_required_fields()

    def has_changed(self):
        if self.kept_cue is not None and self.is_bound:
            return False  # its cue stays as it is; a new position is set on the cue by the formset
        return super().has_changed()

    def _get_validation_exclusions(self):
        # The scene and still were found among the rows loaded for all cues (CueFormSet.known); the
        # model's own check would ask the database again, once per cue.
        exclude = super()._get_validation_exclusions()
        if self.is_bound:
            exclude.update({"scene", "still"})
        return exclude


class CueFormSet(BaseChildFormSet):
    """Cue rows; TrackPageForm checks slugs across rows and says which cue already has one.

    modelcluster's own check would only say "Please correct the duplicate data" and drop the slug
    before ours could name the other cue; the database constraint still stands behind both.

    Django would check each row's scene, still and performers with queries of their own (900 for
    300 cues, and the people with a join each); the rows posted are loaded once here instead.
    """

    soundtrack = None  # set by TrackPageForm before the rows are made
    scenes_index = None
    CHOSEN = ("scene", "still", "performers")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A page without a draft is edited from the database, not a revision: fetch every row's
        # players at once rather than one query per row (300 for 300 cues).
        if isinstance(self.queryset, QuerySet):
            self.queryset = self.queryset.prefetch_related("performers")
        self.kept_cues = {}  # {row index: cue} of the rows posted as a cue's key alone (fill_kept_rows)
        if self.is_bound:
            # Before any row is made: rows the editor never opened are posted as their cue's key alone.
            self.data, self.kept_cues = fill_kept_rows(
                self.data, self.prefix, self.get_queryset(), self.form.base_fields
            )

    def validate_unique(self):
        pass

    def add_fields(self, form, index):
        super().add_fields(form, index)
        # The cue editor keeps these as hidden inputs (its script numbers and deletes rows).
        if DELETION_FIELD_NAME in form.fields:
            form.fields[DELETION_FIELD_NAME].widget = HiddenInput()
        if ORDERING_FIELD_NAME in form.fields:
            form.fields[ORDERING_FIELD_NAME].widget = HiddenInput()
        # The row's own id, which Django would look up in the database once per row.
        pk_name = self.model._meta.pk.name
        if self.is_bound and pk_name in form.fields:
            if not hasattr(self, "_known_ids"):
                ids = self._posted_ids(pk_name)
                self._known_ids = self.model._default_manager.in_bulk(ids) if ids else {}
            _check_against(form.fields[pk_name], self._known_ids)

    def get_form_kwargs(self, index):
        cue = self.kept_cues.get(index)
        if cue is not None:
            return {**super().get_form_kwargs(index), "row_fields": self.kept_row_fields, "kept_cue": cue}
        return {**super().get_form_kwargs(index), "row_fields": self.row_fields}

    @cached_property
    def kept_row_fields(self):
        """The fields of the rows kept whole, one set shared by all of them: such a row is not cleaned
        field by field (CueForm.full_clean), so copying every field for each would be work for nothing."""
        return _SharedFields(copy.deepcopy(self.row_fields))

    @cached_property
    def template_row(self):
        """The empty row new cues are copied from, made once (Django's empty_form is made at each use)."""
        return self.empty_form

    @property
    def media(self):
        # Every row has the same fields: Django would make all the rows' forms to ask the first.
        return self.template_row.media

    def is_multipart(self):
        return self.template_row.is_multipart()

    @cached_property
    def row_fields(self):
        """The rows' fields for this request, set up once and shared by every row.

        Django copies a form's fields into each form, cloning every choice field's queryset, and the
        rows' own set-up (the people's order, the scene chooser, the checks against rows loaded
        once) would be repeated in each: most of the cost of a formset of 300 cues. Here it is done
        once; each row still gets its own copy of the fields, but they share these querysets, made
        afresh for each request so no row sees another request's results.
        """
        fields = copy.deepcopy(self.form.base_fields)
        for name, form_field in fields.items():
            limit = getattr(form_field, "get_limit_choices_to", lambda: None)()
            if limit and hasattr(form_field, "queryset"):
                form_field.queryset = form_field.queryset.complex_filter(limit)
                form_field.limit_choices_to = None
            if name in GONE_MESSAGES:
                form_field.error_messages["invalid_choice"] = GONE_MESSAGES[name]
        performers = fields.get("performers")
        if performers is not None and self.soundtrack is not None:
            performers.queryset = _own_people_first(performers.queryset, self.soundtrack)
        if self.scenes_index is not None and "scene" in fields:
            fields["scene"].widget = SceneChooser(opens_at=self.scenes_index)
        if self.is_bound:
            for name, rows in self._known(fields).items():
                _check_against(fields[name], rows)
        for form_field in fields.values():
            if isinstance(form_field, ModelChoiceField):
                form_field.__class__ = _shared_queryset_class(type(form_field))
        return fields

    def _known(self, fields):
        """{field name: {pk: row}} of every scene, still and performer posted for any cue row."""
        known = {}
        for name in self.CHOSEN:
            field = fields.get(name)
            if field is None:
                continue
            ids = self._posted_ids(name)
            queryset = field.queryset.model._default_manager.all() if name != "performers" else field.queryset
            known[name] = queryset.in_bulk(ids) if ids else {}
        return known

    def _posted_ids(self, name) -> list[int]:
        ids = set()
        for index in range(self.total_form_count()):
            key = f"{self.prefix}-{index}-{name}"
            values = self.data.getlist(key) if hasattr(self.data, "getlist") else self.data.get(key)
            ids.update(int(value) for value in _as_list(values) if str(value or "").isdigit())
        return sorted(ids)


def _as_list(value):
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


class _KnownChoice:
    """A choice field that looks a posted id up among rows loaded beforehand, not in the database."""

    known: dict = {}

    def _lookup(self, value):
        try:
            return self.known[int(str(value))]
        except (KeyError, ValueError, TypeError):
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
            ) from None

    def to_python(self, value):
        return None if value in self.empty_values else self._lookup(value)


class _KnownChoices(_KnownChoice):
    """The same for a multiple choice (ModelMultipleChoiceField checks its values in _check_values)."""

    def to_python(self, value):
        return ModelMultipleChoiceField.to_python(self, value)

    def _check_values(self, value):
        rows = []
        for item in value:
            row = self._lookup(item)
            if row not in rows:
                rows.append(row)
        return rows


_CHECKED_CLASSES: dict = {}


def _check_against(field, rows):
    kind = type(field)
    if kind not in _CHECKED_CLASSES:
        mixin = _KnownChoices if issubclass(kind, ModelMultipleChoiceField) else _KnownChoice
        _CHECKED_CLASSES[kind] = type(f"Known{kind.__name__}", (mixin, kind), {})
    field.__class__ = _CHECKED_CLASSES[kind]
    field.known = rows


class _SharedFields(dict):
    """Fields a form takes as they are: Django's deep copy of a form's fields, here a plain dict of the same fields."""

    def __deepcopy__(self, memo):
        return dict(self)


_SHARED_CLASSES: dict = {}


def _shared_queryset_class(kind):
    """`kind`, copied into each form without cloning its queryset (see CueFormSet.row_fields)."""
    if kind not in _SHARED_CLASSES:

        def __deepcopy__(self, memo):
            # Field's copy, not ModelChoiceField's: that one would clone the queryset for each row.
            result = Field.__deepcopy__(self, memo)
            result.widget.choices = result.choices
            return result

        _SHARED_CLASSES[kind] = type(f"Shared{kind.__name__}", (kind,), {"__deepcopy__": __deepcopy__})
    return _SHARED_CLASSES[kind]


def _own_people_first(people, soundtrack):
    """People credited on the soundtrack's tracks first, then everyone else, each by name."""
    credited_here = Count("track_credits", filter=Q(track_credits__track__path__startswith=soundtrack.path))
    return people.annotate(credited_here=credited_here).order_by("-credited_here", "title")
