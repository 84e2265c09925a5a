"""What importing a cue file does to a track: planned first (for the preview), then saved as a draft.

A cue of the file updates a cue of the track it matches: by slug first, then by start time and layer
(within NEAR_MS, the nearest; a file that names no layer, such as Audacity labels or podcast chapters,
matches any layer), then by the slug its title makes. So a file re-timed or re-titled elsewhere, or
written by a tool that keeps no slugs, updates the cues it came from rather than adding near
duplicates of them. A matched cue keeps its slug (its permalink) and takes the file's values for
what the file says, keeping the rest (WebVTT says nothing of scenes); other cues of the file are
added. "Merge" keeps the track's cues that the file does not list; "replace" removes them. The whole
result must obey the same rules as a save in the editor; one problem anywhere and nothing changes.
Warnings (a column skipped, a voice that names nobody) are shown with the preview and change nothing.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import PurePath

from listening.core.rich_text import clean_rich_text, plain_text_lines, without_block_keys
from listening.core.timecode import format_time
from listening.people.models import PersonPage
from listening.scenes.models import ScenePage

from .cue_formats import READERS, CueRecord, FileProblem, ReadResult, decode
from .cue_rules import check_cues, slug_for
from .models import Cue
from .timeline import cue_spans

# File name ending → format; the names editors see, for the upload form and its messages.
FORMATS = {".vtt": "vtt", ".csv": "csv", ".tsv": "csv", ".txt": "audacity", ".json": "chapters"}
FORMAT_NAMES = {
    "vtt": "WebVTT (.vtt)",
    "csv": "CSV (.csv)",
    "audacity": "Audacity labels (.txt)",
    "chapters": "podcast chapters (.json)",
}
# How far apart a file's cue and a track's cue of one layer may start and still be the same cue.
NEAR_MS = 1000
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
    warnings: list[FileProblem] = field(default_factory=list)

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
        names = list(FORMAT_NAMES.values())
        message = f"Choose a {', '.join(names[:-1])} or {names[-1]} file."
        return None, ReadResult(problems=[FileProblem(0, message)])
    text, problem = decode(data)
    if problem:
        return kind, ReadResult(problems=[problem])
    return kind, READERS[kind](text)


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


def _words(rich_text: str | None) -> str:
    return " ".join(" ".join(plain_text_lines(rich_text or "")).split())


def folded(name: str) -> str:
    """A name as matching compares it: without case, accents or extra spaces ("Barney Wilen" = "barney  wilén")."""
    decomposed = unicodedata.normalize("NFKD", name)
    return " ".join("".join(char for char in decomposed if not unicodedata.combining(char)).casefold().split())


class _Names:
    """People and scenes looked up by the names a file gives them, whatever their case and accents."""

    def __init__(self, track):
        self.people = self._index(PersonPage.objects.all())
        parent = track.get_parent() if track.pk else None
        scenes = ScenePage.objects.descendant_of(parent) if parent else ScenePage.objects.all()
        self.scenes = self._index(scenes)

    @staticmethod
    def _index(pages):
        index: dict[str, list] = {}
        for page in pages.specific():
            index.setdefault(folded(page.title), []).append(page)
        return index

    def find(self, index, name, what, line, problems, column=""):
        found = index.get(folded(name), [])
        if len(found) == 1:
            return found[0]
        where = column or what
        if not found:
            problems.append(FileProblem(line, f"no {what} is named “{name[:80]}”.", where))
        else:
            problems.append(FileProblem(line, f"{len(found)} pages are named “{name[:80]}”; rename one.", where))
        return None

    def performer(self, name, line, problems, column=""):
        """A musician by name: performers are musicians (Cue.performers offers no one else)."""
        person = self.find(self.people, name, "person", line, problems, column)
        if person is not None and person.kind != PersonPage.Kind.MUSICIAN:
            message = f"{person.title} is not a musician; a cue's performers are musicians."
            problems.append(FileProblem(line, message, column or "performers"))
            return None
        return person


def _match(records: list[CueRecord], existing: list) -> dict[int, object]:
    """Which of the track's cues each record (by index) updates: by slug, then start and layer, then title."""
    free = {cue.slug: cue for cue in existing}
    matches: dict[int, object] = {}
    for index, record in enumerate(records):
        if record.slug and record.slug in free:
            matches[index] = free.pop(record.slug)
    for index, record in enumerate(records):
        if index in matches:
            continue
        near = [
            cue
            for cue in free.values()
            if abs(cue.start_ms - record.start_ms) <= NEAR_MS and record.layer in (None, cue.layer)
        ]
        if near:
            best = min(
                near,
                key=lambda cue: (
                    abs(cue.start_ms - record.start_ms),
                    folded(cue.title) != folded(record.title),
                    cue.layer != Cue.Layer.MUSIC,
                ),
            )
            matches[index] = free.pop(best.slug)
    for index, record in enumerate(records):
        if index not in matches and not record.slug:
            made = slug_for("", record.title)
            if made in free:
                matches[index] = free.pop(made)
    return matches


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
    names = _Names(page)
    matches = _match(read.records, existing)
    plan.warnings += read.warnings
    taken = {cue.slug for cue in existing} | {record.slug for record in read.records if record.slug}
    matched: set[str] = set()
    rows: list[tuple[object, CueRecord | None, dict | None]] = []  # cue, its record, its values before
    for index, record in enumerate(read.records):
        cue = matches.get(index)
        before = _snapshot(cue) if cue is not None else None
        if cue is None:
            slug = record.slug or slug_for("", record.title, taken=taken)  # a new cue named by its title
            taken.add(slug)
            cue = Cue(slug=slug, layer=record.layer or Cue.Layer.MUSIC)
            cue.performers = []
        elif record.slug and record.slug != cue.slug:
            plan.warnings.append(
                FileProblem(
                    record.line,
                    f"taken as the cue “{cue.slug}” at {format_time(cue.start_ms)}, which starts there; "
                    f"it keeps its slug, so its links keep working.",
                    record.columns.get("slug", ""),
                )
            )
        matched.add(cue.slug)
        _apply_record(cue, record, names, plan.problems, plan.warnings)
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
        column = record.columns.get(problem.field or "", "") if record else ""
        plan.problems.append(FileProblem(record.line if record else 0, who + problem.message, column))
    plan.problems.sort(key=lambda problem: problem.line)
    plan.warnings.sort(key=lambda problem: problem.line)
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


