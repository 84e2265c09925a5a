"""Readers who log in or give a page's password go back where they came from, never to a missing page;
the forms show nothing of the page they guard; the admin's password reset works when mail does."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from wagtail.models import PageViewRestriction

from tests.factories import CueFactory, SoundtrackPageFactory, TrackPageFactory, home_page

pytestmark = pytest.mark.django_db

LOGIN = "/_util/login/"


@pytest.fixture
def reader():
    return get_user_model().objects.create_user("reader", email="reader@example.invalid", password="a-good-password")


@pytest.fixture
def track():
    soundtrack = SoundtrackPageFactory(parent=home_page(), title="Secret album", footer="<p>Secret footer</p>")
    track = TrackPageFactory(parent=soundtrack, title="Hidden track")
    CueFactory(track=track, title="Hidden cue")
    return track


def hidden_value(html, name):
    match = re.search(rf'<input type="hidden" name="{name}" value="([^"]*)"', html)
    assert match, f"no hidden {name} field"
    return match.group(1).replace("&amp;", "&")


def log_in(client, reader, next_value):
    return client.post(LOGIN, {"username": "reader", "password": "a-good-password", "next": next_value})


def test_a_login_restricted_page_sends_the_reader_back_to_it(client, reader, track):
    PageViewRestriction.objects.create(page=track, restriction_type=PageViewRestriction.LOGIN)
    url = track.url + "?t=83"
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith(LOGIN + "?next=")
    form = client.get(response["Location"])
    assert form.status_code == 200
    next_value = hidden_value(form.content.decode(), "next")
    assert next_value == url
    response = log_in(client, reader, next_value)
    assert response.status_code == 302 and response["Location"] == url
    page = client.get(url)
    assert page.status_code == 200 and "Hidden cue" in page.content.decode()


def test_the_login_page_opened_from_a_page_goes_back_to_that_page(client, reader, track):
    form = client.get(LOGIN, headers={"Referer": f"http://testserver{track.url}?t=12"})
    next_value = hidden_value(form.content.decode(), "next")
    assert next_value == f"{track.url}?t=12"
    assert log_in(client, reader, next_value)["Location"] == f"{track.url}?t=12"


@pytest.mark.parametrize(
    "referer",
    [None, "https://elsewhere.example/page/", "http://testserver/_util/login/", "javascript:alert(1)"],
)
def test_without_a_page_to_go_back_to_the_login_goes_home_not_to_a_profile(client, reader, referer):
    headers = {"Referer": referer} if referer else {}
    next_value = hidden_value(client.get(LOGIN, headers=headers).content.decode(), "next")
    assert next_value == ""
    response = log_in(client, reader, next_value)
    assert response.status_code == 302 and response["Location"] == "/"


def test_a_next_to_another_site_is_not_followed(client, reader):
    assert log_in(client, reader, "https://elsewhere.example/")["Location"] == "/"


def test_login_url_is_the_front_end_login():
    from django.conf import settings

    assert reverse(settings.LOGIN_URL) == LOGIN


def test_a_password_page_takes_the_reader_back_to_the_page_and_shows_nothing_of_it(client, track):
    restriction = PageViewRestriction.objects.create(
        page=track.get_parent(), restriction_type=PageViewRestriction.PASSWORD, password="letmein"
    )
    url = track.url + "?t=12"
    form = client.get(url)
    html = form.content.decode()
    assert form.status_code == 200 and "Password required" in html
    for secret in ("Hidden track", "Hidden cue", "Secret album", "Secret footer", "data-track-url"):
        assert secret not in html, secret
    assert hidden_value(html, "return_url") == url
    action = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, track.pk])
    assert f'action="{action}"' in html

    wrong = client.post(action, {"password": "nope", "return_url": url})
    assert wrong.status_code == 200 and "not correct" in wrong.content.decode()
    assert hidden_value(wrong.content.decode(), "return_url") == url
    right = client.post(action, {"password": "letmein", "return_url": url})
    assert right.status_code == 302 and right["Location"] == url
    assert "Hidden cue" in client.get(url).content.decode()


def test_the_password_form_opened_on_its_own_still_leads_to_the_page(client, track):
    restriction = PageViewRestriction.objects.create(
        page=track, restriction_type=PageViewRestriction.PASSWORD, password="letmein"
    )
    action = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, track.pk])
    return_url = hidden_value(client.get(action).content.decode(), "return_url")
    assert return_url == track.url
    assert client.post(action, {"password": "letmein", "return_url": return_url})["Location"] == track.url
    # A return_url to another site is refused: home, not a profile page that does not exist.
    other = client.post(action, {"password": "letmein", "return_url": "https://elsewhere.example/"})
    assert other["Location"] == "/"


@override_settings(WAGTAIL_PASSWORD_RESET_ENABLED=False)
def test_without_mail_the_admin_offers_no_password_reset(client):
    html = client.get("/admin/login/").content.decode()
    assert reverse("wagtailadmin_password_reset") not in html
    assert client.get(reverse("wagtailadmin_password_reset")).status_code == 404


@override_settings(WAGTAIL_PASSWORD_RESET_ENABLED=True, EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")
def test_with_mail_the_admin_password_reset_sends_a_working_link(client):
    get_user_model().objects.create_superuser("boss", email="boss@example.invalid", password="old-password-123")
    assert reverse("wagtailadmin_password_reset") in client.get("/admin/login/").content.decode()
    response = client.post(reverse("wagtailadmin_password_reset"), {"email": "boss@example.invalid"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["boss@example.invalid"]
    link = re.search(r"https?://[^/\s]+(/admin/password_reset/confirm/\S+/)", mail.outbox[0].body).group(1)
    form = client.get(link, follow=True)
    assert form.status_code == 200 and 'name="new_password1"' in form.content.decode()
