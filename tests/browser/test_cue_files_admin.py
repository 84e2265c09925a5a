"""An editor in the admin: the audio list and chooser tell recordings apart, a shorter audio is
flagged as soon as it is chosen, and the import page previews a spreadsheet's file."""

import re

import pytest

from tests.browser.test_stamping import log_in, open_editor_from_the_public_page

pytestmark = pytest.mark.browser

SHOTS = "/tmp/shots-import"


def shortest_audio_id(page, base):
    page.goto(base + "/admin/snippets/tracks/audiofile/?ordering=duration_ms")
    href = page.locator("table.listing tbody tr a[href*='/edit/']").first.get_attribute("href")
    return re.search(r"/edit/(\d+)/", href)[1]


@pytest.mark.parametrize("width", [1440])
def test_choosing_a_shorter_audio_names_the_cues_past_its_end(page, demo_server, screenshot, width):
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, demo_server)
    short = shortest_audio_id(page, demo_server)
    assert page.get_by_role("columnheader", name="Duration").count() == 1
    screenshot("admin-audio-list")
    open_editor_from_the_public_page(page, demo_server)
    warning = page.locator("[data-audio-length-warning]")
    assert warning.count() == 1 and warning.is_hidden()
    # What the chooser does once an audio is picked: the hidden input changes.
    page.evaluate(
        "(id) => { const input = document.getElementById('id_audio'); input.value = id;"
        " input.dispatchEvent(new Event('change', { bubbles: true })); }",
        short,
    )
    warning.wait_for(state="visible")
    text = warning.inner_text()
    assert "ends at 0:53" in text and "before you publish" in text
    assert "“All five to the end” (2:05.0)" in text
    assert re.search(r"“On screen: two voices, one plan” \(0:00\.0–\d:\d\d\.\d\)", text)  # it ends past 0:53
    warning.scroll_into_view_if_needed()
    screenshot("editor-shorter-audio-warning")
    # The chooser itself: format, duration, size and file beside each title.
    page.evaluate("document.querySelector('#id_audio-chooser [data-chooser-action-choose]').click()")
    modal = page.locator(".modal-content table.listing")
    modal.wait_for()
    for heading in ("Format", "Duration", "Size", "File", "Uploaded"):
        assert modal.get_by_role("columnheader", name=heading).count() == 1
    assert modal.get_by_text("demo-07-evasion-de-julien.mp3").count() == 1
    screenshot("editor-audio-chooser")


SPREADSHEET = (
    "\ufeffstart;end;title;layer;Colour\r\n2:40,5;2:44;Encore;music;red\r\n0:18,6;;The trumpet enters;music;blue\r\n"
)


@pytest.mark.parametrize("width", [360, 1440])
def test_importing_a_spreadsheets_file_previews_it_with_its_warnings(page, demo_server, screenshot, width):
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, demo_server)
    edit_url = open_editor_from_the_public_page(page, demo_server)
    page.goto(edit_url.replace("/admin/pages/", "/admin/tracks/").replace("/edit/", "/cues/import/"))
    for label in ("WebVTT", "CSV", "Audacity labels", "Podcast chapters"):
        assert page.locator("[data-cue-exports]").get_by_text(label, exact=True).count() == 1
    page.set_input_files(
        "input[name=cue_file]",
        files=[{"name": "Feuille 1.csv", "mimeType": "text/csv", "buffer": SPREADSHEET.encode()}],
    )
    page.get_by_role("button", name="Preview the import").click()
    page.wait_for_selector("[data-import-preview]")
    assert "column E (Colour): not a column the guide knows" in page.locator("[data-import-warnings]").inner_text()
    assert page.locator("[data-change='added']").count() == 1
    assert page.locator("[data-change='changed']").count() == 1  # the trumpet's cue, found by its time
    screenshot(f"import-preview-{width}", full_page=True)
