"""An editor, as a new user would: log in, open a track, listen, stamp a cue, save, publish, and see it."""

import re
from urllib.parse import urljoin

import pytest

pytestmark = pytest.mark.browser

TRACK = "/ascenseur-pour-lechafaud/generique/"


LOCAL_ADMIN = ("admin", "listening")  # load_demo's local account under test settings


def log_in(page, base, account=LOCAL_ADMIN):
    username, password = account
    page.goto(base + "/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))


def open_editor_from_the_public_page(page, base):
    page.goto(base + TRACK)
    edit = page.locator("a[href*='/admin/pages/'][href$='/edit/']").first
    page.goto(urljoin(base + "/", edit.get_attribute("href")))
    page.wait_for_selector("[data-controller='listening-cue-editor']", state="attached")
    return page.url


def audio_time(page):
    return page.evaluate("document.querySelector('.stamp__audio').currentTime")


def test_editor_stamps_a_cue_saves_publishes_and_the_page_highlights_it(page, demo_server, screenshot):
    log_in(page, demo_server)
    edit_url = open_editor_from_the_public_page(page, demo_server)
    rows = page.locator("#id_cues-FORMS > [data-cue-row]")
    assert rows.count() >= 5
    # A cue opened from its line has the stamping tools, beside its fields.
    rows.first.locator("[data-cue-line]").click()
    for field in ("start_ms", "end_ms"):
        assert rows.first.locator(f"[data-cue-tool='set'][data-field='{field}']").is_visible()
    assert rows.first.locator("[data-cue-tool='play']").is_visible()
    screenshot("editor-stamp-panel")

    audio = page.locator(".stamp__audio")
    page.wait_for_function("document.querySelector('.stamp__audio').readyState >= 1")
    # Listen from 20 s in; while it plays, add a cue at the current moment.
    page.evaluate(
        "(() => { const a = document.querySelector('.stamp__audio'); a.currentTime = 20; return a.play(); })()"
    )
    page.wait_for_function("document.querySelector('.stamp__audio').currentTime > 20.6")
    page.get_by_role("button", name="Add a cue here").click()
    new_row = page.locator("[data-cue-row].cue-row--open")
    assert new_row.count() == 1
    start_text = new_row.locator("input[name$='-start_ms']").input_value()
    assert re.fullmatch(r"0:2\d\.\d", start_text), start_text
    # Focus went to the new cue's title, ready to type.
    assert page.evaluate("document.activeElement.name").endswith("-title")
    page.keyboard.type("Stamped while listening")
    page.wait_for_function("document.querySelector('.stamp__audio').currentTime > 23")
    new_row.get_by_role("button", name="Set end to now").click()
    audio.evaluate("a => a.pause()")
    end_text = new_row.locator("input[name$='-end_ms']").input_value()
    # Nudge the end a tenth later with the keyboard.
    new_row.locator("input[name$='-end_ms']").focus()
    page.keyboard.press("ArrowUp")
    nudged = new_row.locator("input[name$='-end_ms']").input_value()
    assert nudged != end_text
    new_row.locator("select[name$='-layer']").select_option("story")
    new_row.scroll_into_view_if_needed()
    screenshot("editor-stamped-row")

    def seconds(text):
        minutes, secs = text.split(":")
        return int(minutes) * 60 + float(secs)

    start, end = seconds(start_text), seconds(nudged)
    assert 20.5 < start < end <= start + 10

    # Save a draft, then publish, through Wagtail's own action menu.
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_selector(".messages .success, [data-w-messages-target] .success, .messages")
    assert "could not be saved" not in page.content()
    page.goto(edit_url)
    page.locator("[data-w-dropdown-target='toggle']").last.click()
    page.get_by_role("button", name="Publish").click()
    page.wait_for_load_state("networkidle")
    assert "could not be" not in page.content()

    # The public page marks the new cue as current at a moment inside it.
    moment = round((start + end) / 2, 1)
    page.goto(f"{demo_server}{TRACK}?t={moment}")
    cue = page.locator("#cue-stamped-while-listening")
    assert cue.count() == 1
    assert cue.get_attribute("aria-current") == "true"
    assert float(cue.get_attribute("data-start")) == pytest.approx(start, abs=0.05)

    # With the public player script (issue 3), the highlight also follows the audio as it plays.
    if page.locator("script[src*='player']").count():
        page.goto(demo_server + TRACK)
        page.wait_for_function("document.querySelector('audio[data-player]').readyState >= 1")
        assert page.locator("#cue-stamped-while-listening").get_attribute("aria-current") != "true"
        page.evaluate(
            "(t) => { const a = document.querySelector('audio[data-player]'); a.currentTime = t; return a.play(); }",
            start - 0.5,
        )
        page.wait_for_function(
            "document.querySelector('#cue-stamped-while-listening').getAttribute('aria-current') === 'true'",
            timeout=5000,
        )


def test_stamping_works_on_a_new_track_before_its_first_save(page, demo_server, screenshot):
    log_in(page, demo_server)
    page.goto(demo_server + "/ascenseur-pour-lechafaud/")
    edit = page.locator("a[href*='/admin/pages/'][href$='/edit/']").first
    soundtrack_id = re.search(r"/pages/(\d+)/edit/", edit.get_attribute("href"))[1]
    page.goto(f"{demo_server}/admin/pages/add/tracks/trackpage/{soundtrack_id}/")
    page.wait_for_selector("[data-controller='listening-cue-editor']", state="attached")
    status = page.locator("[data-listening-cue-editor-target='status']")
    assert page.locator("[data-listening-cue-editor-target='empty']").is_visible()

    # Without audio there is nothing to stamp from: the editor is told so, and no cue is added.
    page.get_by_role("button", name="Add a cue here").click()
    assert "Choose an audio file" in status.text_content()
    assert page.locator("#id_cues-FORMS > [data-cue-row]").count() == 0

    # Choose the audio in the chooser: the player follows, before anything is saved.
    page.get_by_role("button", name="Choose audio file").click()
    page.locator(".modal a[data-chooser-modal-choice]", has_text="Générique").first.click()
    page.wait_for_function("document.querySelector('.stamp__audio').getAttribute('src')")
    page.wait_for_function("document.querySelector('.stamp__audio').readyState >= 1")
    assert not page.locator("[data-listening-cue-editor-target='empty']").is_visible()
    page.evaluate("document.querySelector('.stamp__audio').currentTime = 12.3")
    page.wait_for_function("Math.abs(document.querySelector('.stamp__audio').currentTime - 12.3) < 0.05")
    page.get_by_role("button", name="Add a cue here").click()
    added = page.locator("#id_cues-FORMS > [data-cue-row]").last
    assert added.locator("input[name$='-start_ms']").input_value() == "0:12.3"
    assert added.locator("[data-cue-tool='play']").count() == 1
    # Nudges by button: a second later, then a tenth earlier.
    added.get_by_role("button", name="Start 1 second later").click()
    added.get_by_role("button", name="Start 0.1 second earlier").click()
    assert added.locator("input[name$='-start_ms']").input_value() == "0:13.2"
    assert added.locator("[data-part='time']").inner_text() == "0:13.2"
    screenshot("editor-new-track-stamping")
