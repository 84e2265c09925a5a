"""The media view end to end: through the project's URLconf and middleware.

Every range case checks status, Content-Range, Content-Length and the exact
bytes, because a browser seeking audio trusts all four.
"""

import os

import pytest
from django.http import Http404
from django.test import Client
from django.urls import resolve

from listening.core import media_serving
from listening.core.byte_ranges import make_etag
from listening.core.media_serving import BLOCK_SIZE, serve_media

# Bigger than three read blocks, and every offset's byte is predictable, so
# a slice taken from the wrong place cannot pass for the right one.
SIZE = 3 * BLOCK_SIZE + 1234
DATA = bytes((i * 7 + i // 251) % 256 for i in range(SIZE))
URL = "/media/audio/track.mp3"

# Who may have a file is the access policy's business (test_media_privacy.py); here every file is public.
pytestmark = pytest.mark.urls("tests.public_media_urls")

MTIME_NS = 784_111_777_000_000_000  # Sun, 06 Nov 1994 08:49:37 GMT
LAST_MODIFIED = "Sun, 06 Nov 1994 08:49:37 GMT"
ETAG = make_etag(SIZE, MTIME_NS)


def write(path, content, mtime_ns=MTIME_NS):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    os.utime(path, ns=(mtime_ns, mtime_ns))
    return path


@pytest.fixture
def media_dir(settings, tmp_path):
    """A MEDIA_ROOT of this test's own (conftest's session-wide one is shared)."""
    root = tmp_path / "media"
    root.mkdir()
    settings.MEDIA_ROOT = root
    write(root / "audio" / "track.mp3", DATA)
    # Something worth stealing next to (not inside) MEDIA_ROOT.
    (tmp_path / "secret.txt").write_bytes(b"SECRET")
    return root


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


class SpyFile:
    """Wraps the file the view opens, to see what it reads and that it closes it."""

    def __init__(self, file):
        self.file = file
        self.reads = []

    def read(self, size=-1):
        data = self.file.read(size)
        self.reads.append(len(data))
        return data

    def __getattr__(self, name):
        return getattr(self.file, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.file.close()


@pytest.fixture
def opened_files(monkeypatch):
    files = []

    def spy_open(*args, **kwargs):
        files.append(SpyFile(open(*args, **kwargs)))  # noqa: PTH123, SIM115
        return files[-1]

    monkeypatch.setattr(media_serving, "open", spy_open, raising=False)
    return files


def test_project_urlconf_routes_media_to_this_view():
    assert resolve("/media/audio/track.mp3").func is serve_media
    assert resolve("/media/audio/track.mp3").kwargs == {"path": "audio/track.mp3"}


# --- Ranges -----------------------------------------------------------------

LAST = SIZE - 1


@pytest.mark.parametrize(
    ("range_header", "status", "content_range", "expected"),
    [
        (None, 200, None, DATA),
        ("bytes=0-0", 206, f"bytes 0-0/{SIZE}", DATA[0:1]),
        ("bytes=0-99", 206, f"bytes 0-99/{SIZE}", DATA[0:100]),
        ("bytes=1000-1999", 206, f"bytes 1000-1999/{SIZE}", DATA[1000:2000]),
        (f"bytes={LAST}-{LAST}", 206, f"bytes {LAST}-{LAST}/{SIZE}", DATA[-1:]),
        # Across read-block boundaries.
        (
            f"bytes={BLOCK_SIZE - 10}-{2 * BLOCK_SIZE + 10}",
            206,
            f"bytes {BLOCK_SIZE - 10}-{2 * BLOCK_SIZE + 10}/{SIZE}",
            DATA[BLOCK_SIZE - 10 : 2 * BLOCK_SIZE + 11],
        ),
        # Open-ended: what browsers send when seeking.
        ("bytes=0-", 206, f"bytes 0-{LAST}/{SIZE}", DATA),
        ("bytes=150000-", 206, f"bytes 150000-{LAST}/{SIZE}", DATA[150000:]),
        # End past the file is clamped.
        (f"bytes={SIZE - 5}-{SIZE + 100}", 206, f"bytes {SIZE - 5}-{LAST}/{SIZE}", DATA[-5:]),
        # Suffix, and a suffix longer than the file (all of it, still a 206).
        ("bytes=-100", 206, f"bytes {SIZE - 100}-{LAST}/{SIZE}", DATA[-100:]),
        (f"bytes=-{SIZE}", 206, f"bytes 0-{LAST}/{SIZE}", DATA),
        ("bytes=-999999999", 206, f"bytes 0-{LAST}/{SIZE}", DATA),
        # Malformed: ignored, the whole file.
        ("bytes=", 200, None, DATA),
        ("bytes=-", 200, None, DATA),
        ("bytes=5-2", 200, None, DATA),
        ("bits=0-1", 200, None, DATA),
        ("bytes=a-b", 200, None, DATA),
        ("bytes= 0-1", 200, None, DATA),
        ("bytes=0-1;", 200, None, DATA),
        # Several ranges: deliberately the whole file (RFC 9110 §14.2 allows it).
        ("bytes=0-1,5-6", 200, None, DATA),
        ("bytes=0-1, 999999999-", 200, None, DATA),
    ],
)
def test_get_ranges(client, media_dir, range_header, status, content_range, expected):
    headers = {"range": range_header} if range_header else {}
    response = client.get(URL, headers=headers)

    assert response.status_code == status
    assert response.get("Content-Range") == content_range
    assert response["Content-Length"] == str(len(expected))
    assert body(response) == expected
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Type"] == "audio/mpeg"
    assert response["ETag"] == ETAG
    assert response["Last-Modified"] == LAST_MODIFIED
    assert response["Cache-Control"] == "public, max-age=86400"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("range_header", [f"bytes={SIZE}-", f"bytes={SIZE}-{SIZE + 9}", "bytes=-0"])
def test_unsatisfiable_range_is_416_without_body(client, media_dir, range_header):
    response = client.get(URL, headers={"range": range_header})

    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{SIZE}"
    assert response["Content-Length"] == "0"
    assert body(response) == b""
    assert response["Accept-Ranges"] == "bytes"


def test_empty_file(client, media_dir):
    write(media_dir / "empty.mp3", b"")

    whole = client.get("/media/empty.mp3")
    assert whole.status_code == 200
    assert whole["Content-Length"] == "0"
    assert body(whole) == b""

    for range_header in ("bytes=0-", "bytes=-1", "bytes=0-0"):
        ranged = client.get("/media/empty.mp3", headers={"range": range_header})
        assert ranged.status_code == 416, range_header
        assert ranged["Content-Range"] == "bytes */0"


def test_one_byte_file(client, media_dir):
    write(media_dir / "one.mp3", b"Z")
    response = client.get("/media/one.mp3", headers={"range": "bytes=-5"})
    assert response.status_code == 206
    assert response["Content-Range"] == "bytes 0-0/1"
    assert body(response) == b"Z"


def test_offsets_beyond_4_gib(client, media_dir):
    big = media_dir / "big.flac"
    with big.open("wb") as file:
        file.truncate(5 * 2**30)  # Sparse: costs no disk.
        file.seek(5 * 2**30 - 3)
        file.write(b"END")
    response = client.get("/media/big.flac", headers={"range": "bytes=5368709115-"})
    assert response.status_code == 206
    assert response["Content-Range"] == "bytes 5368709115-5368709119/5368709120"
    assert response["Content-Length"] == "5"
    assert body(response) == b"\0\0END"


# --- HEAD -------------------------------------------------------------------


@pytest.mark.parametrize("range_header", [None, "bytes=0-99", f"bytes={SIZE}-"])
def test_head_has_the_headers_of_a_whole_get_and_no_body(client, media_dir, range_header):
    # Range is defined for GET only (RFC 9110 §14.2), so HEAD ignores it.
    headers = {"range": range_header} if range_header else {}
    head = client.head(URL, headers=headers)
    get = client.get(URL)

    assert head.status_code == 200
    assert head.content == b""
    assert "Content-Range" not in head
    for name in (
        "Accept-Ranges",
        "Cache-Control",
        "Content-Length",
        "Content-Type",
        "ETag",
        "Last-Modified",
        "X-Content-Type-Options",
    ):
        assert head[name] == get[name], name
    assert head["Content-Length"] == str(SIZE)


# --- If-Range -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("if_range", "honoured"),
    [
        (ETAG, True),
        (LAST_MODIFIED, True),
        ("Sunday, 06-Nov-94 08:49:37 GMT", True),  # RFC 850 form of the same date.
        (make_etag(SIZE, MTIME_NS - 1), False),  # The file changed since.
        (make_etag(SIZE + 1, MTIME_NS), False),
        (f"W/{ETAG}", False),  # Weak never validates a range.
        ("Sun, 06 Nov 1994 08:49:36 GMT", False),
        ("Mon, 07 Nov 1994 08:49:37 GMT", False),
        ("not a validator", False),
    ],
)
def test_if_range(client, media_dir, if_range, honoured):
    response = client.get(URL, headers={"range": "bytes=10-19", "if-range": if_range})

    if honoured:
        assert response.status_code == 206
        assert response["Content-Range"] == f"bytes 10-19/{SIZE}"
        assert body(response) == DATA[10:20]
    else:
        assert response.status_code == 200
        assert "Content-Range" not in response
        assert response["Content-Length"] == str(SIZE)
        assert body(response) == DATA


def test_stale_if_range_beats_an_unsatisfiable_range(client, media_dir):
    # Range is ignored altogether, so there is nothing left to be unsatisfiable.
    response = client.get(URL, headers={"range": f"bytes={SIZE}-", "if-range": '"stale"'})
    assert response.status_code == 200
    assert body(response) == DATA


def test_if_range_without_range_is_a_plain_get(client, media_dir):
    response = client.get(URL, headers={"if-range": ETAG})
    assert response.status_code == 200
    assert body(response) == DATA


# --- Conditional GET ------------------------------------------------------------


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({"if-none-match": ETAG}, 304),
        ({"if-none-match": f"W/{ETAG}"}, 304),  # If-None-Match compares weakly.
        ({"if-none-match": f'"other", {ETAG}'}, 304),
        ({"if-none-match": "*"}, 304),
        ({"if-none-match": '"other"'}, 200),
        ({"if-modified-since": LAST_MODIFIED}, 304),
        ({"if-modified-since": "Mon, 07 Nov 1994 08:49:37 GMT"}, 304),
        ({"if-modified-since": "Sun, 06 Nov 1994 08:49:36 GMT"}, 200),
        ({"if-modified-since": "garbage"}, 200),
        # If-None-Match takes precedence over If-Modified-Since (RFC 9110 §13.2.2).
        ({"if-none-match": '"other"', "if-modified-since": LAST_MODIFIED}, 200),
        ({"if-none-match": ETAG, "if-modified-since": "Sat, 01 Jan 1994 00:00:00 GMT"}, 304),
        # 304 wins over Range: the client's copy is current.
        ({"if-none-match": ETAG, "range": "bytes=0-9"}, 304),
        # If-Match and If-Unmodified-Since come first and fail with 412.
        ({"if-match": '"other"'}, 412),
        ({"if-match": ETAG}, 200),
        ({"if-match": f"W/{ETAG}"}, 412),  # If-Match compares strongly.
        ({"if-unmodified-since": "Sun, 06 Nov 1994 08:49:36 GMT"}, 412),
        ({"if-unmodified-since": LAST_MODIFIED}, 200),
    ],
)
def test_conditional_requests(client, media_dir, headers, status):
    response = client.get(URL, headers=headers)

    assert response.status_code == status
    if status == 304:
        assert body(response) == b""
        assert response["ETag"] == ETAG
        assert response["Last-Modified"] == LAST_MODIFIED
        assert response["Cache-Control"] == "public, max-age=86400"
    if status == 200:
        assert body(response) == DATA


