"""Every response carries the headers a security review expects; the media view keeps its own policy."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile

from listening.core.media_serving import MEDIA_CSP
from listening.tracks.models import AudioFile
from tests.audio_samples import tone
from tests.factories import CueFactory, SoundtrackPageFactory, TrackPageFactory, home_page

pytestmark = pytest.mark.django_db


def policy(response, header="Content-Security-Policy"):
    """{directive: [sources]} of a response's policy."""
    directives = {}
    for part in response[header].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


@pytest.fixture
def track():
    audio = AudioFile(title="Quiet tone")
    audio.ingest(ContentFile(tone(seconds=1.0), name="quiet-tone.mp3"), "quiet-tone.mp3")
    audio.save()
    soundtrack = SoundtrackPageFactory(parent=home_page())
    track = TrackPageFactory(parent=soundtrack, audio=audio)
    CueFactory(track=track, start_ms=0)
    return track


def test_public_pages_allow_only_this_sites_scripts_and_the_nonced_inline_one(client, track):
    for url in ("/", track.url, track.get_parent().url, "/search/?q=tone", "/_util/login/"):
        response = client.get(url)
        assert response.status_code == 200, url
        csp = policy(response)
        assert "'unsafe-inline'" not in csp["script-src"] and "'unsafe-eval'" not in csp["script-src"], url
        assert "'unsafe-inline'" not in csp["style-src"], url
        assert csp["object-src"] == ["'none'"] and csp["base-uri"] == ["'self'"], url
        nonces = [source for source in csp["script-src"] if source.startswith("'nonce-")]
        assert len(nonces) == 1, url
        html = response.content.decode()
        inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html)
        assert inline, url  # the no-js switch
        for attributes in inline:
            if 'type="application/ld+json"' not in attributes:  # data, never run
                assert f'nonce="{nonces[0][7:-1]}"' in attributes, (url, attributes)


def test_each_response_has_a_fresh_nonce(client, track):
    first, second = (policy(client.get(track.url))["script-src"] for _ in range(2))
    assert first != second


def test_htmx_may_not_inject_styles_or_evaluate_code(client, track):
    html = client.get(track.url).content.decode()
    assert """<meta name="htmx-config" content='{"includeIndicatorStyles": false, "allowEval": false}'>""" in html


def test_htmx_fragments_carry_the_policy_too(client, track):
    response = client.get(track.url, headers={"HX-Request": "true"})
    assert "'unsafe-inline'" not in policy(response)["script-src"]


def test_the_admin_has_its_own_looser_policy(client, track):
    login = client.get("/admin/login/")
    assert "'unsafe-inline'" in policy(login)["script-src"]
    admin = get_user_model().objects.create_superuser("boss", password="pw")
    client.force_login(admin)
    for url in ("/admin/", f"/admin/pages/{track.pk}/edit/"):
        response = client.get(url)
        assert response.status_code == 200, url
        csp = policy(response)
        assert csp["script-src"] == ["'self'", "'unsafe-inline'"], url  # a nonce would disable unsafe-inline
        assert csp["frame-ancestors"] == ["'self'"] and csp["object-src"] == ["'none'"], url


def test_the_media_view_keeps_its_sandbox(client, track):
    url = track.audio.file.url
    for response in (client.get(url), client.head(url), client.get(url, headers={"Range": "bytes=0-99"})):
        assert response["Content-Security-Policy"] == MEDIA_CSP
        assert "Permissions-Policy" in response


def test_permissions_policy_denies_what_the_guide_does_not_use(client, track):
    for url in ("/", track.url, "/admin/login/"):
        features = dict(
            item.strip().split("=", 1) for item in client.get(url)["Permissions-Policy"].split(",") if item.strip()
        )
        for denied in ("camera", "microphone", "geolocation", "payment", "usb", "display-capture"):
            assert features[denied] == "()", (url, denied)
        assert features["autoplay"] == "(self)" and features["fullscreen"] == "(self)", url
