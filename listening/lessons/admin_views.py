"""The lesson editor's range picker: a track's chart and recording, for an editor choosing a step's range."""

from django.http import Http404, HttpResponseForbidden
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from listening.tracks.models import TrackPage


@never_cache
def track_chart(request, page_id):
    """The chart of the track's latest revision (its draft, if it has one) with its audio, as a fragment.

    Only for someone who may edit the track: its draft may hold cues and scenes readers cannot see.
    """
    track = TrackPage.objects.filter(pk=page_id).first()
    if track is None:
        raise Http404("No such track.")
    if not track.permissions_for_user(request.user).can_edit():
        # Answered as a 403, not raised: the admin would turn PermissionDenied into a redirect the script cannot read.
        return HttpResponseForbidden("You may not edit this track, so not see its draft's chart.")
    draft = track.get_latest_revision_as_object()
    audio = draft.audio if draft.audio is not None and draft.audio.file_is_stored else None
    return render(
        request,
        "lessons/admin/track_chart.html",
        {"track": draft, "chart": draft.chart_for_editors(), "audio": audio},
    )