def test_last_modified_is_whole_seconds_so_it_can_validate(client, media_dir):
    # Real uploads have sub-second mtimes; Last-Modified drops them, and a
    # client echoing it back must still count as current.
    write(media_dir / "audio" / "track.mp3", DATA, mtime_ns=MTIME_NS + 500_000_000)

    assert client.get(URL, headers={"if-modified-since": LAST_MODIFIED}).status_code == 304
    ranged = client.get(URL, headers={"range": "bytes=0-9", "if-range": LAST_MODIFIED})
    assert ranged.status_code == 206
    assert ranged["Last-Modified"] == LAST_MODIFIED


def test_head_if_none_match_is_304(client, media_dir):
    assert client.head(URL, headers={"if-none-match": ETAG}).status_code == 304


def test_rewriting_the_file_changes_the_validators(client, media_dir):
    write(media_dir / "audio" / "track.mp3", DATA[::-1], mtime_ns=MTIME_NS + 1)

    response = client.get(URL, headers={"if-none-match": ETAG, "range": "bytes=0-9"})
    assert response.status_code == 206
    assert response["ETag"] != ETAG
    assert body(response) == DATA[::-1][:10]

    stale = client.get(URL, headers={"range": "bytes=0-9", "if-range": ETAG})
    assert stale.status_code == 200
    assert body(stale) == DATA[::-1]


