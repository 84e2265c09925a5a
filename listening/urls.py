from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from listening.core.media_serving import serve_media
from listening.site.media_access import media_access
from listening.site.oembed import oembed
from listening.site.search import search

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", search, name="search"),
    path("oembed/", oembed, name="oembed"),
]

if settings.LISTENING_SERVE_MEDIA:
    # Our own view, not django.views.static: it answers Range requests so audio can be seeked,
    # and it works with DEBUG off.
    urlpatterns.append(re_path(r"^media/(?P<path>.*)$", serve_media, {"access": media_access}, name="media"))

# Wagtail's own pattern takes only slash-ended paths without dots; a track's cue files
# (`<track url>cues.vtt`, `cues.csv`, `cues.txt`, `chapters.json`, routes of TrackPage) go through
# the same serve view.
urlpatterns.append(
    re_path(r"^((?:[\w\-]+/)*(?:cues\.(?:vtt|csv|txt)|chapters\.json))$", wagtail_views.serve, name="track_cue_file")
)
urlpatterns.append(path("", include(wagtail_urls)))
