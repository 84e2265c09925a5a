"""Posting admin forms as a browser would: read the fields a page renders, change some, send them back."""

from __future__ import annotations

import json
from html.parser import HTMLParser

from django.urls import reverse
from wagtail.test.utils.form_data import rich_text


class _FormReader(HTMLParser):
    """The name/value pairs a browser would submit for the form with the given id."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.depth = 0
        self.values: list[tuple[str, str]] = []
        self.select: str | None = None
        self.select_value: str | None = None
        self.select_first: str | None = None
        self.option: dict | None = None
        self.textarea: str | None = None
        self.text: list[str] = []
        self.template_depth = 0
        self.cue_rows: list[str] = []  # the cue editor's rows, in the order shown

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.inside = True
            return
        if not self.inside:
            return
        if tag == "template":
            self.template_depth += 1  # empty-form templates are not submitted
        if self.template_depth:
            return
        name = attrs.get("name")
        if "data-cue-row" in attrs and attrs.get("data-prefix"):
            self.cue_rows.append(attrs["data-prefix"])
        if "data-kept" in attrs and attrs.get("data-prefix"):
            # A cue row never opened: the editor's script posts its cue's key alone (cue-editor.js).
            self.values.append((f"{attrs['data-prefix']}-kept", attrs["data-kept"]))
        if tag == "input" and name and "disabled" not in attrs:
            kind = (attrs.get("type") or "text").lower()
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.values.append((name, attrs.get("value") or "on"))
            elif kind not in ("submit", "button", "file", "image", "reset"):
                self.values.append((name, attrs.get("value") or ""))
        elif tag == "select" and name:
            self.select, self.select_value, self.select_first = name, None, None
            self.multiple = "multiple" in attrs
        elif tag == "option" and self.select:
            value = attrs.get("value", "")
            if self.select_first is None:
                self.select_first = value
            if "selected" in attrs:
                if self.multiple:
                    self.values.append((self.select, value))
                else:
                    self.select_value = value
        elif tag == "textarea" and name:
            self.textarea, self.text = name, []

    def handle_endtag(self, tag):
        if not self.inside:
            return
        if tag == "template" and self.template_depth:
            self.template_depth -= 1
            return
        if self.template_depth:
            return
        if tag == "form":
            self.inside = False
        elif tag == "select" and self.select:
            if not self.multiple:
                value = self.select_value if self.select_value is not None else self.select_first
                if value is not None:
                    self.values.append((self.select, value))
            self.select = None
        elif tag == "textarea" and self.textarea:
            self.values.append((self.textarea, "".join(self.text).removeprefix("\n")))
            self.textarea = None

    def handle_data(self, data):
        if self.textarea and not self.template_depth:
            self.text.append(data)


def form_values(html: str, form_id: str = "page-edit-form") -> dict:
    """The form's fields as a dict, as the browser would post them; fields that repeat hold lists.

    A cue row never opened posts `cues-<n>-kept` (its cue's key) alone; after a failed save the
    cue editor posts each closed cue's fields packed in one input (`cues-<n>-packed`), spread out here.
    """
    reader = _FormReader(form_id)
    reader.feed(html)
    data: dict = {}
    for name, value in reader.values:
        if name in data:
            data[name] = [*data[name], value] if isinstance(data[name], list) else [data[name], value]
        else:
            data[name] = value
    # The cue editor's script numbers the rows in the order shown (time order) as the form is sent.
    for position, prefix in enumerate(reader.cue_rows, start=1):
        data[f"{prefix}-ORDER"] = str(position)
    for packed in [name for name in data if name.startswith("cues-") and name.endswith("-packed")]:
        row = packed.removesuffix("-packed")
        for field, value in json.loads(data.pop(packed)).items():
            if isinstance(value, dict):
                value = json.dumps(value)
            data.setdefault(f"{row}-{field}", [str(v) for v in value] if isinstance(value, list) else str(value))
    return data


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def edit_data(client, page, *, opened=True) -> dict:
    """The edit form's data; with `opened`, every cue's fields in full, as if the editor had opened each
    (their values fetched as the cue editor fetches them), so that a test can change one field of a cue."""
    response = client.get(edit_url(page))
    assert response.status_code == 200, response.status_code
    data = form_values(response.content.decode())
    kept = [name for name in data if name.startswith("cues-") and name.endswith("-kept")]
    if opened and kept:
        answer = client.get(reverse("tracks_admin:cue_row_values", args=[page.pk]))
        assert answer.status_code == 200, answer.status_code
        values = answer.json()["cues"]
        for name in kept:
            row = name.removesuffix("-kept")
            for field, value in values[data.pop(name)].items():
                if isinstance(value, dict):
                    value = json.dumps(value)
                data.setdefault(f"{row}-{field}", [str(v) for v in value] if isinstance(value, list) else str(value))
    return data


def cue_count(data) -> int:
    return int(data["cues-TOTAL_FORMS"])


def add_cue(data, *, start="", end="", title="New cue", layer="music", slug="", commentary="") -> int:
    """Append a cue row as the admin's "Add cue" would; returns its index."""
    index = cue_count(data)
    data["cues-TOTAL_FORMS"] = str(index + 1)
    prefix = f"cues-{index}-"
    data.update(
        {
            prefix + "start_ms": start,
            prefix + "end_ms": end,
            prefix + "layer": layer,
            prefix + "title": title,
            prefix + "slug": slug,
            prefix + "commentary": rich_text(commentary) if commentary else rich_text(""),
            prefix + "scene": "",
            prefix + "still": "",
            prefix + "sources": "",
            prefix + "ORDER": str(index + 1),
            prefix + "DELETE": "",
            prefix + "id": "",
        }
    )
    return index


def cue_index(data, slug) -> int:
    for index in range(cue_count(data)):
        if data.get(f"cues-{index}-slug") == slug:
            return index
    raise KeyError(slug)