def _apply_record(cue, record: CueRecord, names: _Names, problems: list, warnings: list) -> None:
    cue.start_ms, cue.end_ms, cue.title = record.start_ms, record.end_ms, record.title
    if record.commentary is not None:
        if record.commentary_is_plain:  # plain text: the same words keep the cue's formatting
            changed = _words(record.commentary) != _words(cue.commentary)
        else:
            changed = _comparable(record.commentary) != _comparable(cue.commentary)
        if changed:
            cue.commentary = record.commentary  # the same text keeps its stored form (and block keys)
    if record.layer is not None:
        cue.layer = record.layer
    if record.sources is not None:
        cue.sources = record.sources
    columns = record.columns
    if record.scene is not None:
        scene = (
            names.find(names.scenes, record.scene, "scene", record.line, problems, columns.get("scene", ""))
            if record.scene
            else None
        )
        cue.scene = scene
    if record.performers is not None:
        column = columns.get("performers", "")
        people = [names.performer(name, record.line, problems, column) for name in record.performers]
        cue.performers = [person for person in people if person is not None]
    if record.voices:
        # Voices in other tools' files also name speakers who play nothing: those are warnings, and
        # a cue none of whose voices is a musician keeps its performers.
        found = []
        for name in record.voices:
            person = names.performer(name, record.line, [], "voice")
            if person is None:
                message = f"“{name[:80]}” is not the name of a musician in the guide; not taken as a performer."
                warnings.append(FileProblem(record.line, message, "voice"))
            elif person not in found:
                found.append(person)
        if found:
            cue.performers = found


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
