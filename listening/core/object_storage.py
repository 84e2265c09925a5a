"""Media in S3-compatible object storage (django-storages), for sites with several app servers.

Used when `AWS_STORAGE_BUCKET_NAME` is set (settings/base.py). The bucket stays private; what every
reader may have is made readable by anyone object by object, so the storage (or a CDN in front of it)
serves it with its own Range support and the page points straight at it:

- renditions (`images/…`, what pages show) are public from the moment they are written;
- audio is public while a track readers may see plays it: the apps above keep each object's ACL in
  step with publishing (listening.site.media_publicity) and say which names are public through the
  policy named by `LISTENING_MEDIA_IS_PUBLIC`;
- everything else (original images, audio of drafts or restricted tracks) stays private: its URL is
  the app's own `/media/…`, which asks the same access policy as for local files and then redirects
  to a short-lived signed URL (listening.core.media_serving).
"""

from __future__ import annotations

import functools

from django.conf import settings
from django.utils.module_loading import import_string
from storages.backends.s3 import S3Storage
from storages.utils import clean_name

from .media_types import content_type_for

# Written readable by anyone: nothing in these folders is ever private.
ALWAYS_PUBLIC_FOLDERS = ("images/",)
PUBLIC_CACHE_CONTROL = "public, max-age=86400"


@functools.cache
def _public_policy():
    return import_string(settings.LISTENING_MEDIA_IS_PUBLIC)


def is_public(name: str) -> bool:
    """Whether anyone may have the media file `name`: the policy the URLconf's apps give."""
    return name.startswith(ALWAYS_PUBLIC_FOLDERS) or bool(_public_policy()(name))


class MediaObjectStorage(S3Storage):
    """S3Storage whose URLs say who may have a file: the storage's for public ones, the app's otherwise."""

    def __init__(self, **settings_overrides):
        settings_overrides.setdefault("querystring_auth", False)  # public URLs carry no signature
        settings_overrides.setdefault("file_overwrite", False)  # a new upload gets a new name, as on disk
        super().__init__(**settings_overrides)

    def get_object_parameters(self, name: str) -> dict:
        parameters = super().get_object_parameters(name)
        # From the name, as the local media view does: never the type an uploading browser claimed.
        parameters["ContentType"] = content_type_for(name)
        if name.startswith(ALWAYS_PUBLIC_FOLDERS):
            parameters.update(ACL="public-read", CacheControl=PUBLIC_CACHE_CONTROL)
        else:
            parameters["ACL"] = "private"
        return parameters

    def url(self, name, parameters=None, expire=None, http_method=None):
        if is_public(name):
            return self.storage_url(name)
        # The app's media route checks who asks, then redirects to signed_url().
        return settings.MEDIA_URL + clean_name(name).lstrip("/")

    def storage_url(self, name: str) -> str:
        """The unsigned address of `name` at the storage or its CDN (readable only while public)."""
        return super().url(name)

    def signed_url(self, name: str) -> str:
        """A short-lived address of `name` that works whatever its ACL (LISTENING_SIGNED_URL_SECONDS)."""
        key = self._normalize_name(clean_name(name))
        return self.connection.meta.client.generate_presigned_url(
            "get_object", Params={"Bucket": self.bucket.name, "Key": key}, ExpiresIn=self.querystring_expire
        )

    def set_public(self, name: str, public: bool) -> None:
        """Make `name` readable by anyone, or by signed URLs only."""
        key = self._normalize_name(clean_name(name))
        self.connection.meta.client.put_object_acl(
            Bucket=self.bucket.name, Key=key, ACL="public-read" if public else "private"
        )

    def is_readable_by_anyone(self, name: str) -> bool:
        key = self._normalize_name(clean_name(name))
        grants = self.connection.meta.client.get_object_acl(Bucket=self.bucket.name, Key=key)["Grants"]
        return any(
            grant["Grantee"].get("URI") == "http://acs.amazonaws.com/groups/global/AllUsers"
            and grant["Permission"] in ("READ", "FULL_CONTROL")
            for grant in grants
        )