# --- Path safety --------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/media/../secret.txt",
        "/media/audio/../../secret.txt",
        "/media/audio/../audio/track.mp3",  # Any ".." segment is refused, even one that stays inside.
        "/media/%2e%2e/secret.txt",
        "/media/%2E%2E%2Fsecret.txt",
        "/media/..%2fsecret.txt",
        "/media/..%5csecret.txt",
        "/media/%252e%252e/secret.txt",  # Double-encoded: a literal, missing name.
        "/media/" + "../" * 20 + "etc/passwd",
        "/media//etc/passwd",
        "/media/%2Fetc%2Fpasswd",
        "/media/audio/track.mp3%00.txt",
        "/media/%00",
        "/media/outside-link.txt",  # Symlink to a file outside MEDIA_ROOT.
        "/media/outside-dir/secret.txt",  # Through a symlinked directory.
        "/media/",
        "/media/audio",
        "/media/audio/",
        "/media/audio/missing.mp3",
        "/media/pipe.mp3",  # A FIFO: must 404, not block on open().
        "/media/" + "a" * 5000 + ".mp3",  # File name too long.
        "/media/%ff%fe.mp3",  # Not UTF-8.
    ],
)
@pytest.mark.django_db  # A 404 passes through Wagtail's RedirectMiddleware, which queries the database.
def test_nothing_outside_regular_files_in_media_root_is_served(client, media_dir, url):
    (media_dir / "outside-link.txt").symlink_to(media_dir.parent / "secret.txt")
    (media_dir / "outside-dir").symlink_to(media_dir.parent, target_is_directory=True)
    os.mkfifo(media_dir / "pipe.mp3")

    for method in (client.get, client.head):
        response = method(url, headers={"range": "bytes=0-"})
        assert response.status_code == 404, (method, url)
        assert b"SECRET" not in body(response)


