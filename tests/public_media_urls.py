"""The project's URLconf with every media file public.

For the tests of the media view's HTTP behaviour (ranges, validators, HEAD), apart from who may
have which file: that policy has tests of its own (test_media_privacy.py).
"""

from django.urls import re_path

from listening.core.media_serving import serve_media
from listening.urls import urlpatterns as project_urlpatterns

urlpatterns = [re_path(r"^media/(?P<path>.*)$", serve_media, name="media"), *project_urlpatterns]
