"""The cue editor's round trips: which of the cues being edited clash, and a closed cue's values.

The timeline asks for clashes as times change, so the rules are stated once, in Python (cue_rules.py),
and the editor draws exactly what a save would warn about. A cue's row is drawn as a line naming its
cue; its fields' values come from here when the editor opens it, so that a 300-cue page does not
carry 300 cues' worth of values nobody opens.
"""

from __future__ import annotations

import json
from types import SimpleNamespace

from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Page

from .cue_rules import find_clashes
from .forms import cue_key, cue_values, post_values
from .models import TrackPage

# A track of several hours at one cue a second is far below this; anything above is not an editor.
MAX_CUES = 20_000


def _ms(value):
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float) and 0 <= value < 10**9:
        return int(value)
    return None


@require_POST
def cue_clashes(request):
    """POST {"duration_ms": …, "cues": [{"start_ms", "end_ms", "layer", "title"}, …]} → {"clashes": […]}.

    Each clash names its cues by their positions in the list posted.
    """
    try:
        data = json.loads(request.body or b"{}")
        posted = data["cues"]
        if not isinstance(posted, list) or len(posted) > MAX_CUES:
            raise ValueError
        cues = [
            SimpleNamespace(
                start_ms=_ms(cue.get("start_ms")),
                end_ms=_ms(cue.get("end_ms")),
                layer=str(cue.get("layer") or "")[:20],
                title=str(cue.get("title") or "")[:200],
            )
            for cue in posted
        ]
    except (ValueError, KeyError, TypeError, AttributeError):
        return JsonResponse(
            {"error": "Send {duration_ms, cues: [{start_ms, end_ms, layer, title}]} as JSON."}, status=400
        )
    duration = _ms(data.get("duration_ms")) or None
    return JsonResponse({"clashes": [clash.as_json() for clash in find_clashes(cues, duration)]})


@require_GET
def cue_row_values(request, page_id):
    """GET → {"cues": {cue key: what its row's fields post}} for every cue of the track's latest version.

    The version a save of the edit page is made over (forms.fill_kept_rows reads the same), built
    with the form the edit page uses, so each value is written exactly as its widget would write it.
    """
    page = get_object_or_404(Page, pk=page_id).specific
    if not isinstance(page, TrackPage):
        return JsonResponse({"error": "Not a track."}, status=404)
    # As JSON: the admin would turn PermissionDenied into a redirect the script cannot read.
    if not page.permissions_for_user(request.user).can_edit():
        return JsonResponse({"error": "You may not edit this track."}, status=403)
    draft = page.get_latest_revision_as_object()
    form_class = draft.get_edit_handler().get_form_class()
    form = form_class(instance=draft, for_user=request.user, parent_page=page.get_parent())
    formset = form.formsets["cues"]
    fields = formset.form.base_fields
    values = {
        key: post_values(fields, cue_values(fields, cue)) for cue in formset.get_queryset() if (key := cue_key(cue))
    }
    response = JsonResponse({"cues": values})
    response["Cache-Control"] = "private, no-store"
    return response
