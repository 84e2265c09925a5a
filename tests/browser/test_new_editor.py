"""A new editor's first track: from a title to a published, highlighted guide, stamping with the keyboard.

The track is made from scratch (a title alone, saved; then its audio), five cues are stamped with
the keyboard while the audio plays, an overlap of two music cues shows on the timeline and is fixed,
and the track is saved, previewed and published; the public page then marks the new cues.
"""

import re
from urllib.parse import quote

import pytest

from tests.browser.test_stamping import log_in

pytestmark = pytest.mark.browser

SOUNDTRACK = "/ascenseur-pour-lechafaud/"
TITLES = ["Le premier souffle", "La rue mouillée", "Le taxi passe", "La porte du bar", "Le dernier accord"]


def audio_time(page):
    return page.evaluate("document.querySelector('.stamp__audio').currentTime")


def wait_until(page, seconds):
    page.wait_for_function(f"document.querySelector('.stamp__audio').currentTime > {seconds}", timeout=20_000)


def shown_seconds(text):
    minutes, secs = text.split(":")
    return int(minutes) * 60 + float(secs)


def row(page, title):
    return page.locator("[data-cue-row]", has=page.locator("[data-part='title']", has_text=title))


def test_a_new_editor_makes_a_track_from_a_title_stamps_it_by_keyboard_and_publishes(page, demo_server, screenshot):
    log_in(page, demo_server)
    page.goto(demo_server + SOUNDTRACK)
    edit = page.locator("a[href*='/admin/pages/'][href$='/edit/']").first
    soundtrack_id = re.search(r"/pages/(\d+)/edit/", edit.get_attribute("href"))[1]
    page.goto(f"{demo_server}/admin/pages/add/tracks/trackpage/{soundtrack_id}/")
    page.wait_for_load_state("networkidle")  # Wagtail's controllers are connected

    # A title alone: the slug fills in as it is typed, and a draft saves at the first try.
    page.locator("#id_title").click()
    page.keyboard.type("Nuit blanche à Paris")
    page.keyboard.press("Tab")
    page.wait_for_function("document.querySelector('#id_slug').value", timeout=5000)
    assert page.locator("#id_slug").input_value() == "nuit-blanche-à-paris"
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    assert "could not be" not in page.locator(".messages").inner_text()
    edit_url = page.url

    # Then its audio: the stamping player follows the chooser.
    page.get_by_role("button", name="Choose audio file").click()
    page.locator(".modal a[data-chooser-modal-choice]", has_text="Générique").first.click()
    page.wait_for_function("document.querySelector('.stamp__audio').getAttribute('src')")
    page.wait_for_function("document.querySelector('.stamp__audio').readyState >= 1")
    assert "add a cue here" in page.locator(".cue-editor__shortcuts").inner_text()

    # Listen, and stamp five cues with the keyboard: A adds one at the playhead with the cursor in its
    # title, Esc leaves the field so that the next key is a shortcut again.
    page.evaluate("(() => { const a = document.querySelector('.stamp__audio'); a.currentTime = 10; a.play(); })()")
    for number, title in enumerate(TITLES):
        wait_until(page, 10.6 + 1.3 * number)
        page.keyboard.press("a")
        assert page.evaluate("document.activeElement.name").endswith("-title")
        page.keyboard.type(title)
        page.keyboard.press("Escape")
        assert page.evaluate("document.activeElement.matches('[data-cue-line]')")
    lines = page.locator("[data-cue-row]:not([hidden]) [data-part='title']")
    assert lines.all_text_contents() == TITLES  # in time order
    starts = [shown_seconds(row(page, title).locator("[data-part='time']").text_content()) for title in TITLES]
    assert starts == sorted(starts) and 10.5 < starts[0] < starts[-1] < 20

    # Back to the second cue (U three times from the fifth) and end it now: past the third's start.
    page.keyboard.press("u")
    page.keyboard.press("u")
    page.keyboard.press("u")
    assert row(page, TITLES[1]).locator("[data-cue-line]").get_attribute("aria-expanded") == "true"
    page.keyboard.press("e")
    page.evaluate("document.querySelector('.stamp__audio').pause()")
    overlap = page.locator(".cue-timeline [data-lane='music'] .cue-timeline__clash--overlap")
    overlap.first.wait_for()
    warnings = page.locator(".cue-editor__warning-list")
    assert f"“{TITLES[1]}” and “{TITLES[2]}” (music) overlap" in warnings.inner_text()
    page.locator(".cue-editor").scroll_into_view_if_needed()
    screenshot("new-editor-overlap")

    # Fix it: move the playhead between the second and third cues' starts, and end the second there.
    between = (starts[1] + starts[2]) / 2
    page.evaluate(f"document.querySelector('.stamp__audio').currentTime = {between}")
    page.wait_for_function(f"Math.abs(document.querySelector('.stamp__audio').currentTime - {between}) < 0.05")
    page.keyboard.press("e")
    page.wait_for_function("!document.querySelector('.cue-timeline__clash--overlap')")
    assert "overlap" not in warnings.inner_text()

    # Save: a draft revision, the cues drawn from it.
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_load_state("networkidle")
    assert "could not be" not in page.locator(".messages").inner_text()
    assert page.locator("[data-cue-row] [data-part='title']").all_text_contents() == TITLES

    # Preview, in Wagtail's own side panel.
    page.locator("[data-side-panel-toggle='preview']").click()
    preview = page.frame_locator("#w-preview-iframe")
    preview.locator(f"[data-cue] >> text={TITLES[2]}").first.wait_for(timeout=20_000)

    # Publish, then read it as a reader.
    page.goto(edit_url)
    page.locator("[data-w-dropdown-target='toggle']").last.click()
    page.get_by_role("button", name="Publish").click()
    page.wait_for_load_state("networkidle")
    assert "could not be" not in page.content()
    moment = round((starts[3] + starts[4]) / 2, 1)
    page.goto(f"{demo_server}{SOUNDTRACK}{quote('nuit-blanche-à-paris')}/?t={moment}")
    current = page.locator("[data-cue][aria-current='true']")
    assert current.count() == 1 and TITLES[3] in current.inner_text()
    # And the highlight follows the audio to the next new cue.
    page.wait_for_function("document.querySelector('audio[data-player]').readyState >= 1")
    page.evaluate(
        "(t) => { const a = document.querySelector('audio[data-player]'); a.currentTime = t; return a.play(); }",
        starts[4] - 0.4,
    )
    page.wait_for_function(
        "(title) => [...document.querySelectorAll('[data-cue][aria-current=\"true\"]')]"
        ".some((cue) => cue.textContent.includes(title))",
        arg=TITLES[4],
        timeout=5000,
    )