@pytest.mark.parametrize("path", ["../secret.txt", "/etc/passwd", "audio\x00.mp3", "", "audio"])
def test_view_raises_404_for_unsafe_paths(rf, media_dir, path):
    with pytest.raises(Http404):
        serve_media(rf.get("/media/x"), path)


def test_unset_media_root_serves_nothing(rf, settings, tmp_path, monkeypatch):
    # An empty MEDIA_ROOT must not mean "the current directory".
    write(tmp_path / "manage.py", b"print()")
    monkeypatch.chdir(tmp_path)
    settings.MEDIA_ROOT = ""
    with pytest.raises(Http404):
        serve_media(rf.get("/media/manage.py"), "manage.py")


def test_symlinks_that_stay_inside_media_root_work(client, media_dir):
    (media_dir / "alias.mp3").symlink_to(media_dir / "audio" / "track.mp3")
    response = client.get("/media/alias.mp3", headers={"range": "bytes=0-3"})
    assert response.status_code == 206
    assert body(response) == DATA[:4]


# --- Content types ------------------------------------------------------------
# The table itself is tested in tests/unit/test_media_types.py; here, that responses carry it.


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("a.MP3", "audio/mpeg"),
        ("a.m4a", "audio/mp4"),
        ("a.webp", "image/webp"),
        ("a.vtt", "text/vtt"),
        ("a.tar.gz", "application/octet-stream"),
        ("no-extension", "application/octet-stream"),
    ],
)
def test_content_type(client, media_dir, name, content_type):
    write(media_dir / "types" / name, b"x")
    response = client.get(f"/media/types/{name}")
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert "Content-Encoding" not in response


