"""The track editor's cue editor: one compact line per cue, one cue open at a time, a stamping player.

The cues stay Wagtail's inline formset of the page form, so every save is a page revision (drafts,
preview, moderation, history and locking work as for any page). What changes is how the rows are
drawn: a closed cue is a line naming its cue, so a 300-cue track does not render 300 rich-text
editors, choosers and checkbox lists, nor carry 300 cues' values nobody opens. Opening a cue copies
the formset's empty-form template into its row, filled with its values, fetched from the server
(cue_editor_views.cue_row_values; static/js/admin/cue-editor.js); only then are its Draftail editor
and choosers made. A row never opened posts its cue's key alone, and the page form fills in the
cue's values (forms.fill_kept_rows). After a failed save, closed rows carry their posted values
packed in one hidden input each, and a cue with errors comes back drawn in full, beside its messages.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from django import forms
from django.forms.formsets import DELETION_FIELD_NAME, ORDERING_FIELD_NAME
from django.urls import reverse
from django.utils.safestring import mark_safe
from wagtail.admin.panels import InlinePanel
from wagtail.admin.panels.base import get_form_for_model
from wagtail.images import get_image_model

from listening.core.timecode import TimeFormatError, format_time, parse_time
from listening.people.models import PersonPage
from listening.scenes.models import ScenePage

from .cue_rules import GAP, OVERLAP, PAST_THE_END
from .forms import ROW_FIELDS, CueForm, CueFormSet, cue_key, cue_values, post_values
from .layers import CueLayer

# (milliseconds, button text, what it does in words for screen readers)
NUDGES = [
    (-1000, "−1", "1 second earlier"),
    (-100, "−.1", "0.1 second earlier"),
    (100, "+.1", "0.1 second later"),
    (1000, "+1", "1 second later"),
]

# The editor's keyboard shortcuts, as shown on screen; cue-editor.js keeps the same keys in its map.
# None fires while the focus is in a field; Esc leaves a field for its cue's line.
SHORTCUTS = [
    ("A", "add a cue here"),
    ("S", "set start to now"),
    ("E", "set end to now"),
    ("← →", "nudge 0.1 s"),
    ("Shift ← →", "nudge 1 s"),
    ("P", "play from the open cue"),
    ("K", "play or pause"),
    ("J / U", "next / previous cue"),
    ("C", "the sounding cue"),
    ("Esc", "leave a field"),
]

CLASH_KINDS = {OVERLAP: "Overlap", GAP: "Gap", PAST_THE_END: "Past the end"}


@dataclass
class CueLine:
    """A cue as the list shows it closed: its summary, and what its fields post."""

    index: int
    prefix: str
    start_ms: int | None
    end_ms: int | None
    time: str
    layer: str
    layer_label: str
    title: str
    players: str
    scene: str
    still: str = ""
    kept: str = ""  # on opening: the cue's key (forms.cue_key); the row's values are fetched when it is opened
    packed: dict = field(default_factory=dict)  # after a post: what its fields post, by name (forms.unpack_cue_rows)
    packed_attribute: str = ""  # `packed` as JSON, escaped for an attribute in single quotes
    child: object = None  # the row drawn in full, when its form has errors
    errors: list = field(default_factory=list)
    deleted: bool = False


def _pk(value):
    return getattr(value, "pk", value)


def _ms(value):
    if value in (None, ""):
        return None
    if isinstance(value, int):
        return value
    try:
        return parse_time(str(value))
    except TimeFormatError:
        return None


class CueEditorPanel(InlinePanel):
    """The cues, edited as a compact list with a stamping player and a timeline above it."""

    def __init__(self, relation_name="cues", *args, **kwargs):
        kwargs.setdefault("classname", "cue-editor-panel")
        super().__init__(relation_name, *args, **kwargs)

    def get_form_options(self):
        options = super().get_form_options()
        formset = options["formsets"][self.relation_name]
        base_form = formset.get("form")
        defer = getattr(getattr(base_form, "_meta", None), "defer_required_on_fields", None)
        kwargs = {"defer_required_on_fields": defer} if defer else {}
        form_class = get_form_for_model(self.db_field.related_model, form_class=CueForm, **kwargs)
        formset["form"] = form_class
        formset["formset"] = CueFormSet
        # The warnings the editor accepted on the timeline, saved with the page (and its revisions).
        options["fields"] = ["accepted_clashes"]
        options["widgets"] = {"accepted_clashes": forms.HiddenInput}
        return options

    class BoundPanel(InlinePanel.BoundPanel):
        template_name = "tracks/admin/cue_editor.html"

        def __init__(self, **kwargs):
            # InlinePanel's own __init__ would bind a full panel to every row; only rows with errors get one.
            super(InlinePanel.BoundPanel, self).__init__(**kwargs)
            self.label = self.panel.label
            if self.form is None:
                return
            self.formset = self.form.formsets[self.panel.relation_name]
            self.child_edit_handler = self.panel.child_edit_handler
            self.children = []
            # The rows' forms are not made here: on opening, the lines are read from the cues
            # themselves (see cue_rows), and CueFormSet hides each row's DELETE and ORDER inputs.
            empty_form = self.formset.template_row
            self.empty_child = self.child_edit_handler.get_bound_panel(
                instance=empty_form.instance,
                request=self.request,
                form=empty_form,
                prefix=f"{self.prefix}-__prefix__",
            )

        def cue_rows(self):
            """(prefix, form or None, {field: value as its widget holds it}, cue key or "") for each row.

            A page being opened is not bound to a post: its rows are read straight from the cues,
            without making 300 forms nobody sees, and a closed row is a line naming its cue (its
            values are fetched when it is opened: cue_editor_views.cue_row_values). After a post,
            the rows are the bound forms, errors and all, each closed one with its values packed.
            """
            formset = self.formset
            if formset.is_bound or formset.total_form_count() != formset.initial_form_count():
                for subform in formset.forms:
                    row = {name: subform[name].value() for name in ROW_FIELDS if name in subform.fields}
                    row.setdefault("performers", [])
                    yield subform.prefix, subform, row, ""
                return
            fields = formset.row_fields
            for index, cue in enumerate(formset.get_queryset()):
                yield formset.add_prefix(index), None, cue_values(fields, cue), cue_key(cue) or ""

        def cue_lines(self) -> list[CueLine]:
            people_ids, scene_ids, still_ids = set(), set(), set()
            rows = list(self.cue_rows())
            for _prefix, _subform, row, _key in rows:
                row["performers"] = [_pk(p) for p in (row.get("performers") or [])]
                people_ids.update(str(p) for p in row["performers"])
                if row.get("scene"):
                    scene_ids.add(str(_pk(row["scene"])))
                if row.get("still"):
                    still_ids.add(str(_pk(row["still"])))
            people = {
                str(pk): title
                for pk, title in PersonPage.objects.filter(pk__in=[p for p in people_ids if p.isdigit()]).values_list(
                    "pk", "title"
                )
            }
            scenes = {
                str(pk): title
                for pk, title in ScenePage.objects.filter(pk__in=[s for s in scene_ids if s.isdigit()]).values_list(
                    "pk", "title"
                )
            }
            stills = {
                str(pk): title
                for pk, title in get_image_model()
                .objects.filter(pk__in=[s for s in still_ids if s.isdigit()])
                .values_list("pk", "title")
            }
            layers = dict(CueLayer.choices)
            lines = []
            for index, (prefix, subform, row, key) in enumerate(rows):
                start, end = _ms(row.get("start_ms")), _ms(row.get("end_ms"))
                bound = subform is not None and subform.is_bound
                deleted = bound and subform[DELETION_FIELD_NAME].value() not in (None, "", False, "False")
                line = CueLine(
                    index=index,
                    prefix=prefix,
                    start_ms=start,
                    end_ms=end,
                    time=(format_time(start) if start is not None else "–:––")
                    + ("–" + format_time(end) if end is not None else ""),
                    layer=row.get("layer") or "",
                    layer_label=layers.get(row.get("layer"), row.get("layer") or ""),
                    title=row.get("title") or "",
                    players=", ".join(people.get(str(p), "") for p in row["performers"] if str(p) in people),
                    scene=scenes.get(str(_pk(row.get("scene"))), "") if row.get("scene") else "",
                    still=stills.get(str(_pk(row.get("still"))), "") if row.get("still") else "",
                    kept=key,
                    deleted=deleted,
                )
                if bound and subform.errors:
                    line.child = self.child_edit_handler.get_bound_panel(
                        instance=subform.instance, request=self.request, form=subform, prefix=f"{self.prefix}-{index}"
                    )
                    line.errors = [message for messages in subform.errors.values() for message in messages]
                elif not key:
                    line.packed = post_values(self.formset.row_fields, row, deleted=deleted)
                lines.append(line)
            lines.sort(key=lambda line: (line.start_ms is None, line.start_ms or 0, line.index))
            # Rows are numbered in time order; the script numbers them again before each save.
            for position, line in enumerate(lines, start=1):
                if line.packed:
                    line.packed[ORDERING_FIELD_NAME] = position
                    packed_json = json.dumps(line.packed, separators=(",", ":"), ensure_ascii=False)
                    # For an attribute in single quotes: & and ' escaped, the JSON's many " left as they are.
                    escaped = packed_json.replace("&", "&amp;").replace("'", "&#39;")
                    line.packed_attribute = mark_safe(escaped)  # noqa: S308 (escaped for its quotes just above)
            return lines

        def get_context_data(self, parent_context=None):
            context = super(InlinePanel.BoundPanel, self).get_context_data(parent_context)
            page = self.instance
            audio = getattr(page, "audio", None)
            lines = self.cue_lines()
            accepted = self.form["accepted_clashes"]
            context.update(
                management_form=self.formset.management_form,
                non_form_errors=self.formset.non_form_errors(),
                formset_prefix=self.formset.prefix,
                lines=lines,
                shown_count=sum(1 for line in lines if not line.deleted),
                empty_child=self.empty_child,
                layers=CueLayer.choices,
                shortcuts=SHORTCUTS,
                nudges=NUDGES,
                clash_kinds=CLASH_KINDS,
                time_tools=[("start_ms", "start", "S"), ("end_ms", "end", "E")],
                accepted_field=accepted,
                audio=audio,
                audio_url=audio.file.url if audio and audio.file else "",
                duration_ms=page.duration_ms if page is not None else None,
                audio_source_url=reverse("tracks_admin:audio_source", args=[0]),
                clashes_url=reverse("tracks_admin:cue_clashes"),
                values_url=reverse("tracks_admin:cue_row_values", args=[page.pk]) if page and page.pk else "",
                page_id=page.pk if page and page.pk else None,
                people_json=dict(PersonPage.objects.filter(kind="musician").values_list("pk", "title")),
            )
            if page and page.pk:
                context.update(
                    import_url=reverse("tracks_admin:import_cues", args=[page.pk]),
                    export_vtt_url=reverse("tracks_admin:export_cues_vtt", args=[page.pk]),
                    export_csv_url=reverse("tracks_admin:export_cues_csv", args=[page.pk]),
                )
            return context
