"""What importing a cue file does to a track: planned first (for the preview), then saved as a draft.

Cues are matched by slug. A matching cue takes the file's values for what the file says and keeps
the rest (WebVTT says nothing of scenes or performers); other cues of the file are added. "Merge"
keeps the track's cues that the file does not list; "replace" removes them. The whole result must
obey the same rules as a save in the editor; one problem anywhere and nothing changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath

from listening.core.rich_text import clean_rich_text, without_block_keys
from listening.core.timecode import format_time
from listening.people.models import PersonPage
from listening.scenes.models import ScenePage

from .cue_formats import CueRecord, FileProblem, ReadResult, decode, read_csv, read_webvtt
from .cue_rules import check_cues, slug_for
from .models import Cue
from .timeline import cue_spans

FORMATS = {".vtt": "vtt", ".csv": "csv"}
MODES = {"merge": "Add and update (keep cues the file does not list)", "replace": "Replace all the track's cues"}
FIELD_LABELS = {
    "start_ms": "start",
    "end_ms": "end",
    "title": "title",
    "commentary": "commentary",
    "layer": "layer",
    "scene": "scene",
    "performers": "performers",
    "sources": "sources",
}


@dataclass
class Change:
    kind: str  # "added", "changed", "removed" or "unchanged"
    cue: object
    line: int | None = None
    fields: list[str] = field(default_factory=list)

    @property
    def start_display(self):
        return format_time(self.cue.start_ms)

    @property
    def end_display(self):
        return format_time(self.cue.end_ms) if self.cue.end_ms is not None else ""


@dataclass
class ImportPlan:
    draft: object  # the track as its latest revision has it, with the file applied in memory
    cues: list = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        counts = {"added": 0, "changed": 0, "removed": 0, "unchanged": 0}
        for change in self.changes:
            counts[change.kind] += 1
        return counts

    @property
    def changes_anything(self) -> bool:
        return any(change.kind != "unchanged" for change in self.changes)


def format_of(filename: str) -> str | None:
    return FORMATS.get(PurePath(filename or "").suffix.lower())


def read_file(data: bytes, filename: str) -> tuple[str | None, ReadResult]:
    """The file's format and what it says; problems when it cannot be read."""
    kind = format_of(filename)
    if kind is None:
        return None, ReadResult(problems=[FileProblem(0, "Choose a WebVTT (.vtt) or CSV (.csv) file.")])
    text, problem = decode(data)
    if problem:
        return kind, ReadResult(problems=[problem])
    return kind, (read_webvtt(text) if kind == "vtt" else read_csv(text))


def _snapshot(cue) -> dict:
    return {
        "start_ms": cue.start_ms,
        "end_ms": cue.end_ms,
        "title": cue.title,
        "commentary": _comparable(cue.commentary),
        "layer": cue.layer,
        "scene": cue.scene_id,
        "performers": sorted(person.pk for person in cue.performers.all()),
        "sources": cue.sources or "",
    }


def _comparable(rich_text: str | None) -> str:
    """Rich text as Draftail would store it, without block keys: equal when an editor sees no difference."""
    return without_block_keys(clean_rich_text(rich_text or ""))


class _Names:
    """People and scenes looked up by the names a CSV gives them."""

    def __init__(self, track):
        self.people = self._index(PersonPage.objects.all())
        parent = track.get_parent() if track.pk else None
        scenes = ScenePage.objects.descendant_of(parent) if parent else ScenePage.objects.all()
        self.scenes = self._index(scenes)

    @staticmethod
    def _index(pages):
        index: dict[str, list] = {}
        for page in pages.specific():
            index.setdefault(page.title.strip().casefold(), []).append(page)
        return index

    def find(self, index, name, what, line, problems):
        found = index.get(name.strip().casefold(), [])
        if len(found) == 1:
            return found[0]
        if not found:
            problems.append(FileProblem(line, f"{what}: no {what} is named “{name[:80]}”."))
        else:
            problems.append(FileProblem(line, f"{what}: {len(found)} pages are named “{name[:80]}”; rename one."))
        return None


