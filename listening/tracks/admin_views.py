"""Admin views for a track's cues: import (upload, preview, confirm), export, and the stamping player's audio."""

from __future__ import annotations

import base64
from types import SimpleNamespace

from django import forms
from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.models import Page

from listening.core.rich_text import plain_text
from listening.core.timecode import format_time

from .cue_file_responses import CUE_FILE_FORMATS, cue_file_response
from .cue_formats import MAX_FILE_BYTES
from .cue_import import MODES, plan_import, read_file, save_plan
from .cue_rules import cues_past_the_end
from .models import AudioFile, TrackPage, shown_list

SIGNING_SALT = "listening.tracks.cue-import"


class CueImportForm(forms.Form):
    cue_file = forms.FileField(
        label="Cue file",
        help_text="WebVTT (.vtt), CSV (.csv), Audacity labels (.txt) or podcast chapters (.json), in UTF-8. "
        "CSV columns: slug, start, end, title, layer, performers (names separated by ;), scene (its title), "
        "commentary (HTML), commentary_text (plain), sources; only start and title are required, cells may be "
        "separated by commas, semicolons or tabs, and times may have decimal commas (1:23,5).",
        widget=forms.ClearableFileInput(attrs={"accept": ".vtt,.csv,.tsv,.txt,.json,text/vtt,text/csv,text/plain"}),
    )
    mode = forms.ChoiceField(choices=list(MODES.items()), initial="merge", widget=forms.RadioSelect)

    def clean_cue_file(self):
        upload = self.cleaned_data["cue_file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(f"The file is over {MAX_FILE_BYTES // (1024 * 1024)} MB; split it into parts.")
        return upload


def _editable_track(request, page_id) -> TrackPage:
    page = get_object_or_404(Page, id=page_id).specific
    if not isinstance(page, TrackPage):
        raise Http404("Only tracks have cues.")
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page


def _context(page, title, **extra):
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return {
        "page": page,
        "page_title": title,
        "header_title": f"{title}: {page.get_admin_display_title()}",
        "header_icon": "list-ul",
        "breadcrumbs_items": [
            {"url": reverse("wagtailadmin_home"), "label": "Home"},
            {"url": reverse("wagtailadmin_explore", args=[page.get_parent().pk]), "label": page.get_parent().title},
            {"url": edit_url, "label": page.get_admin_display_title()},
            {"url": "", "label": title},
        ],
        "edit_url": edit_url,
        "exports": _exports(page),
        **extra,
    }


def _locked_for(request, page) -> bool:
    lock = page.get_lock()
    if lock and lock.for_user(request.user):
        # Wagtail writes the lock's message as HTML (bold names); a message here is text.
        said = plain_text(str(lock.get_message(request.user)))
        messages.error(request, f"{said} Cues cannot be imported until it is unlocked.")
        return True
    return False


@require_http_methods(["GET", "POST"])
def import_cues(request, page_id):
    """Upload a file, see what it would change, confirm. Nothing changes until the confirmation."""
    page = _editable_track(request, page_id)
    template = "tracks/admin/import_cues.html"
    if _locked_for(request, page):
        return redirect("wagtailadmin_pages:edit", page.pk)

    if request.method == "POST" and "confirm" in request.POST:
        return _confirm(request, page, template)

    form = CueImportForm(request.POST or None, request.FILES or None)
    if request.method == "GET" or not form.is_valid():
        return TemplateResponse(request, template, _context(page, "Import cues", form=form))

    upload = form.cleaned_data["cue_file"]
    data = upload.read()
    mode = form.cleaned_data["mode"]
    kind, read = read_file(data, upload.name)
    plan = plan_import(page, read, mode=mode, kind=kind or "csv")
    context = _context(page, "Import cues", form=form, plan=plan, filename=upload.name, mode_label=MODES[mode])
    if not plan.problems:
        context["payload"] = signing.dumps(
            {
                "name": upload.name,
                "data": base64.b64encode(data).decode(),
                "mode": mode,
                "revision": _latest_revision_id(page),
            },
            salt=SIGNING_SALT,
            compress=True,
        )
    return TemplateResponse(request, template, context)


def _exports(page) -> list[tuple[str, str]]:
    """Each format's label and the admin download of the track's cues in it."""
    return [
        (spec.label, reverse(f"tracks_admin:export_cues_{kind}", args=[page.pk]))
        for kind, spec in CUE_FILE_FORMATS.items()
    ]


def _latest_revision_id(page):
    revision = page.get_latest_revision()
    return revision.pk if revision else None


def _confirm(request, page, template):
    try:
        payload = signing.loads(request.POST.get("payload", ""), salt=SIGNING_SALT, max_age=60 * 60)
        data = base64.b64decode(payload["data"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        messages.error(request, "The import could not be confirmed (it expired or was altered); upload the file again.")
        return redirect("tracks_admin:import_cues", page.pk)
    kind, read = read_file(data, payload["name"])
    plan = plan_import(page, read, mode=payload["mode"], kind=kind or "csv")
    if plan.problems or payload.get("revision") != _latest_revision_id(page):
        # The track was saved by someone since the preview: show what the file would change now.
        if not plan.problems:
            payload["revision"] = _latest_revision_id(page)
        context = _context(
            page,
            "Import cues",
            form=CueImportForm(),
            plan=plan,
            filename=payload["name"],
            mode_label=MODES.get(payload["mode"], ""),
            changed_since=True,
            payload=signing.dumps(payload, salt=SIGNING_SALT, compress=True) if not plan.problems else None,
        )
        return TemplateResponse(request, template, context)
    if not plan.changes_anything:
        messages.info(request, "The file matches the track's cues; nothing was changed.")
        return redirect("wagtailadmin_pages:edit", page.pk)
    save_plan(plan, request.user)
    counts = plan.counts
    messages.success(
        request,
        f"Imported {payload['name']}: {counts['added']} added, {counts['changed']} changed, "
        f"{counts['removed']} removed. Saved as a draft; review it, then publish.",
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


@require_GET
def export_cues(request, page_id, kind):
    """The cues of the track's latest draft, as the editor sees them, as a download."""
    page = _editable_track(request, page_id)
    draft = page.get_latest_revision_as_object()
    return cue_file_response(draft, draft.cues.all(), kind, download=True)


@require_GET
def audio_source(request, pk):
    """Where the stamping player finds an audio file chosen in the editor, before the page is saved."""
    # The same permission the audio list asks for: seeing an audio file in the admin.
    # (Answered here as JSON: the admin would turn PermissionDenied into a redirect the script cannot read.)
    if not request.user.has_perm("tracks.view_audiofile"):
        return JsonResponse({"error": "You may not use audio files."}, status=403)
    audio = get_object_or_404(AudioFile, pk=pk)
    answer = {"url": audio.file.url, "title": audio.title, "duration_ms": audio.duration_ms, "summary": audio.summary}
    # With `?page=`: whether this audio, chosen for that track, would end before some of its cues.
    page_id = request.GET.get("page", "")
    page = Page.objects.filter(pk=page_id).first() if page_id.isdigit() else None
    track = page.specific if page is not None else None
    if isinstance(track, TrackPage) and track.permissions_for_user(request.user).can_edit():
        answer["past_the_end"] = past_the_end_warning(track, audio)
    return JsonResponse(answer)


def _latest_cues_and_audio_id(track):
    """The cues (start, end, title) and audio id of the track's latest revision, read from the revision's
    data rather than rebuilt as a page: the edit page asks on every opening, 300 cues or not."""
    revision = track.get_latest_revision()
    if revision is None:
        return list(track.cues.all()), track.audio_id
    content = revision.content
    cues = [
        SimpleNamespace(start_ms=row.get("start_ms") or 0, end_ms=row.get("end_ms"), title=row.get("title", ""))
        for row in content.get("cues") or []
    ]
    return cues, content.get("audio")


def past_the_end_warning(track, audio=None) -> str:
    """A sentence naming the cues of the track's latest revision that its audio (or `audio`, about to be
    chosen) ends before; empty when they all fit."""
    cues, audio_id = _latest_cues_and_audio_id(track)
    if audio is None:
        audio = AudioFile.objects.filter(pk=audio_id).only("title", "duration_ms").first() if audio_id else None
    past = cues_past_the_end(cues, audio.duration_ms if audio else None)
    if not past:
        return ""
    names = [
        f"“{cue.title}” ({'–'.join(format_time(ms) for ms in (cue.start_ms, cue.end_ms) if ms is not None)})"
        for cue in sorted(past, key=lambda cue: cue.start_ms)
    ]
    return (
        f"The audio, “{audio.title}”, ends at {format_time(audio.duration_ms)}; these cues run past "
        f"it: {shown_list(names)}. Retime or remove them before you publish; the track cannot be saved until they fit."
    )
