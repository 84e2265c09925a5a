"""The cue editor's round trip: which of the cues being edited clash, by the rules in cue_rules.py.

The timeline asks here as times change, so the rules are stated once, in Python, and the editor
draws exactly what a save would warn about.
"""

from __future__ import annotations

import json
from types import SimpleNamespace

from django.http import JsonResponse
from django.views.decorators.http import require_POST

from .cue_rules import find_clashes

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