def plan_import(page, read: ReadResult, *, mode: str = "merge", kind: str = "csv") -> ImportPlan:
    """The cues the track would have after the import, what changes, and every problem found."""

    draft = page.get_latest_revision_as_object() if page.pk else page
    plan = ImportPlan(draft=draft, problems=list(read.problems))
    if plan.problems:
        return plan
    if not read.records:
        plan.problems.append(FileProblem(0, "The file holds no cues."))
        return plan

    existing = list(draft.cues.all())
    by_slug = {cue.slug: cue for cue in existing}
    names = _Names(page)
    matched: set[str] = set()
    rows: list[tuple[object, CueRecord | None, dict | None]] = []  # cue, its record, its values before
    for record in read.records:
        slug = slug_for(record.slug, record.title)
        cue = by_slug.get(slug) if slug not in matched else None
        before = _snapshot(cue) if cue is not None else None
        if cue is None:
            if not record.slug:  # a new cue named only by its title: a slug of its own
                slug = slug_for("", record.title, taken=matched | set(by_slug))
            cue = Cue(slug=slug, layer=record.layer or Cue.Layer.MUSIC)
            cue.performers = []
        matched.add(slug)
        _apply_record(cue, record, names, plan.problems)
        rows.append((cue, record, before))
    if kind == "vtt":
        _keep_open_ends(rows, draft.duration_ms)
    removed = []
    for cue in existing:
        if cue.slug not in matched:
            if mode == "replace":
                removed.append(cue)
            else:
                rows.append((cue, None, _snapshot(cue)))

    rows.sort(key=lambda row: row[0].start_ms or 0)  # stable: file order among equal starts
    cues = [cue for cue, _, _ in rows]

    def label(index):
        record = rows[index][1]
        return f"The cue on line {record.line}" if record else f"The cue “{rows[index][0].slug}”"

    for problem in check_cues(cues, draft.duration_ms, label=label):
        record = rows[problem.index][1]
        who = "" if record else f"the cue “{rows[problem.index][0].slug}”, which the file does not list: "
        plan.problems.append(FileProblem(record.line if record else 0, who + problem.message))
    plan.problems.sort(key=lambda problem: problem.line)
    if plan.problems:
        return plan

    plan.cues = cues
    for cue, record, before in rows:
        if before is None:
            plan.changes.append(Change("added", cue, record.line))
        else:
            after = _snapshot(cue)
            fields = [FIELD_LABELS[name] for name in after if after[name] != before[name]]
            plan.changes.append(Change("changed" if fields else "unchanged", cue, record and record.line, fields))
    plan.changes += [Change("removed", cue) for cue in removed]
    return plan


def _apply_record(cue, record: CueRecord, names: _Names, problems: list) -> None:
    cue.start_ms, cue.end_ms, cue.title = record.start_ms, record.end_ms, record.title
    if record.commentary is not None and _comparable(record.commentary) != _comparable(cue.commentary):
        cue.commentary = record.commentary  # the same text keeps its stored form (and block keys)
    if record.layer is not None:
        cue.layer = record.layer
    if record.sources is not None:
        cue.sources = record.sources
    if record.scene is not None:
        scene = names.find(names.scenes, record.scene, "scene", record.line, problems) if record.scene else None
        cue.scene = scene
    if record.performers is not None:
        people = [names.find(names.people, name, "person", record.line, problems) for name in record.performers]
        cue.performers = [person for person in people if person is not None]


def _keep_open_ends(rows, duration_ms) -> None:
    """WebVTT writes every end; a cue that ran to the next one keeps doing so if its end still says that."""
    candidates = [(cue, cue.end_ms) for cue, record, before in rows if before and before["end_ms"] is None]
    if not candidates:
        return
    for cue, _ in candidates:
        cue.end_ms = None
    spans = {id(span.cue): span.end_ms for span in cue_spans([cue for cue, _, _ in rows], duration_ms)}
    for cue, written_end in candidates:
        if spans[id(cue)] != written_end:
            cue.end_ms = written_end


def save_plan(plan: ImportPlan, user) -> object:
    """The plan as a new draft revision of the track; it is never published here."""
    draft = plan.draft
    for order, cue in enumerate(plan.cues):
        cue.sort_order = order
    draft.cues = plan.cues
    return draft.save_revision(user=user, log_action=True)