def test_a_failed_save_opens_the_tab_and_the_cue_at_fault_and_names_them(page, demo_server):
    log_in(page, demo_server)
    page.goto(demo_server + "/ascenseur-pour-lechafaud/generique/")
    edit = page.locator("a[href*='/admin/pages/'][href$='/edit/']").first
    page.goto(demo_server + re.search(r"/admin/pages/\d+/edit/", edit.get_attribute("href"))[0])
    page.wait_for_load_state("networkidle")

    # A slug another track of the album has, on the Promote tab; saved from the Content tab.
    page.get_by_role("tab", name="Promote").click()
    page.locator("#id_slug").fill("sur-lautoroute")
    page.get_by_role("tab", name="Content").click()
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_role("tab", name="Promote").get_attribute("aria-selected") == "true"
    assert page.evaluate("document.activeElement.id") == "id_slug"
    assert "To fix: Slug (Promote tab)." in page.locator(".messages").inner_text()

    # A cue ending before it starts: its row opens, and the message names the cue and the field.
    page.locator("#id_slug").fill("generique")
    page.get_by_role("tab", name="Content").click()
    cue = page.locator("[data-cue-row]").nth(2)
    # Read from the DOM, not as rendered: a closed row off screen is not rendered (content-visibility).
    title = cue.locator("[data-part='title']").text_content()
    cue.locator("[data-cue-line]").click()
    cue.locator("input[name$='-end_ms']").fill("0:00.1")
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_load_state("networkidle")
    faults = page.locator(".messages .listening-faults").inner_text()
    assert f"End of the cue “{title}” (Content tab)" in faults
    opened = page.locator("[data-cue-row].cue-row--open")
    assert opened.locator("[data-part='title']").inner_text() == title
    assert opened.locator(".w-field--error input[name$='-end_ms']").is_visible()
