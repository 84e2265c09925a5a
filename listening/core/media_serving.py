"""Serve uploaded media (MEDIA_ROOT) with HTTP Range support.

Browsers seek <audio> by asking for byte ranges; a server without Range
support makes Chromium restart playback at 0:00 on every seek.  Django's
``django.views.static.serve`` has no Range support and is meant for DEBUG
only, so this view is routed in urls.py regardless of DEBUG and works the
same under runserver and gunicorn.

Behaviour (the Range grammar itself lives in ``byte_ranges``):

* GET and HEAD only; anything else is 405 with ``Allow: GET, HEAD``.
* Preconditions in RFC 9110 §13.2.2 order: If-Match / If-Unmodified-Since
  (412), If-None-Match / If-Modified-Since (304), then If-Range.
* One satisfiable range → 206; a valid but unsatisfiable one → 416; a
  malformed or multi-range header is ignored → 200 with the whole file.
* Range is honoured for GET only (RFC 9110 §14.2); HEAD answers with the
  headers of a plain GET of the whole file.
* Who may have a file is asked of an access policy given by the URLconf (the
  apps above know what is private); a refused file is 404, as if it were not
  there, and a private one is sent with ``Cache-Control: private``.
* Anything that is not a regular file inside MEDIA_ROOT is 404: traversal,
  absolute paths, symlinks leading out, directories, NUL bytes.
* With object storage (a storage that is not a local folder) the bytes come from the storage, which
  answers Range itself: after the same access check, a public file is a redirect to its address at
  the storage or CDN, a private one to a short-lived signed URL (listening.core.object_storage).
* The body streams in 64 KiB blocks and reads only the requested range;
  the file is closed when the server closes the response, even if the body
  is never iterated.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from enum import Enum

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.http import Http404, HttpResponse, HttpResponseRedirect, StreamingHttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from .byte_ranges import (
    RangeNotSatisfiable,
    content_range,
    if_range_allows_range,
    make_etag,
    parse_byte_range,
)
from .media_types import content_type_for

BLOCK_SIZE = 64 * 1024
MEDIA_CSP = "sandbox; default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'"
# Uploaded files keep their names (storage gives a new file a new name), so public ones may be
# cached for a day; private ones only by the reader's own browser, and checked again each time.
CACHE_CONTROL = {"public": "public, max-age=86400", "private": "private, no-cache"}


class MediaAccess(Enum):
    PUBLIC = "public"  # anyone, and any cache
    PRIVATE = "private"  # this request's user only
    DENIED = "denied"  # answered as if the file did not exist


def everyone_may_have(request, path: str) -> MediaAccess:
    """The policy when none is given: every file is public."""
    return MediaAccess.PUBLIC


def resolve_media_path(root: str | os.PathLike[str], path: str) -> str:
    """Absolute real path of ``path`` under ``root``, or raise Http404.

    Checks the request path syntactically first (cheap and obvious), then
    resolves symlinks and checks the result is still inside the real root.
    Whether it is a regular file is checked by the caller after opening.
    """
    if not root:
        raise Http404  # An unset MEDIA_ROOT would resolve to the cwd.
    if "\x00" in path or path.startswith(("/", "\\")) or os.path.isabs(path):
        raise Http404
    if ".." in path.replace("\\", "/").split("/"):
        raise Http404
    real_root = os.path.realpath(root)
    candidate = os.path.realpath(os.path.join(real_root, path))
    if os.path.commonpath([real_root, candidate]) != real_root or candidate == real_root:
        raise Http404
    return candidate


class _RangeFileIterator:
    """Yields bytes first..last of an open file, then closes it.

    Django registers ``close`` as a resource closer of the response, and
    the WSGI server calls it when the response is done, so the handle is
    closed even if the client disconnects before the body is read.
    """

    def __init__(self, file, first: int, last: int):
        self.file = file
        self.first = first
        self.remaining = last - first + 1

    def __iter__(self):
        with self.file:
            self.file.seek(self.first)
            while self.remaining > 0:
                block = self.file.read(min(BLOCK_SIZE, self.remaining))
                if not block:
                    break  # Truncated under our feet; Content-Length will be short.
                self.remaining -= len(block)
                yield block

    def close(self):
        self.file.close()


def _validators(st: os.stat_result) -> tuple[str, str]:
    return make_etag(st.st_size, st.st_mtime_ns), http_date(int(st.st_mtime))


@csrf_exempt  # Read-only; lets a POST reach require_safe's 405 instead of CSRF's 403.
@require_safe
def serve_media(request, path: str, access: Callable[..., MediaAccess] = everyone_may_have):
    """Serve ``MEDIA_ROOT/<path>`` with Range, conditional GET and HEAD support, to whom `access` allows."""
    if not isinstance(default_storage, FileSystemStorage):
        return _redirect_to_storage(request, path, access)
    full_path = resolve_media_path(settings.MEDIA_ROOT, path)
    allowed = access(request, path)
    if allowed is MediaAccess.DENIED:
        raise Http404
    try:
        # Stat first: opening a FIFO or device could block or misbehave.
        if not stat.S_ISREG(os.stat(full_path).st_mode):
            raise Http404
        file = open(full_path, "rb")  # noqa: SIM115 - closed by the response, or below.
    except (OSError, ValueError) as exc:
        # Missing, unreadable, name too long, undecodable name...
        raise Http404 from exc
    try:
        response = _build_response(request, file, path, allowed)
    except Exception:
        file.close()
        raise
    if not response.streaming:
        file.close()  # 304, 412, 416 and HEAD carry no body.
    return response


def _redirect_to_storage(request, path: str, access: Callable[..., MediaAccess]) -> HttpResponseRedirect:
    """Object storage serves the bytes (with its own Range support); the app only says who may have them."""
    if "\x00" in path or path.startswith(("/", "\\")) or ".." in path.replace("\\", "/").split("/") or not path:
        raise Http404
    allowed = access(request, path)
    if allowed is MediaAccess.DENIED:
        raise Http404
    if allowed is MediaAccess.PUBLIC:
        response = HttpResponseRedirect(default_storage.storage_url(path))
        response["Cache-Control"] = "public, max-age=300"
    else:
        # Signed for this reader only, and expiring soon: no cache may keep or share it.
        response = HttpResponseRedirect(default_storage.signed_url(path))
        response["Cache-Control"] = "private, no-store"
    return response


def _build_response(request, file, path: str, allowed: MediaAccess) -> HttpResponse | StreamingHttpResponse:
    st = os.fstat(file.fileno())  # The opened file, not whatever the path is now.
    if not stat.S_ISREG(st.st_mode):
        raise Http404
    size = st.st_size
    etag, last_modified = _validators(st)
    headers = {
        "Accept-Ranges": "bytes",
        "Cache-Control": CACHE_CONTROL[allowed.value],
        "ETag": etag,
        "Last-Modified": last_modified,
        "X-Content-Type-Options": "nosniff",
        # Uploads come from editors: should one ever be opened as a document (an HTML or SVG file),
        # it runs no script and reaches nothing. Audio and images used by pages are unaffected.
        "Content-Security-Policy": MEDIA_CSP,
    }

    # If-Match, If-Unmodified-Since, If-None-Match, If-Modified-Since, in
    # RFC order; Django's helper gets the precedence and weak/strong rules right.
    conditional = get_conditional_response(request, etag=etag, last_modified=int(st.st_mtime))
    if conditional is not None:
        if conditional.status_code == 304:
            # A 304 repeats the validators and caching headers (RFC 9110 §15.4.5).
            for name, value in headers.items():
                conditional.headers[name] = value
        return conditional

    byte_range = None
    if request.method == "GET" and if_range_allows_range(request.headers.get("If-Range"), etag, last_modified):
        try:
            byte_range = parse_byte_range(request.headers.get("Range"), size)
        except RangeNotSatisfiable:
            response = HttpResponse(status=416, headers=headers)
            response.headers["Content-Range"] = f"bytes */{size}"
            response.headers["Content-Length"] = "0"
            del response.headers["Content-Type"]
            return response

    first, last = byte_range if byte_range else (0, size - 1)
    headers["Content-Type"] = content_type_for(path)  # The name in the URL, as the client sees it.
    headers["Content-Length"] = str(last - first + 1)
    if byte_range:
        headers["Content-Range"] = content_range(first, last, size)
    status = 206 if byte_range else 200

    if request.method == "HEAD":
        return HttpResponse(status=status, headers=headers)
    return StreamingHttpResponse(_RangeFileIterator(file, first, last), status=status, headers=headers)