# --- Methods --------------------------------------------------------------------


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options"])
def test_only_get_and_head(media_dir, method):
    client = Client(enforce_csrf_checks=True)
    response = getattr(client, method)(URL)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


# --- Streaming and file handles -----------------------------------------------------


@pytest.mark.django_db  # response.close() sends request_finished, which checks the connection.
def test_streams_in_blocks_and_closes_the_file(client, media_dir, opened_files):
    response = client.get(URL)
    assert response.streaming
    chunks = list(response.streaming_content)
    response.close()

    assert b"".join(chunks) == DATA
    assert [len(chunk) for chunk in chunks] == [BLOCK_SIZE] * 3 + [1234]
    assert opened_files[0].closed


def test_a_range_reads_only_that_range(client, media_dir, opened_files):
    response = client.get(URL, headers={"range": "bytes=1000-1999"})
    assert body(response) == DATA[1000:2000]
    assert sum(opened_files[0].reads) == 1000


@pytest.mark.django_db  # response.close() sends request_finished, which checks the connection.
def test_file_is_closed_even_if_the_body_is_never_read(rf, media_dir, opened_files):
    response = serve_media(rf.get(URL), "audio/track.mp3")
    assert not opened_files[0].closed
    response.close()  # What the WSGI server does when the client goes away.
    assert opened_files[0].closed


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_IF_NONE_MATCH": ETAG},
        {"HTTP_IF_MATCH": '"other"'},
        {"HTTP_RANGE": f"bytes={SIZE}-"},
    ],
)
def test_bodyless_answers_close_the_file_at_once(rf, media_dir, opened_files, headers):
    response = serve_media(rf.get(URL, **headers), "audio/track.mp3")
    assert response.status_code in (304, 412, 416)
    assert opened_files[0].closed


def test_head_closes_the_file_at_once(rf, media_dir, opened_files):
    serve_media(rf.head(URL), "audio/track.mp3")
    assert opened_files[0].closed


# --- Settings and middleware ------------------------------------------------------


@pytest.mark.parametrize("debug", [False, True])
def test_works_with_debug_on_and_off(client, settings, media_dir, debug):
    settings.DEBUG = debug
    response = client.get(URL, headers={"range": "bytes=0-9"})
    assert response.status_code == 206
    assert body(response) == DATA[:10]


def test_conditional_get_and_gzip_middleware_leave_media_requests_alone(client, settings, media_dir):
    settings.MIDDLEWARE = [
        "django.middleware.gzip.GZipMiddleware",
        "django.middleware.http.ConditionalGetMiddleware",
        *settings.MIDDLEWARE,
    ]
    # What Chromium sends for <audio>: no compression wanted.
    chromium = {"accept-encoding": "identity;q=1, *;q=0"}

    ranged = client.get(URL, headers={**chromium, "range": "bytes=100-199"})
    assert ranged.status_code == 206
    assert ranged["Content-Range"] == f"bytes 100-199/{SIZE}"
    assert ranged["Content-Length"] == "100"
    assert "Content-Encoding" not in ranged
    assert body(ranged) == DATA[100:200]

    assert client.get(URL, headers={**chromium, "if-none-match": ETAG}).status_code == 304
    unsatisfiable = client.get(URL, headers={**chromium, "range": f"bytes={SIZE}-"})
    assert unsatisfiable.status_code == 416
